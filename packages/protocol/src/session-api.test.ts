import { describe, expect, expectTypeOf, it } from 'vitest';
import Value from 'typebox/value';
import { SCHEMES, type Scheme } from './schemes.ts';
import { SchemeSchema, TokenizeCardState, type RefreshSecurityCodeState } from './session-api.ts';

describe('session wire schemas', () => {
  it('type schemes as the seed enum, not never', () => {
    expectTypeOf<RefreshSecurityCodeState['data']['scheme']>().toEqualTypeOf<Scheme>();
    expect(SchemeSchema).toMatchObject({ enum: [...SCHEMES] });
  });

  it('accept a tokenize_card state and refuse an unknown scheme', () => {
    const state = {
      next_action: 'tokenize_card',
      data: {
        provider: 'guardian',
        jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k1', alg: 'RSA-OAEP-256', use: 'enc' },
        allowed_schemes: ['visa', 'american express'],
        expires_at: '2026-11-23T10:00:00Z',
      },
    };
    expect(Value.Check(TokenizeCardState, state)).toBe(true);
    expect(Value.Check(TokenizeCardState, { ...state, data: { ...state.data, allowed_schemes: ['maestro'] } })).toBe(false);
  });
});
