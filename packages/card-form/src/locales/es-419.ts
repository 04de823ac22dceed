import type { Catalog } from '../catalog.ts';

/** Español (Latinoamérica) (es-419): what the form shows and announces. */
export default {
  labels: {
    number: 'Número de tarjeta',
    expiry: 'Fecha de vencimiento',
    cvc: 'Código de seguridad',
    name: 'Nombre en la tarjeta',
  },
  placeholders: {
    expiry: 'MM / AA',
    cvc: 'CVC',
    name: 'Nombre completo',
  },
  errors: {
    numberIncomplete: 'El número de tu tarjeta está incompleto.',
    numberInvalid: 'El número de tu tarjeta no es válido.',
    brandNotAccepted: 'No se acepta esta marca de tarjeta.',
    expiryIncomplete: 'La fecha de vencimiento de tu tarjeta está incompleta.',
    expiryInvalid: 'La fecha de vencimiento de tu tarjeta no es válida.',
    expiryInPast: 'La fecha de vencimiento de tu tarjeta ya pasó.',
    cvcIncomplete: 'El código de seguridad de tu tarjeta está incompleto.',
    nameMissing: 'Ingresa el nombre que aparece en tu tarjeta.',
  },
  unknownCard: 'Tarjeta',
  savedCard: '{brand} terminada en {last4}, vence en {expiry}',
  expires: 'Vence',
  title: 'Formulario seguro de pago con tarjeta',
} satisfies Catalog;
