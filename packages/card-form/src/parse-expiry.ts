// card-validator's month and year rules, not its `expirationDate`: that one adds a string parser
// (parse-date) the form does not need, since parseExpiry already splits the text (ADR 0037).
import { expirationMonth } from 'card-validator/dist/expiration-month.js';
import { expirationYear } from 'card-validator/dist/expiration-year.js';

/** Cards are issued for at most this many years; later dates are typos. */
export const MAX_EXPIRY_YEARS_AHEAD = 20;

/** The digits of an expiry as typed: month (0–2 digits) and year (0–2, or 3–4 when typed as 20YY). */
export interface ExpiryParts {
  month: string;
  year: string;
}

/**
 * Reads what a shopper (or autofill) put in the expiry field: "1", "12", "1225",
 * "12/25", "12 / 2025", "2" (→ month 02). A separator after one digit pads the month.
 */
export function parseExpiry(raw: string): ExpiryParts {
  const separated = /^\s*(\d{1,2})\s*[/\-.\s]\s*(\d*)/.exec(raw);
  let month: string;
  let rest: string;
  if (separated && /[/\-.\s]/.test(raw.trim())) {
    month = (separated[1] ?? '').padStart(2, '0');
    rest = raw.slice(separated[0].length - (separated[2] ?? '').length).replace(/\D/g, '');
  } else {
    const digits = raw.replace(/\D/g, '');
    if (/^[2-9]/.test(digits)) {
      month = `0${digits[0]}`;
      rest = digits.slice(1);
    } else {
      month = digits.slice(0, 2);
      rest = digits.slice(2);
    }
  }
  // A four-digit year is only plausible as 20YY; anything else is cut to two digits.
  const year = rest.startsWith('20') ? rest.slice(0, 4) : rest.slice(0, 2);
  return { month, year: year.length === 4 ? year.slice(2) : year };
}

/** Shows the parts as "MM / YY" (the separator appears once the month is complete). */
export function formatExpiry({ month, year }: ExpiryParts): string {
  if (month.length < 2) return month;
  return `${month} / ${year}`;
}

/**
 * Validates the parts: valid, or still potentially valid while the shopper types. The same
 * answers as card-validator's `expirationDate({ month, year }, MAX_EXPIRY_YEARS_AHEAD)`, which
 * combines these two checks this way (`parse-expiry.test.ts` compares the two).
 */
export function checkExpiry({ month, year }: ExpiryParts): { isValid: boolean; isPotentiallyValid: boolean } {
  // card-validator treats an empty month as "not a month"; it is merely not typed yet.
  if (month === '') return { isValid: false, isPotentiallyValid: true };
  const monthCheck = expirationMonth(month);
  const yearCheck = expirationYear(year, MAX_EXPIRY_YEARS_AHEAD);
  if (monthCheck.isValid && yearCheck.isCurrentYear) {
    return { isValid: monthCheck.isValidForThisYear, isPotentiallyValid: monthCheck.isValidForThisYear };
  }
  if (monthCheck.isValid && yearCheck.isValid) return { isValid: true, isPotentiallyValid: true };
  return { isValid: false, isPotentiallyValid: monthCheck.isPotentiallyValid && yearCheck.isPotentiallyValid };
}

/** Four-digit year for the vault (two-digit years are this century). */
export function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}
