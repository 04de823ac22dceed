import type { FrameMessages } from '../../catalog.ts';

/** Português (Portugal) (pt): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Não foi possível carregar este formulário de pagamento.',
  notAllowedHere: 'Este formulário de pagamento não pode ser apresentado neste site.',
  sessionExpired: 'Esta sessão de pagamento expirou. Recarregue a página para tentar novamente.',
  sessionCompleted: 'Esta sessão de pagamento já foi utilizada.',
  sessionNotFound: 'Esta sessão de pagamento não foi encontrada.',
  networkError: 'Não foi possível contactar o serviço de pagamento. Verifique a sua ligação e tente novamente.',
  saveFailed: 'Não foi possível guardar o cartão. Tente novamente.',
  incomplete: 'Preencha os dados do cartão.',
  unsupportedBrowser: 'Este navegador não consegue apresentar o formulário de pagamento. Atualize-o ou utilize outro navegador.',
  unavailable: 'Este formulário de pagamento não está disponível de momento.',
} satisfies FrameMessages;
