import cardValidator from 'card-validator';
import { schemeFromCardType, type Scheme } from '@cardframe/protocol';
import { ApiError, errors } from '../http/api-error.ts';

export interface CardInput {
  account_number: string;
  expiry_month: number;
  expiry_year: number;
}

/**
 * Checks a PAN beyond its schema: 12–19 ASCII digits, Luhn, a scheme Guardian knows, optionally
 * an allowed scheme and an unexpired date. `path` prefixes the JSON paths of the 422 (`$.source`).
 * Messages never echo the number.
 */
export function validateCard(card: CardInput, path: string, options: { allowedSchemes?: readonly Scheme[]; notExpiredAt?: Date } = {}): Scheme {
  const problems: { path: string; message: string }[] = [];
  const pan = card.account_number;
  let scheme: Scheme | undefined;
  if (!/^[0-9]{12,19}$/.test(pan)) {
    problems.push({ path: `${path}.account_number`, message: 'must be 12 to 19 digits without separators' });
  } else {
    const verdict = cardValidator.number(pan, { maxLength: 19 });
    scheme = schemeFromCardType(verdict.card?.type);
    if (!luhn(pan)) problems.push({ path: `${path}.account_number`, message: 'fails the Luhn check' });
    else if (!scheme) problems.push({ path: `${path}.account_number`, message: 'card scheme is not supported' });
    else if (!verdict.isValid) problems.push({ path: `${path}.account_number`, message: `is not a valid ${scheme} number` });
    else if (options.allowedSchemes && !options.allowedSchemes.includes(scheme)) {
      problems.push({ path: `${path}.account_number`, message: 'card scheme is not allowed' });
    }
  }
  if (options.notExpiredAt) {
    const now = options.notExpiredAt;
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    // The path names the field that makes the date past: the year, or the month within this year.
    if (card.expiry_year < year) problems.push({ path: `${path}.expiry_year`, message: 'the card has expired' });
    else if (card.expiry_year === year && card.expiry_month < month) {
      problems.push({ path: `${path}.expiry_month`, message: 'the card has expired' });
    }
  }
  if (problems.length > 0 || !scheme) throw errors.validation(problems);
  return scheme;
}

/** Luhn mod 10 over ASCII digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
