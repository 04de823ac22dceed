import type { Catalog } from '../catalog.ts';

/** Português (Portugal) (pt): what the form shows and announces. */
export default {
  labels: {
    number: 'Número do cartão',
    expiry: 'Data de validade',
    cvc: 'Código de segurança',
    name: 'Nome no cartão',
  },
  placeholders: {
    expiry: 'MM / AA',
    cvc: 'CVC',
    name: 'Nome completo',
  },
  errors: {
    numberIncomplete: 'O número do cartão está incompleto.',
    numberInvalid: 'O número do cartão é inválido.',
    brandNotAccepted: 'Esta marca de cartão não é aceite.',
    expiryIncomplete: 'A data de validade do cartão está incompleta.',
    expiryInvalid: 'A data de validade do cartão é inválida.',
    expiryInPast: 'A data de validade do cartão já passou.',
    cvcIncomplete: 'O código de segurança do cartão está incompleto.',
    nameMissing: 'Introduza o nome que consta no cartão.',
  },
  unknownCard: 'Cartão',
  savedCard: '{brand} terminado em {last4}, válido até {expiry}',
  expires: 'Válido até',
  title: 'Formulário seguro de pagamento com cartão',
} satisfies Catalog;
