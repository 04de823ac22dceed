import { describe, expect, it } from 'vitest';
import { detectCard } from './detect-card.ts';
import { formatCardNumber } from './format-card-number.ts';

const format = (digits: string): string => formatCardNumber(digits, detectCard(digits).gaps);

describe('formatCardNumber', () => {
  it('groups visa 4-4-4-4', () => expect(format('4242424242424242')).toBe('4242 4242 4242 4242'));
  it('groups amex 4-6-5', () => expect(format('378282246310005')).toBe('3782 822463 10005'));
  it('groups diners 4-6-4', () => expect(format('36227206271667')).toBe('3622 720627 1667'));
  it('adds no trailing separator at a gap', () => expect(format('42424')).toBe('4242 4'));
  it('leaves short input alone', () => expect(format('424')).toBe('424'));
});

describe('detectCard', () => {
  it('maps card-validator types to Guardian schemes', () => {
    expect(detectCard('4111').brand).toBe('visa');
    expect(detectCard('5555').brand).toBe('mastercard');
    expect(detectCard('34').brand).toBe('american express');
    expect(detectCard('6011').brand).toBe('discover');
    expect(detectCard('36').brand).toBe('diners club');
    expect(detectCard('3530').brand).toBe('jcb');
    expect(detectCard('6200').brand).toBe('unionpay');
  });
  it('stays unknown while ambiguous and calls brands Guardian lacks "other"', () => {
    expect(detectCard('3').brand).toBe('unknown');
    expect(detectCard('6759').brand).toBe('other'); // maestro
  });
  it('knows lengths and security code sizes', () => {
    expect(detectCard('378282246310005')).toMatchObject({ maxLength: 15, cvcLengths: [4], isValid: true });
    expect(detectCard('4242424242424241')).toMatchObject({ isValid: false, isFullLength: true });
  });
});

describe('detectCard isFinal', () => {
  it('is final at a Luhn-valid full length for Luhn brands', () => {
    expect(detectCard('4242424242424242').isFinal).toBe(true);
    expect(detectCard('378282246310005').isFinal).toBe(true);
    expect(detectCard('36227206271667').isFinal).toBe(true);
    expect(detectCard('4242424242424241').isFinal).toBe(false);
  });

  it('waits for the longest UnionPay length, which has no Luhn check', () => {
    expect(detectCard('62000000000000').isValid).toBe(true);
    expect(detectCard('62000000000000').isFinal).toBe(false);
    expect(detectCard('6200000000000005').isFinal).toBe(false);
    expect(detectCard('6200000000000005123').isFinal).toBe(true);
  });
});
