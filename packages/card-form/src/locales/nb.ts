import type { Catalog } from '../catalog.ts';

/** Norsk bokmål (nb): what the form shows and announces. */
export default {
  labels: {
    number: 'Kortnummer',
    expiry: 'Utløpsdato',
    cvc: 'Sikkerhetskode',
    name: 'Navn på kortet',
  },
  placeholders: {
    expiry: 'MM / ÅÅ',
    cvc: 'CVC',
    name: 'Fullt navn',
  },
  errors: {
    numberIncomplete: 'Kortnummeret er ufullstendig.',
    numberInvalid: 'Kortnummeret er ugyldig.',
    brandNotAccepted: 'Dette kortmerket godtas ikke.',
    expiryIncomplete: 'Kortets utløpsdato er ufullstendig.',
    expiryInvalid: 'Kortets utløpsdato er ugyldig.',
    expiryInPast: 'Kortets utløpsdato er passert.',
    cvcIncomplete: 'Kortets sikkerhetskode er ufullstendig.',
    nameMissing: 'Skriv inn navnet som står på kortet.',
  },
  unknownCard: 'Kort',
  savedCard: '{brand} som slutter på {last4}, utløper {expiry}',
  expires: 'Utløper',
  title: 'Sikkert skjema for kortbetaling',
} satisfies Catalog;
