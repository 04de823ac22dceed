import type { Catalog } from '../catalog.ts';

/** Čeština (cs): what the form shows and announces. */
export default {
  labels: {
    number: 'Číslo karty',
    expiry: 'Platnost do',
    cvc: 'Bezpečnostní kód',
    name: 'Jméno na kartě',
  },
  placeholders: {
    expiry: 'MM / RR',
    cvc: 'CVC',
    name: 'Celé jméno',
  },
  errors: {
    numberIncomplete: 'Číslo karty je neúplné.',
    numberInvalid: 'Číslo karty je neplatné.',
    brandNotAccepted: 'Karty této značky nepřijímáme.',
    expiryIncomplete: 'Datum platnosti karty je neúplné.',
    expiryInvalid: 'Datum platnosti karty je neplatné.',
    expiryInPast: 'Platnost karty již vypršela.',
    cvcIncomplete: 'Bezpečnostní kód karty je neúplný.',
    nameMissing: 'Zadejte jméno uvedené na kartě.',
  },
  unknownCard: 'Karta',
  savedCard: '{brand} končící na {last4}, platnost do {expiry}',
  expires: 'Platnost do',
  title: 'Zabezpečený formulář pro platbu kartou',
} satisfies Catalog;
