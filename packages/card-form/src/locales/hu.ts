import type { Catalog } from '../catalog.ts';

/** Magyar (hu): what the form shows and announces. */
export default {
  labels: {
    number: 'Kártyaszám',
    expiry: 'Lejárati dátum',
    cvc: 'Biztonsági kód',
    name: 'Kártyán szereplő név',
  },
  placeholders: {
    expiry: 'HH / ÉÉ',
    cvc: 'CVC',
    name: 'Teljes név',
  },
  errors: {
    numberIncomplete: 'A kártyaszám hiányos.',
    numberInvalid: 'A kártyaszám érvénytelen.',
    brandNotAccepted: 'Ezt a kártyatípust nem fogadjuk el.',
    expiryIncomplete: 'A kártya lejárati dátuma hiányos.',
    expiryInvalid: 'A kártya lejárati dátuma érvénytelen.',
    expiryInPast: 'A kártya lejárati dátuma már elmúlt.',
    cvcIncomplete: 'A kártya biztonsági kódja hiányos.',
    nameMissing: 'Adja meg a kártyán szereplő nevet.',
  },
  unknownCard: 'Kártya',
  savedCard: '{brand}, utolsó négy számjegye {last4}, lejárat: {expiry}',
  expires: 'Lejárat:',
  title: 'Biztonságos bankkártyás fizetési űrlap',
} satisfies Catalog;
