import type { Catalog } from '../catalog.ts';

/** Hrvatski (hr): what the form shows and announces. */
export default {
  labels: {
    number: 'Broj kartice',
    expiry: 'Datum isteka',
    cvc: 'Sigurnosni kôd',
    name: 'Ime na kartici',
  },
  placeholders: {
    expiry: 'MM / GG',
    cvc: 'CVC',
    name: 'Ime i prezime',
  },
  errors: {
    numberIncomplete: 'Broj kartice je nepotpun.',
    numberInvalid: 'Broj kartice nije valjan.',
    brandNotAccepted: 'Kartice ove marke ne prihvaćaju se.',
    expiryIncomplete: 'Datum isteka kartice je nepotpun.',
    expiryInvalid: 'Datum isteka kartice nije valjan.',
    expiryInPast: 'Kartici je već istekao rok valjanosti.',
    cvcIncomplete: 'Sigurnosni kôd kartice je nepotpun.',
    nameMissing: 'Unesite ime s kartice.',
  },
  unknownCard: 'Kartica',
  savedCard: '{brand} koja završava s {last4}, vrijedi do {expiry}',
  expires: 'Vrijedi do',
  title: 'Siguran obrazac za plaćanje karticom',
} satisfies Catalog;
