import type { Catalog } from '../catalog.ts';

/** Español (es): what the form shows and announces. */
export default {
  labels: {
    number: 'Número de tarjeta',
    expiry: 'Fecha de caducidad',
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
    expiryIncomplete: 'La fecha de caducidad de tu tarjeta está incompleta.',
    expiryInvalid: 'La fecha de caducidad de tu tarjeta no es válida.',
    expiryInPast: 'La fecha de caducidad de tu tarjeta ya ha pasado.',
    cvcIncomplete: 'El código de seguridad de tu tarjeta está incompleto.',
    nameMissing: 'Introduce el nombre que figura en tu tarjeta.',
  },
  unknownCard: 'Tarjeta',
  savedCard: '{brand} que termina en {last4}, caduca en {expiry}',
  expires: 'Caduca',
  title: 'Formulario seguro de pago con tarjeta',
} satisfies Catalog;
