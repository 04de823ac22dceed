import type { Catalog } from '../catalog.ts';

/** Português (Brasil) (pt-BR): what the form shows and announces. */
export default {
  labels: {
    number: 'Número do cartão',
    expiry: 'Data de validade',
    cvc: 'Código de segurança',
    name: 'Nome impresso no cartão',
  },
  placeholders: {
    expiry: 'MM / AA',
    cvc: 'CVV',
    name: 'Nome completo',
  },
  errors: {
    numberIncomplete: 'O número do cartão está incompleto.',
    numberInvalid: 'O número do cartão é inválido.',
    brandNotAccepted: 'Esta bandeira de cartão não é aceita.',
    expiryIncomplete: 'A data de validade do cartão está incompleta.',
    expiryInvalid: 'A data de validade do cartão é inválida.',
    expiryInPast: 'A data de validade do cartão já passou.',
    cvcIncomplete: 'O código de segurança do cartão está incompleto.',
    nameMissing: 'Informe o nome impresso no cartão.',
  },
  unknownCard: 'Cartão',
  savedCard: '{brand} com final {last4}, validade {expiry}',
  expires: 'Validade',
  title: 'Formulário seguro de pagamento com cartão',
} satisfies Catalog;
