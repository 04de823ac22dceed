import type { Catalog } from '../catalog.ts';

/** Dansk (da): what the form shows and announces. */
export default {
  labels: {
    number: 'Kortnummer',
    expiry: 'Udløbsdato',
    cvc: 'Sikkerhedskode',
    name: 'Navn på kortet',
  },
  placeholders: {
    expiry: 'MM / ÅÅ',
    cvc: 'CVC',
    name: 'Fulde navn',
  },
  errors: {
    numberIncomplete: 'Kortnummeret er ufuldstændigt.',
    numberInvalid: 'Kortnummeret er ugyldigt.',
    brandNotAccepted: 'Dette kortmærke accepteres ikke.',
    expiryIncomplete: 'Kortets udløbsdato er ufuldstændig.',
    expiryInvalid: 'Kortets udløbsdato er ugyldig.',
    expiryInPast: 'Kortets udløbsdato er overskredet.',
    cvcIncomplete: 'Kortets sikkerhedskode er ufuldstændig.',
    nameMissing: 'Angiv navnet, der står på kortet.',
  },
  unknownCard: 'Kort',
  savedCard: '{brand}, der slutter på {last4}, udløber {expiry}',
  expires: 'Udløber',
  title: 'Sikker formular til kortbetaling',
} satisfies Catalog;
