import type { Catalog } from '../catalog.ts';

/** Slovenčina (sk): what the form shows and announces. */
export default {
  labels: {
    number: 'Číslo karty',
    expiry: 'Platnosť do',
    cvc: 'Bezpečnostný kód',
    name: 'Meno na karte',
  },
  placeholders: {
    expiry: 'MM / RR',
    cvc: 'CVC',
    name: 'Celé meno',
  },
  errors: {
    numberIncomplete: 'Číslo karty je neúplné.',
    numberInvalid: 'Číslo karty je neplatné.',
    brandNotAccepted: 'Karty tejto značky neprijímame.',
    expiryIncomplete: 'Dátum platnosti karty je neúplný.',
    expiryInvalid: 'Dátum platnosti karty je neplatný.',
    expiryInPast: 'Platnosť karty už uplynula.',
    cvcIncomplete: 'Bezpečnostný kód karty je neúplný.',
    nameMissing: 'Zadajte meno uvedené na karte.',
  },
  unknownCard: 'Karta',
  savedCard: '{brand} končiaca na {last4}, platnosť do {expiry}',
  expires: 'Platnosť do',
  title: 'Zabezpečený formulár na platbu kartou',
} satisfies Catalog;
