import { describe, expect, test } from 'vitest';
import type { CardState } from '@cardframe/protocol';
import { createNumberStateGate } from './number-state-gate.ts';

// Issue 13, finding 9: the page must not learn the PAN length or when the brand was recognised.
const typed = (digits: number, brand: CardState['brand'], complete: boolean): CardState => ({
  empty: digits === 0,
  complete: false,
  brand,
  fields: {
    number: complete ? { empty: false, complete: true } : { empty: digits === 0, complete: false },
    expiry: { empty: true, complete: false },
    cvc: { empty: true, complete: false },
  },
});

describe('createNumberStateGate', () => {
  test('while the number has focus the page sees only that it is no longer empty; the rest arrives on blur', () => {
    const seen: CardState[] = [];
    const gate = createNumberStateGate((s) => seen.push(s));
    gate.change(typed(0, 'unknown', false));
    gate.focus('number');
    // A Visa typed digit by digit: brand at digit 1, complete at digit 16 (a single-length brand would give the length away).
    for (let n = 1; n <= 16; n++) gate.change(typed(n, n >= 1 ? 'visa' : 'unknown', n === 16));
    expect(seen.map((s) => [s.brand, s.fields.number!.complete, s.fields.number!.empty])).toEqual([
      ['unknown', false, true],
      ['unknown', false, false],
    ]);
    gate.blur('number');
    expect(seen.at(-1)).toEqual(typed(16, 'visa', true));
    expect(seen).toHaveLength(3);
  });

  test('the same sequence for a 13-digit and a 19-digit card looks the same to the page until blur', () => {
    const run = (length: number) => {
      const seen: string[] = [];
      const gate = createNumberStateGate((s) => seen.push(JSON.stringify(s)));
      gate.change(typed(0, 'unknown', false));
      gate.focus('number');
      for (let n = 1; n <= length; n++) gate.change(typed(n, 'visa', n === 13 || n === 16 || n === length));
      return seen;
    };
    expect(run(13)).toEqual(run(19));
  });

  test('after focus moves on, changes in other fields pass at once; Enter releases the held state first', () => {
    const seen: CardState[] = [];
    const gate = createNumberStateGate((s) => seen.push(s));
    gate.focus('number');
    gate.change(typed(16, 'visa', true));
    gate.release();
    expect(seen.at(-1)!.brand).toBe('visa');
    gate.focus('expiry');
    const withExpiry = { ...typed(16, 'visa', true), fields: { ...typed(16, 'visa', true).fields, expiry: { empty: false, complete: true } } };
    gate.change(withExpiry);
    expect(seen.at(-1)).toEqual(withExpiry);
  });
});
