import type { Catalog } from '../catalog.ts';

/** Polski (pl): what the form shows and announces. */
export default {
  labels: {
    number: 'Numer karty',
    expiry: 'Data ważności',
    cvc: 'Kod zabezpieczający',
    name: 'Imię i nazwisko na karcie',
  },
  placeholders: {
    expiry: 'MM / RR',
    cvc: 'CVC',
    name: 'Imię i nazwisko',
  },
  errors: {
    numberIncomplete: 'Numer karty jest niekompletny.',
    numberInvalid: 'Numer karty jest nieprawidłowy.',
    brandNotAccepted: 'Karty tej marki nie są akceptowane.',
    expiryIncomplete: 'Data ważności karty jest niekompletna.',
    expiryInvalid: 'Data ważności karty jest nieprawidłowa.',
    expiryInPast: 'Data ważności karty już minęła.',
    cvcIncomplete: 'Kod zabezpieczający karty jest niekompletny.',
    nameMissing: 'Wpisz imię i nazwisko widoczne na karcie.',
  },
  unknownCard: 'Karta',
  savedCard: '{brand} z numerem kończącym się na {last4}, ważna do {expiry}',
  expires: 'Ważna do',
  title: 'Bezpieczny formularz płatności kartą',
} satisfies Catalog;
