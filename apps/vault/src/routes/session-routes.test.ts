import { CompactEncrypt, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault({ poolSize: 20 });
});
afterAll(async () => vault.close());

const card = { account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR, security_code: '123', cardholder_name: 'Jane Roe' };

async function complete(sessionId: string, encPayload: string, action = 'tokenize_card') {
  return vault.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/complete-action`,
    payload: { action, result: { enc_payload: encPayload } },
  });
}

describe('session protocol', () => {
  it('offers the JWK and schemes, completes once, then reports the finished state', async () => {
    const sessionId = await createSessionId(vault.app, admin, { metadata: { order: '7' }, expires_in: 3600 });
    const state = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    expect(state.statusCode).toBe(200);
    const body = state.json();
    expect(body.next_action).toBe('tokenize_card');
    expect(body.data.provider).toBe('guardian');
    expect(body.data.jwk).toMatchObject({ kty: 'RSA', alg: 'RSA-OAEP-256', use: 'enc', kid: expect.any(String) });
    expect(body.data.jwk).not.toHaveProperty('d');
    expect(body.data.allowed_schemes).toContain('visa');

    const res = await complete(sessionId, await encryptForSession(vault.app, sessionId, card));
    expect(res.statusCode).toBe(200);
    const tokenId = res.json().data.token_id;
    expect(res.json()).toEqual({ status: 'success', data: { token_id: tokenId } });

    const token = (await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}`, headers: admin })).json();
    expect(token.card).toEqual({
      cardholder_name: 'Jane Roe',
      expiry_month: 12,
      expiry_year: FUTURE_YEAR,
      masked_account_number: '411111******1111',
      scheme: 'visa',
    });
    expect(token.metadata).toEqual({ order: '7' });
    expect(Date.parse(token.expires_at) - Date.parse(token.created_at)).toBe(3_600_000);
    const cvc = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}/security-code`, headers: admin });
    expect(cvc.json()).toEqual({ security_code_available: true });

    const finished = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    expect(finished.json()).toEqual({ next_action: null, status: 'success', data: { token_id: tokenId } });
    const again = await complete(sessionId, await encryptForSession(vault.app, sessionId, card).catch(() => 'x.y.z.w.v'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 409, classifier: 'SESSION_COMPLETED' });
  });

  it('answers 404 for unknown and malformed session ids', async () => {
    for (const id of ['6f1c7a52-4a6f-4c55-9a53-2b7d9e8d1f00', 'nope']) {
      const res = await vault.app.inject({ method: 'GET', url: `/api/sessions/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 404, classifier: 'NOT_FOUND', message: 'The session was not found' });
    }
  });

  it('answers 404 SESSION_EXPIRED after the TTL (what Hellgate SDKs recognise, ADR 0022) and creates no token', async () => {
    const sessionId = await createSessionId(vault.app);
    const jwe = await encryptForSession(vault.app, sessionId, card);
    vault.advance(901_000);
    try {
      const state = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
      expect(state.statusCode).toBe(404);
      expect(state.json()).toEqual({ code: 404, classifier: 'SESSION_EXPIRED', message: 'The session has expired' });
      expect((await complete(sessionId, jwe)).statusCode).toBe(404);
    } finally {
      vault.advance(-901_000);
    }
  });

  it.each([
    ['Luhn failure', { ...card, account_number: '4111111111111112' }, '$.result.enc_payload.account_number'],
    ['expired card', { ...card, expiry_year: 2020 }, '$.result.enc_payload.expiry_year'],
    ['missing number', { expiry_month: 1, expiry_year: FUTURE_YEAR }, '$.result.enc_payload.account_number'],
    ['unknown scheme', { ...card, account_number: '9999999999999995' }, '$.result.enc_payload.account_number'],
  ])('rejects %s with 422 and leaves the session open', async (_name, claims, path) => {
    const sessionId = await createSessionId(vault.app);
    const res = await complete(sessionId, await encryptForSession(vault.app, sessionId, claims));
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(res.body).not.toMatch(/4111111111111112|9999999999999995/);
    expect((await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().next_action).toBe('tokenize_card');
  });

  it('rejects a JWE for another key, another algorithm, or garbage', async () => {
    const sessionId = await createSessionId(vault.app);
    const other = await generateKeyPair('RSA-OAEP-256');
    const foreign = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(card)))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(other.publicKey);
    // The session's own key, but RSA-OAEP (SHA-1) and A128GCM: algorithm pinning must refuse it.
    const jwk = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().data.jwk;
    const weak = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(card)))
      .setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128GCM' })
      .encrypt(await importJWK({ ...jwk, alg: 'RSA-OAEP' }, 'RSA-OAEP'));
    for (const payload of [foreign, weak, 'not-a-jwe']) {
      const res = await complete(sessionId, payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().validation_errors).toEqual([{ path: '$.result.enc_payload', message: 'could not be decrypted with the session key' }]);
    }
  });

  it('rejects the wrong action and unknown fields', async () => {
    const sessionId = await createSessionId(vault.app);
    const jwe = await encryptForSession(vault.app, sessionId, card);
    expect((await complete(sessionId, jwe, 'refresh_security_code')).json().validation_errors[0].path).toBe('$.action');
    const extra = await vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: jwe, account_number: VISA } },
    });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().validation_errors).toContainEqual({ path: '$.result.account_number', message: 'is not allowed' });
  });

  it('100 parallel completions of one session create exactly one token', async () => {
    const sessionId = await createSessionId(vault.app);
    const jwe = await encryptForSession(vault.app, sessionId, card);
    const results = await Promise.all(Array.from({ length: 100 }, () => complete(sessionId, jwe)));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(99);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.json().classifier).toBe('SESSION_COMPLETED');
    const rows = await vault.deps.db.selectFrom('tokens').select('id').where('session_id', '=', sessionId).execute();
    expect(rows).toEqual([{ id: ok[0]!.json().data.token_id }]);
  });

  it('refreshes the security code through a refresh session and returns the same token id', async () => {
    const created = (
      await vault.app.inject({
        method: 'POST',
        url: '/api/pci/tokens',
        headers: admin,
        payload: { source: { type: 'pan', account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR } },
      })
    ).json();
    const url = `/api/pci/tokens/${created.id}/security-code`;
    expect((await vault.app.inject({ method: 'GET', url, headers: admin })).json()).toEqual({ security_code_available: false });
    const refresh = await vault.app.inject({ method: 'POST', url, headers: admin });
    expect(refresh.statusCode).toBe(200);
    const sessionId = refresh.json().session_id;
    const state = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
    expect(state.next_action).toBe('refresh_security_code');
    // Finding 8: only what the CVC form needs; no BIN, no length, to whoever holds the session id.
    expect(state.data).toEqual({
      jwk: expect.any(Object),
      scheme: 'visa',
      masked_account_number: '••••1111',
      account_number_last_four: '1111',
      expiry_month: 12,
      expiry_year: FUTURE_YEAR,
      expires_at: expect.any(String),
    });
    expect(JSON.stringify(state)).not.toContain('411111');
    expect(JSON.stringify(state)).not.toMatch(/"account_number_length"|"issuer_identification_number"/);
    const bad = await complete(sessionId, await encryptForSession(vault.app, sessionId, { security_code: '12' }), 'refresh_security_code');
    expect(bad.statusCode).toBe(422);
    const res = await complete(sessionId, await encryptForSession(vault.app, sessionId, { security_code: '987' }), 'refresh_security_code');
    expect(res.json()).toEqual({ status: 'success', data: { token_id: created.id } });
    expect((await vault.app.inject({ method: 'GET', url, headers: admin })).json()).toEqual({ security_code_available: true });
    const del = await vault.app.inject({ method: 'DELETE', url, headers: admin });
    expect(del.statusCode).toBe(204);
    expect((await vault.app.inject({ method: 'GET', url, headers: admin })).json()).toEqual({ security_code_available: false });
    expect(
      (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens/6f1c7a52-4a6f-4c55-9a53-2b7d9e8d1f00/security-code', headers: admin })).statusCode,
    ).toBe(404);
  });
});

describe('JWE key rotation', () => {
  it('binds new sessions to a new kid after the period while old open sessions still complete', async () => {
    const v = await createTestVault({ jweKeyRotationSeconds: 600 });
    try {
      const old = await createSessionId(v.app);
      const oldJwe = await encryptForSession(v.app, old, card);
      const oldKid = (await v.app.inject({ method: 'GET', url: `/api/sessions/${old}` })).json().data.jwk.kid;
      v.advance(600_000);
      const fresh = await createSessionId(v.app);
      const freshKid = (await v.app.inject({ method: 'GET', url: `/api/sessions/${fresh}` })).json().data.jwk.kid;
      expect(freshKid).not.toBe(oldKid);
      const res = await v.app.inject({
        method: 'POST',
        url: `/api/sessions/${old}/complete-action`,
        payload: { action: 'tokenize_card', result: { enc_payload: oldJwe } },
      });
      expect(res.statusCode).toBe(200);
      const rows = await v.deps.db.selectFrom('jwe_keys').select(['kid', 'private_ct']).execute();
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.private_ct).not.toContain('PRIVATE KEY');
    } finally {
      await v.close();
    }
  });
});
