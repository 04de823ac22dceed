import type { Catalog } from '../catalog.ts';

/** Filipino (fil): what the form shows and announces. */
export default {
  labels: {
    number: 'Numero ng card',
    expiry: 'Petsa ng pag-expire',
    cvc: 'Security code',
    name: 'Pangalan sa card',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: 'Buong pangalan',
  },
  errors: {
    numberIncomplete: 'Kulang ang numero ng iyong card.',
    numberInvalid: 'Hindi wasto ang numero ng iyong card.',
    brandNotAccepted: 'Hindi tinatanggap ang brand ng card na ito.',
    expiryIncomplete: 'Kulang ang petsa ng pag-expire ng iyong card.',
    expiryInvalid: 'Hindi wasto ang petsa ng pag-expire ng iyong card.',
    expiryInPast: 'Lipas na ang petsa ng pag-expire ng iyong card.',
    cvcIncomplete: 'Kulang ang security code ng iyong card.',
    nameMissing: 'Ilagay ang pangalang nakasulat sa iyong card.',
  },
  unknownCard: 'Card',
  savedCard: '{brand} na nagtatapos sa {last4}, mag-e-expire sa {expiry}',
  expires: 'Mag-e-expire sa',
  title: 'Secure na form ng pagbabayad gamit ang card',
} satisfies Catalog;
