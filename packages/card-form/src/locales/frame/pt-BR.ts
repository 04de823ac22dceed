import type { FrameMessages } from '../../catalog.ts';

/** Português (Brasil) (pt-BR): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Não foi possível carregar este formulário de pagamento.',
  notAllowedHere: 'Este formulário de pagamento não pode ser exibido neste site.',
  sessionExpired: 'Esta sessão de pagamento expirou. Recarregue a página para tentar de novo.',
  sessionCompleted: 'Esta sessão de pagamento já foi usada.',
  sessionNotFound: 'Esta sessão de pagamento não foi encontrada.',
  networkError: 'Não foi possível acessar o serviço de pagamento. Verifique sua conexão e tente de novo.',
  saveFailed: 'Não foi possível salvar o cartão. Tente de novo.',
  incomplete: 'Preencha os dados do cartão.',
  unsupportedBrowser: 'Este navegador não consegue exibir o formulário de pagamento. Atualize-o ou use outro navegador.',
  unavailable: 'Este formulário de pagamento não está disponível no momento.',
} satisfies FrameMessages;
