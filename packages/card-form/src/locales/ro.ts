import type { Catalog } from '../catalog.ts';

/** Română (ro): what the form shows and announces. */
export default {
  labels: {
    number: 'Numărul cardului',
    expiry: 'Data expirării',
    cvc: 'Cod de securitate',
    name: 'Numele de pe card',
  },
  placeholders: {
    expiry: 'LL / AA',
    cvc: 'CVC',
    name: 'Numele complet',
  },
  errors: {
    numberIncomplete: 'Numărul cardului este incomplet.',
    numberInvalid: 'Numărul cardului nu este valid.',
    brandNotAccepted: 'Acest tip de card nu este acceptat.',
    expiryIncomplete: 'Data de expirare a cardului este incompletă.',
    expiryInvalid: 'Data de expirare a cardului nu este validă.',
    expiryInPast: 'Data de expirare a cardului a trecut deja.',
    cvcIncomplete: 'Codul de securitate al cardului este incomplet.',
    nameMissing: 'Introduceți numele de pe card.',
  },
  unknownCard: 'Card',
  savedCard: '{brand} care se termină cu {last4}, expiră la {expiry}',
  expires: 'Expiră la',
  title: 'Formular securizat de plată cu cardul',
} satisfies Catalog;
