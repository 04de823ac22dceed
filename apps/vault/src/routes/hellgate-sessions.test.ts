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
