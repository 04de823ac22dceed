import { expirationDate } from 'card-validator/dist/expiration-date.js';
import { describe, expect, it } from 'vitest';
import { checkExpiry, formatExpiry, MAX_EXPIRY_YEARS_AHEAD, parseExpiry } from './parse-expiry.ts';

const shown = (raw: string): string => formatExpiry(parseExpiry(raw));
const year = new Date().getFullYear();
const yy = (offset: number): string => String((year + offset) % 100).padStart(2, '0');

describe('parseExpiry / formatExpiry', () => {
  it.each([
    ['1', '1'],
    ['12', '12 / '],
    ['1225', '12 / 25'],
    ['12/25', '12 / 25'],
    ['12 / 2025', '12 / 25'],
    ['12/20', '12 / 20'],
    ['12/202', '12 / 202'],
    ['2', '02 / '],
    ['1/', '01 / '],
    ['0530', '05 / 30'],
  ])('reads %j as %j', (raw, expected) => expect(shown(raw)).toBe(expected));
});

describe('checkExpiry', () => {
  it('accepts this year to twenty years ahead', () => {
    expect(checkExpiry({ month: '12', year: yy(0) }).isValid).toBe(true);
    expect(checkExpiry({ month: '01', year: yy(20) }).isValid).toBe(true);
  });
  it('refuses the past and more than twenty years ahead', () => {
    expect(checkExpiry({ month: '12', year: yy(-1) })).toEqual({ isValid: false, isPotentiallyValid: false });
    expect(checkExpiry({ month: '01', year: yy(21) }).isValid).toBe(false);
  });
  it('refuses month 13 at once and waits on a partial date', () => {
    expect(checkExpiry({ month: '13', year: '' }).isPotentiallyValid).toBe(false);
    expect(checkExpiry({ month: '1', year: '' })).toEqual({ isValid: false, isPotentiallyValid: true });
  });
});

describe('checkExpiry against card-validator', () => {
  /** Every string of up to `max` digits. */
  const digitStrings = (max: number): string[] =>
    Array.from({ length: max + 1 }, (_, length) => Array.from({ length: 10 ** length }, (_, i) => (length ? String(i).padStart(length, '0') : ''))).flat();

  it("gives expirationDate's answers for every month of up to two digits and year of up to three, and this century's four-digit years", () => {
    const years = digitStrings(3).concat(Array.from({ length: 121 }, (_, i) => String(1990 + i)));
    const differing: string[] = [];
    for (const month of digitStrings(2).slice(1)) {
      for (const year of years) {
        const theirs = expirationDate({ month, year }, MAX_EXPIRY_YEARS_AHEAD);
        const ours = checkExpiry({ month, year });
        if (ours.isValid !== theirs.isValid || ours.isPotentiallyValid !== theirs.isPotentiallyValid) differing.push(`${month}/${year}`);
      }
    }
    expect(differing).toEqual([]);
  });
});
