import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, backend, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from './test/test-vault.ts';

// Two app instances with their own key caches and pools over one Postgres schema and one Redis prefix,
// standing in for two vault processes. (SQLite + memory is documented as single-process.)
describe.skipIf(backend !== 'postgres')('two vault processes over one Postgres + Redis', () => {
  let a: TestVault;
  let b: TestVault;
  beforeAll(async () => {
    a = await createTestVault();
    b = await createTestVault({ peerOf: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("agree on one JWE key, complete each other's sessions once, and share CVCs and idempotency", async () => {
    const [ka, kb] = await Promise.all([a.deps.keyring.current(), b.deps.keyring.current()]);
    expect(ka.kid).toBe(kb.kid);
    const sessionId = await createSessionId(a.app);
    const jwe = await encryptForSession(b.app, sessionId, { account_number: VISA, expiry_month: 2, expiry_year: FUTURE_YEAR, security_code: '321' });
    const url = `/api/sessions/${sessionId}/complete-action`;
    const payload = { action: 'tokenize_card', result: { enc_payload: jwe } };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).app.inject({ method: 'POST', url, payload })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const tokenId = results.find((r) => r.statusCode === 200)!.json().data.token_id;
    const cvc = await a.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}/security-code`, headers: admin });
    expect(cvc.json()).toEqual({ security_code_available: true });
    const headers = { ...admin, 'x-idempotency-key': 'cross-process' };
    const body = { source: { type: 'pan', account_number: VISA, expiry_month: 2, expiry_year: FUTURE_YEAR } };
    const first = await a.app.inject({ method: 'POST', url: '/api/pci/tokens', headers, payload: body });
    const second = await b.app.inject({ method: 'POST', url: '/api/pci/tokens', headers, payload: body });
    expect(second.body).toBe(first.body);
  });
});
