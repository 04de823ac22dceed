import type { Catalog } from '../catalog.ts';

/** Latviešu (lv): what the form shows and announces. */
export default {
  labels: {
    number: 'Kartes numurs',
    expiry: 'Derīguma termiņš',
    cvc: 'Drošības kods',
    name: 'Vārds uz kartes',
  },
  placeholders: {
    expiry: 'MM / GG',
    cvc: 'CVC',
    name: 'Vārds un uzvārds',
  },
  errors: {
    numberIncomplete: 'Kartes numurs ir nepilnīgs.',
    numberInvalid: 'Kartes numurs nav derīgs.',
    brandNotAccepted: 'Šī zīmola kartes netiek pieņemtas.',
    expiryIncomplete: 'Kartes derīguma termiņš ir nepilnīgs.',
    expiryInvalid: 'Kartes derīguma termiņš nav derīgs.',
    expiryInPast: 'Kartes derīguma termiņš ir beidzies.',
    cvcIncomplete: 'Kartes drošības kods ir nepilnīgs.',
    nameMissing: 'Ievadiet vārdu, kas norādīts uz kartes.',
  },
  unknownCard: 'Karte',
  savedCard: '{brand}, kas beidzas ar {last4}, derīga līdz {expiry}',
  expires: 'Derīga līdz',
  title: 'Droša maksājumu karšu veidlapa',
} satisfies Catalog;
