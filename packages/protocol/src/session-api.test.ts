import { describe, expect, expectTypeOf, it } from 'vitest';
import Value from 'typebox/value';
import { SCHEMES, SESSION_SCHEMES, schemeFromSessionName, type Scheme, type SessionSchemeName } from './schemes.ts';
import { SchemeSchema, TokenizeCardState, type RefreshSecurityCodeState } from './session-api.ts';
void (null as unknown as Scheme);

describe('session wire schemas', () => {
  it('type schemes as the seed enum, not never; session data spells them as Hellgate SDKs do', () => {
    expectTypeOf<RefreshSecurityCodeState['data']['scheme']>().toEqualTypeOf<SessionSchemeName>();
    expect(SchemeSchema).toMatchObject({ enum: [...SCHEMES] });
    expect(SESSION_SCHEMES).toEqual(['visa', 'mastercard', 'americanexpress', 'discover', 'dinersclub', 'jcb', 'unionpay']);
    for (const scheme of SCHEMES) expect(schemeFromSessionName(scheme)).toBe(scheme);
    expect(schemeFromSessionName('americanexpress')).toBe('american express');
    expect(schemeFromSessionName('dinersclub')).toBe('diners club');
    expect(schemeFromSessionName('maestro')).toBeUndefined();
    expect(schemeFromSessionName('constructor')).toBeUndefined();
  });

  it('accept a tokenize_card state and refuse an unknown scheme', () => {
    const state = {
      next_action: 'tokenize_card',
      data: {
        provider: 'guardian',
        jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k1', alg: 'RSA-OAEP-256', use: 'enc' },
        allowed_schemes: ['visa', 'americanexpress'],
        expires_at: '2026-11-23T10:00:00Z',
      },
    };
    expect(Value.Check(TokenizeCardState, state)).toBe(true);
    expect(Value.Check(TokenizeCardState, { ...state, data: { ...state.data, allowed_schemes: ['maestro'] } })).toBe(false);
  });
});
