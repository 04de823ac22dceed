import type { Catalog } from '../catalog.ts';

/** English (en): what the form shows and announces. */
export default {
  labels: {
    number: 'Card number',
    expiry: 'Expiry date',
    cvc: 'Security code',
    name: 'Name on card',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: 'Full name',
  },
  errors: {
    numberIncomplete: 'Your card number is incomplete.',
    numberInvalid: 'Your card number is invalid.',
    brandNotAccepted: 'This card brand is not accepted.',
    expiryIncomplete: 'Your card’s expiry date is incomplete.',
    expiryInvalid: 'Your card’s expiry date is invalid.',
    expiryInPast: 'Your card’s expiry date is in the past.',
    cvcIncomplete: 'Your card’s security code is incomplete.',
    nameMissing: 'Enter the name on your card.',
  },
  unknownCard: 'Card',
  savedCard: '{brand} ending in {last4}, expires {expiry}',
  expires: 'Expires',
  title: 'Secure card payment form',
} satisfies Catalog;
