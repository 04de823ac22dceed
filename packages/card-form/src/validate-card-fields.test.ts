import { describe, expect, it } from 'vitest';
import { SCHEMES } from '@cardframe/protocol';
import { checkCvc, checkExpiryField, checkName, checkNumber } from './validate-card-fields.ts';

const all = [...SCHEMES];
const yy = String((new Date().getFullYear() + 2) % 100).padStart(2, '0');

describe('checkNumber', () => {
  it('is complete for a Luhn-valid number of an allowed brand', () => {
    expect(checkNumber('4242424242424242', all)).toEqual({ empty: false, complete: true, immediate: false });
  });
  it('waits while the number is being typed', () => {
    expect(checkNumber('4242', all)).toEqual({ empty: false, complete: false, error: 'NOT_COMPLETE', immediate: false });
  });
  it('flags a bad check digit at full length, at once when no longer length can fix it', () => {
    expect(checkNumber('4242424242424241', all).error).toBe('LUHN_CHECK_FAILED');
    expect(checkNumber('378282246310006', all)).toMatchObject({ error: 'LUHN_CHECK_FAILED', immediate: true });
  });
  it('flags an impossible prefix at once', () => {
    expect(checkNumber('1234', all)).toMatchObject({ error: 'LUHN_CHECK_FAILED', immediate: true });
  });
  it('flags brands outside the allowed list at once', () => {
    expect(checkNumber('3782', ['visa'])).toMatchObject({ error: 'SCHEME_NOT_SUPPORTED', immediate: true });
  });
  it('is empty and incomplete with no digits', () => {
    expect(checkNumber('', all)).toMatchObject({ empty: true, complete: false });
  });
});

describe('checkExpiryField', () => {
  it('accepts a future date in any accepted spelling', () => {
    for (const text of [`12 / ${yy}`, `12/${yy}`, `12${yy}`, `12 / 20${yy}`]) {
      expect(checkExpiryField(text).complete).toBe(true);
    }
  });
  it('waits on a partial date and refuses month 13 at once', () => {
    expect(checkExpiryField('1')).toMatchObject({ complete: false, error: 'NOT_COMPLETE', immediate: false });
    expect(checkExpiryField('13')).toMatchObject({ error: 'INVALID_EXPIRY_DATE', immediate: true });
  });
});

describe('checkCvc / checkName', () => {
  it('needs exactly the brand length', () => {
    expect(checkCvc('123', [3]).complete).toBe(true);
    expect(checkCvc('123', [4]).error).toBe('NOT_COMPLETE');
    expect(checkCvc('1234', [3, 4]).complete).toBe(true);
  });
  it('needs a name that is not blank', () => {
    expect(checkName('  ').error).toBe('NOT_COMPLETE');
    expect(checkName('Ada').complete).toBe(true);
  });
});
