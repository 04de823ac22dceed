import { describe, expect, it } from 'vitest';
import { claimsBefore, fieldGroupChannel, isFieldGroupMessage, mergeFieldStates } from './field-group.ts';

const from = { id: 'member-a', field: 'number' as const };

describe('field group messages', () => {
  it('accepts every documented message', () => {
    for (const message of [
      { ...from, type: 'join', at: 1 },
      { ...from, type: 'here', at: 2 },
      { ...from, type: 'leave' },
      { ...from, type: 'state', state: { empty: true, complete: false, brand: 'unknown', fields: {} } },
      { ...from, type: 'brand', brand: 'american express' },
      { ...from, type: 'focus', to: 'cvc' },
      { ...from, type: 'collect', request: 'r1' },
      { ...from, type: 'part', to: 'member-b', request: 'r1', ok: true, value: '4242424242424242' },
      { ...from, type: 'part', to: 'member-b', request: 'r1', ok: false, state: { empty: true, complete: false } },
      { ...from, type: 'clear' },
    ]) {
      expect(isFieldGroupMessage(message), JSON.stringify(message)).toBe(true);
    }
  });

  it.each([
    ['an unknown type', { ...from, type: 'steal' }],
    ['an unknown field', { ...from, field: 'pin', type: 'leave' }],
    ['no id', { field: 'number', type: 'leave' }],
    ['not an object', 'join'],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    expect(isFieldGroupMessage(message)).toBe(false);
  });

  it('orders claims by time, then by id', () => {
    expect(claimsBefore({ at: 1, id: 'b' }, { at: 2, id: 'a' })).toBe(true);
    expect(claimsBefore({ at: 2, id: 'a' }, { at: 1, id: 'b' })).toBe(false);
    expect(claimsBefore({ at: 1, id: 'a' }, { at: 1, id: 'b' })).toBe(true);
    expect(claimsBefore({ at: 1, id: 'b' }, { at: 1, id: 'a' })).toBe(false);
  });

  it('scopes the channel by session and group', () => {
    expect(fieldGroupChannel('s1', 'g1')).not.toBe(fieldGroupChannel('s1', 'g2'));
    expect(fieldGroupChannel('s1', 'g1')).not.toBe(fieldGroupChannel('s2', 'g1'));
  });

  it('merges field states into one card state (no error key when no field has one)', () => {
    const incomplete = { code: 'NOT_COMPLETE' as const, message: 'Your card’s expiry date is incomplete.' };
    const merged = mergeFieldStates({
      number: { empty: false, complete: true, brand: 'visa', fields: { number: { empty: false, complete: true } } },
      expiry: { empty: false, complete: false, brand: 'unknown', fields: { expiry: { empty: false, complete: false, error: incomplete } } },
      cvc: { empty: true, complete: false, brand: 'unknown', fields: { cvc: { empty: true, complete: false } } },
    });
    expect(merged).toEqual({
      empty: false,
      complete: false,
      brand: 'visa',
      error: incomplete,
      fields: {
        number: { empty: false, complete: true },
        expiry: { empty: false, complete: false, error: incomplete },
        cvc: { empty: true, complete: false },
      },
    });
    expect(mergeFieldStates({ cvc: { empty: false, complete: true, brand: 'unknown', fields: { cvc: { empty: false, complete: true } } } }).complete).toBe(
      true,
    );
  });
});
