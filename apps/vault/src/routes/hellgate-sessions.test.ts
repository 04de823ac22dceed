import { createPublicKey } from 'node:crypto';
import { CompactEncrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createSessionId, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const card = { account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR, security_code: '123' };

/** Encrypts as a Hellgate SDK would: the session's JWK, with the algorithms it chooses. */
async function encryptAs(sessionId: string, claims: object, alg = 'RSA-OAEP', enc = 'A256GCM') {
  const state = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
  const key = createPublicKey({ key: state.data.jwk, format: 'jwk' });
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg, enc }).encrypt(key);
}

const complete = (sessionId: string, enc_payload: string) =>
  vault.app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/complete-action`, payload: { action: 'tokenize_card', result: { enc_payload } } });

describe('JWE algorithms Hellgate SDKs send', () => {
  it.each(['RSA-OAEP', 'RSA-OAEP-256'])('completes a session encrypted with %s + A256GCM', async (alg) => {
    const sessionId = await createSessionId(vault.app);
    const res = await complete(sessionId, await encryptAs(sessionId, card, alg));
    expect(res.statusCode).toBe(200);
    const token = (await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${res.json().data.token_id}`, headers: admin })).json();
    expect(token.card.masked_account_number).toBe('411111******1111');
  });

  it.each([
    ['RSA-OAEP-384', 'A256GCM'],
    ['RSA-OAEP-512', 'A256GCM'],
    ['RSA-OAEP', 'A128GCM'],
    ['RSA-OAEP-256', 'A256CBC-HS512'],
  ])('refuses %s + %s with a 422 and leaves the session open', async (alg, enc) => {
    const sessionId = await createSessionId(vault.app);
    const res = await complete(sessionId, await encryptAs(sessionId, card, alg, enc));
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors).toEqual([{ path: '$.result.enc_payload', message: expect.any(String) }]);
    expect((await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().next_action).toBe('tokenize_card');
  });
});

describe('claims Hellgate SDKs send', () => {
  const tokenOf = async (sessionId: string, claims: object) => {
    const res = await complete(sessionId, await encryptAs(sessionId, claims));
    expect(res.statusCode).toBe(200);
    return (await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${res.json().data.token_id}`, headers: admin })).json();
  };
  const lifetime = (token: { created_at: string; expires_at?: string }) =>
    token.expires_at === undefined ? undefined : (Date.parse(token.expires_at) - Date.parse(token.created_at)) / 1000;

  it('reads additional_data.cardholder_name (SDK 3.8.1)', async () => {
    const token = await tokenOf(await createSessionId(vault.app), { ...card, additional_data: { cardholder_name: 'Grace Hopper' } });
    expect(token.card.cardholder_name).toBe('Grace Hopper');
  });

  it('ephemeral: true gives the ephemeral lifetime; expiration_date wins over it', async () => {
    expect(lifetime(await tokenOf(await createSessionId(vault.app), { ...card, ephemeral: true }))).toBe(3600);
    expect(lifetime(await tokenOf(await createSessionId(vault.app), { ...card, ephemeral: false }))).toBeUndefined();
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCMilliseconds(0);
    const dated = await tokenOf(await createSessionId(vault.app), { ...card, ephemeral: true, expiration_date: at.toISOString() });
    expect(Date.parse(dated.expires_at)).toBeGreaterThanOrEqual(at.getTime());
    expect(Date.parse(dated.expires_at) - at.getTime()).toBeLessThan(1000);
  });

  it('a lifetime the merchant set on the session is never extended by a claim', async () => {
    const sessionId = await createSessionId(vault.app, admin, { expires_in: 600 });
    expect(lifetime(await tokenOf(sessionId, { ...card, ephemeral: true }))).toBe(600);
  });

  it.each([
    ['an expiration_date in the past', { expiration_date: '2020-01-01T00:00:00Z' }, '$.result.enc_payload.expiration_date'],
    ['an expiration_date beyond 30 days', { expiration_date: new Date(Date.now() + 40 * 86_400_000).toISOString() }, '$.result.enc_payload.expiration_date'],
    ['an expiration_date that is not ISO 8601', { expiration_date: 'next tuesday' }, '$.result.enc_payload.expiration_date'],
    ['an unknown claim', { loyalty_id: '7' }, '$.result.enc_payload.loyalty_id'],
    ['an email it cannot store', { additional_data: { email: 'a@b.example' } }, '$.result.enc_payload.additional_data.email'],
    ['a billing address it cannot store', { additional_data: { billing_address: { city: 'X' } } }, '$.result.enc_payload.additional_data.billing_address'],
    ['two different names', { cardholder_name: 'A B', additional_data: { cardholder_name: 'C D' } }, '$.result.enc_payload.additional_data.cardholder_name'],
  ])('refuses %s with 422 at its path, never drops it', async (_name, extra, path) => {
    const sessionId = await createSessionId(vault.app);
    const res = await complete(sessionId, await encryptAs(sessionId, { ...card, ...extra }));
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().next_action).toBe('tokenize_card');
  });
});

it('a security-code refresh refuses claims beyond security_code at their path', async () => {
  const pan = { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR };
  const token = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } })).json();
  const sessionId = (await vault.app.inject({ method: 'POST', url: `/api/pci/tokens/${token.id}/security-code`, headers: admin })).json().session_id;
  const res = await vault.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/complete-action`,
    payload: { action: 'refresh_security_code', result: { enc_payload: await encryptAs(sessionId, { security_code: '123', ephemeral: true }) } },
  });
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors).toEqual([{ path: '$.result.enc_payload.ephemeral', message: expect.any(String) }]);
});

describe('schemes in session data', () => {
  it('spells allowed_schemes as Hellgate SDKs do and enforces a session restriction at completion', async () => {
    const open = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${await createSessionId(vault.app)}` })).json();
    expect(open.data.allowed_schemes).toEqual(['visa', 'mastercard', 'americanexpress', 'discover', 'dinersclub', 'jcb', 'unionpay']);

    // Either spelling is accepted when the merchant restricts the session.
    const sessionId = await createSessionId(vault.app, admin, { source: { type: 'session', allowed_schemes: ['mastercard', 'american express'] } });
    const state = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
    expect(state.data.allowed_schemes).toEqual(['mastercard', 'americanexpress']);
    const refused = await complete(sessionId, await encryptAs(sessionId, card));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().validation_errors).toEqual([{ path: '$.result.enc_payload.account_number', message: 'card scheme is not allowed' }]);
    const ok = await complete(sessionId, await encryptAs(sessionId, { ...card, account_number: '378282246310005', security_code: '1234' }));
    expect(ok.statusCode).toBe(200);
  });

  it('refuses an unknown scheme in allowed_schemes', async () => {
    const res = await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: admin,
      payload: { source: { type: 'session', allowed_schemes: ['maestro'] } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors[0].path).toMatch(/^\$\.source/);
  });

  it('the refresh session names the saved card scheme the Hellgate way', async () => {
    const pan = { type: 'pan', account_number: '36227206271667', expiry_month: 1, expiry_year: FUTURE_YEAR };
    const token = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } })).json();
    expect(token.card.scheme).toBe('diners club');
    const refresh = (await vault.app.inject({ method: 'POST', url: `/api/pci/tokens/${token.id}/security-code`, headers: admin })).json();
    const state = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${refresh.session_id}` })).json();
    expect(state.data.scheme).toBe('dinersclub');
  });
});

describe('expired sessions', () => {
  it('answer 404, the only status Hellgate SDKs map to "session does not exist or has expired"', async () => {
    const sessionId = await createSessionId(vault.app);
    const jwe = await encryptAs(sessionId, card);
    vault.advance(901_000);
    try {
      const state = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
      expect(state.statusCode).toBe(404);
      expect(state.json().classifier).toBe('SESSION_EXPIRED');
      expect((await complete(sessionId, jwe)).statusCode).toBe(404);
    } finally {
      vault.advance(-901_000);
    }
  });
});
