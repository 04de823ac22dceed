import type { CardState } from '@cardframe/sdk';
import { describe, expect, test } from 'vitest';
import { changeEvent, failure, SESSION_GONE_MESSAGE } from './map-state.ts';

const state = (overrides: Partial<CardState>): CardState => ({ empty: false, complete: false, brand: 'unknown', fields: {}, ...overrides });

describe('changeEvent', () => {
  test('an empty field, a valid complete one', () => {
    expect(changeEvent(state({ empty: true }))).toEqual({ empty: true, complete: false, valid: true });
    expect(changeEvent(state({ complete: true, brand: 'visa' }))).toEqual({ empty: false, complete: true, valid: true });
  });

  test.each([
    ['NOT_COMPLETE', 'NOT_COMPLETE'],
    ['LUHN_CHECK_FAILED', 'LUHN_CHECK_FAILED'],
    ['SCHEME_NOT_SUPPORTED', 'SCHEME_NOT_SUPPORTED'],
    ['INVALID_EXPIRY_DATE', 'INVALID_EXPIRY_DATE'],
    ['EXPIRY_IN_PAST', 'INVALID_EXPIRY_DATE'],
  ] as const)("Cardframe's %s is Hellgate's %s", (cardframe, hellgate) => {
    expect(changeEvent(state({ error: { code: cardframe, message: 'Check this field' } }))).toEqual({
      empty: false,
      complete: false,
      valid: false,
      error: 'Check this field',
      errorCode: hellgate,
    });
  });
});

describe('failure', () => {
  test("a session the vault cannot find or that expired gets Hellgate's one message; the code tells which", () => {
    expect(failure({ code: 'SESSION_EXPIRED', message: 'The session timed out' })).toEqual({
      status: 'failure',
      data: { message: SESSION_GONE_MESSAGE, code: 'SESSION_EXPIRED' },
    });
    expect(failure({ code: 'SESSION_NOT_FOUND', message: 'x' }).data).toMatchObject({ message: SESSION_GONE_MESSAGE, code: 'SESSION_NOT_FOUND' });
  });

  test('validation codes become Hellgate’s; other codes and messages pass unchanged', () => {
    expect(failure({ code: 'EXPIRY_IN_PAST', message: 'Expired card' })).toEqual({
      status: 'failure',
      data: { message: 'Expired card', code: 'INVALID_EXPIRY_DATE' },
    });
    expect(failure({ code: 'SESSION_COMPLETED', message: 'Used' }).data).toEqual({ message: 'Used', code: 'SESSION_COMPLETED' });
  });
});
