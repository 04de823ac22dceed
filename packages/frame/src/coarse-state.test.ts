import { describe, expect, test } from 'vitest';
import type { CardState } from '@cardframe/protocol';
import { coarseState } from './coarse-state.ts';

describe('coarseState', () => {
  test('keeps the documented keys and drops everything else', () => {
    const leaky = {
      empty: false,
      complete: false,
      brand: 'visa',
      bin: '424242',
      fields: {
        number: { empty: false, complete: false, value: '4242 4242', length: 8, error: { code: 'NOT_COMPLETE', message: 'Incomplete', raw: '4242' } },
        cvc: { empty: true, complete: false },
        pan: { empty: false, complete: true },
      },
      error: { code: 'NOT_COMPLETE', message: 'Incomplete', digits: '4242' },
    } as unknown as CardState;
    const state = coarseState(leaky);
    expect(state).toEqual({
      empty: false,
      complete: false,
      brand: 'visa',
      fields: {
        number: { empty: false, complete: false, error: { code: 'NOT_COMPLETE', message: 'Incomplete' } },
        cvc: { empty: true, complete: false },
      },
      error: { code: 'NOT_COMPLETE', message: 'Incomplete' },
    });
    expect(JSON.stringify(state)).not.toContain('4242');
  });
});
