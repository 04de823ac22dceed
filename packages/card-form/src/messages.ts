import type { FieldName, ValidationErrorCode } from '@cardframe/protocol';

/** Every human-readable string the form shows, per language. Add a locale by adding an entry. */
export interface Messages {
  labels: Record<FieldName, string>;
  placeholders: Record<FieldName, string>;
  /** Error text per field and code; a field only uses the codes it can raise. */
  errors: Record<FieldName, Partial<Record<ValidationErrorCode, string>>>;
  /** Accessible names for the brand icons and the saved card in CVC mode. */
  brandNames: Record<string, string>;
  savedCard: (brand: string, lastFour: string, expiry: string) => string;
  expiresLabel: string;
  unknownCard: string;
}

const en: Messages = {
  labels: { number: 'Card number', expiry: 'Expiry date', cvc: 'Security code', name: 'Name on card' },
  placeholders: { number: '1234 1234 1234 1234', expiry: 'MM / YY', cvc: 'CVC', name: 'Full name' },
  errors: {
    number: {
      NOT_COMPLETE: 'Your card number is incomplete.',
      LUHN_CHECK_FAILED: 'Your card number is invalid.',
      SCHEME_NOT_SUPPORTED: 'This card brand is not accepted.',
    },
    expiry: {
      NOT_COMPLETE: 'Your card’s expiry date is incomplete.',
      INVALID_EXPIRY_DATE: 'Your card’s expiry date is invalid or in the past.',
    },
    cvc: { NOT_COMPLETE: 'Your card’s security code is incomplete.' },
    name: { NOT_COMPLETE: 'Enter the name on your card.' },
  },
  brandNames: {
    visa: 'Visa',
    mastercard: 'Mastercard',
    'american express': 'American Express',
    discover: 'Discover',
    'diners club': 'Diners Club',
    jcb: 'JCB',
    unionpay: 'UnionPay',
    unknown: 'Card',
  },
  savedCard: (brand, lastFour, expiry) => `${brand} ending in ${lastFour}, expires ${expiry}`,
  expiresLabel: 'Expires',
  unknownCard: 'Card',
};

const MESSAGES: Readonly<Record<string, Messages>> = { en };

/** Messages for a BCP 47 tag (`fr-CA` → `fr` → English). */
export function messagesFor(locale: string | undefined): Messages {
  const language = locale?.toLowerCase().split('-')[0];
  return (language !== undefined && Object.hasOwn(MESSAGES, language) ? MESSAGES[language] : undefined) ?? en;
}
