import type { FieldName, Scheme, ValidationErrorCode } from '@cardframe/protocol';
import type { Catalog } from './catalog.ts';

type ErrorKey = keyof Catalog['errors'];

/** Which catalog text each field's error code shows. A code a field cannot raise has none. */
const ERROR_KEYS: Readonly<Record<FieldName, Partial<Record<ValidationErrorCode, ErrorKey>>>> = {
  number: { NOT_COMPLETE: 'numberIncomplete', LUHN_CHECK_FAILED: 'numberInvalid', SCHEME_NOT_SUPPORTED: 'brandNotAccepted' },
  expiry: { NOT_COMPLETE: 'expiryIncomplete', INVALID_EXPIRY_DATE: 'expiryInvalid', EXPIRY_IN_PAST: 'expiryInPast' },
  cvc: { NOT_COMPLETE: 'cvcIncomplete' },
  name: { NOT_COMPLETE: 'nameMissing' },
};

/** Brand names as printed on cards; a catalog overrides only the ones its language writes differently. */
const BRAND_NAMES: Readonly<Record<Scheme, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  'american express': 'American Express',
  discover: 'Discover',
  'diners club': 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

export function errorMessage(catalog: Catalog, field: FieldName, code: ValidationErrorCode): string {
  const key = ERROR_KEYS[field][code];
  return key ? catalog.errors[key] : code;
}

export function brandName(catalog: Catalog, brand: Scheme | 'unknown'): string {
  return brand === 'unknown' ? catalog.unknownCard : (catalog.brands?.[brand] ?? BRAND_NAMES[brand]);
}
