import type { Scheme, ValidationErrorCode } from '@cardframe/protocol';
import { detectCard, type CardDetection } from './detect-card.ts';
import { checkExpiry, parseExpiry, type ExpiryParts } from './parse-expiry.ts';

/** Validation of one field, before deciding whether its error is shown yet. */
export interface FieldCheck {
  empty: boolean;
  complete: boolean;
  error?: ValidationErrorCode;
  /** The error is certain however the shopper goes on typing, so it is shown at once. */
  immediate: boolean;
}

/** Checks the card number against card-validator and the session's allowed schemes. */
export function checkNumber(digits: string, allowed: readonly Scheme[], card: CardDetection = detectCard(digits)): FieldCheck {
  const empty = digits.length === 0;
  if (empty) return { empty, complete: false, error: 'NOT_COMPLETE', immediate: false };
  if (card.brand === 'other' || (card.brand !== 'unknown' && !allowed.includes(card.brand))) {
    return { empty, complete: false, error: 'SCHEME_NOT_SUPPORTED', immediate: true };
  }
  if (card.isValid) return { empty, complete: true, immediate: false };
  // No brand starts like this, or the brand's longest length failed Luhn: no more typing can fix it.
  if (!card.isPotentiallyValid) return { empty, complete: false, error: 'LUHN_CHECK_FAILED', immediate: true };
  // A full length that fails Luhn is shown as the last digit lands (a rare longer number of
  // the same brand clears it again as the shopper goes on typing).
  if (card.isFullLength) return { empty, complete: false, error: 'LUHN_CHECK_FAILED', immediate: true };
  return { empty, complete: false, error: 'NOT_COMPLETE', immediate: false };
}

/** Checks the expiry text: complete, still being typed, or impossible (month 13, a past year…). */
export function checkExpiryField(text: string, now: Date = new Date()): FieldCheck {
  const parts = parseExpiry(text);
  const empty = parts.month === '' && parts.year === '';
  if (empty) return { empty, complete: false, error: 'NOT_COMPLETE', immediate: false };
  const result = checkExpiry(parts);
  if (result.isValid) return { empty, complete: true, immediate: false };
  if (!result.isPotentiallyValid) {
    return { empty, complete: false, error: isInPast(parts, now) ? 'EXPIRY_IN_PAST' : 'INVALID_EXPIRY_DATE', immediate: true };
  }
  return { empty, complete: false, error: 'NOT_COMPLETE', immediate: false };
}

/**
 * A real month whose every possible completion has passed: `03 / 24`, or `12 / 1` (2010–19).
 * Month 13 or a year too far ahead is invalid, not past.
 */
function isInPast({ month, year }: ExpiryParts, now: Date): boolean {
  const m = Number(month);
  if (month.length !== 2 || m < 1 || m > 12 || year === '') return false;
  const thisYear = now.getFullYear();
  const thisMonth = now.getMonth() + 1;
  if (year.length === 1) return 2000 + Number(year) * 10 + 9 < thisYear;
  const y = 2000 + Number(year);
  return y < thisYear || (y === thisYear && m < thisMonth);
}

/** Checks the security code length for the brand's allowed lengths. */
export function checkCvc(digits: string, lengths: readonly number[]): FieldCheck {
  const empty = digits.length === 0;
  const complete = lengths.includes(digits.length);
  return complete ? { empty, complete, immediate: false } : { empty, complete, error: 'NOT_COMPLETE', immediate: false };
}

/** The name is free text; it only has to be there. */
export function checkName(text: string): FieldCheck {
  const empty = text.trim().length === 0;
  return empty ? { empty, complete: false, error: 'NOT_COMPLETE', immediate: false } : { empty, complete: true, immediate: false };
}
