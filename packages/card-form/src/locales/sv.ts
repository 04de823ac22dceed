import type { Catalog } from '../catalog.ts';

/** Svenska (sv): what the form shows and announces. */
export default {
  labels: {
    number: 'Kortnummer',
    expiry: 'Utgångsdatum',
    cvc: 'Säkerhetskod',
    name: 'Namn på kortet',
  },
  placeholders: {
    expiry: 'MM / ÅÅ',
    cvc: 'CVC',
    name: 'Fullständigt namn',
  },
  errors: {
    numberIncomplete: 'Kortnumret är ofullständigt.',
    numberInvalid: 'Kortnumret är ogiltigt.',
    brandNotAccepted: 'Det här kortmärket accepteras inte.',
    expiryIncomplete: 'Kortets utgångsdatum är ofullständigt.',
    expiryInvalid: 'Kortets utgångsdatum är ogiltigt.',
    expiryInPast: 'Kortets utgångsdatum har passerat.',
    cvcIncomplete: 'Kortets säkerhetskod är ofullständig.',
    nameMissing: 'Ange namnet som står på kortet.',
  },
  unknownCard: 'Kort',
  savedCard: '{brand} som slutar på {last4}, giltigt till {expiry}',
  expires: 'Giltigt till',
  title: 'Säkert formulär för kortbetalning',
} satisfies Catalog;
