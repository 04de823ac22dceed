import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_RETENTION_MS } from '../domain/idempotency.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const pan = { source: { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR } };
const post = (key: string, payload: object, headers: Record<string, string> = admin) =>
  vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: { ...headers, 'x-idempotency-key': key }, payload });

describe('x-idempotency-key', () => {
  it('same key + same body replays the first response; a new body is a 422', async () => {
    const first = await post('order_1_retry', pan);
    const second = await post('order_1_retry', pan);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    const count = await vault.deps.db
      .selectFrom('tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const changed = await post('order_1_retry', { ...pan, metadata: { a: 'b' } });
    expect(changed.statusCode).toBe(422);
    expect(changed.json()).toMatchObject({ code: 422, classifier: 'VALIDATION_ERROR', message: expect.stringMatching(/idempotency key/i) });
  });

  it('replays session creation and API-key creation (same plaintext key, stored encrypted)', async () => {
    const a = await post('sess-1', { source: { type: 'session' } });
    expect((await post('sess-1', { source: { type: 'session' } })).json()).toEqual(a.json());
    const k = {
      method: 'POST' as const,
      url: '/api/admin/api-keys',
      headers: { ...admin, 'x-idempotency-key': 'key-1' },
      payload: { scopes: ['pci:tokens:read'] },
    };
    const k1 = await vault.app.inject(k);
    const k2 = await vault.app.inject(k);
    expect(k2.json()).toEqual(k1.json());
    const rows = await vault.deps.db.selectFrom('idempotency').select('response_ct').execute();
    expect(JSON.stringify(rows)).not.toContain(k1.json().key_value);
  });

  it('is scoped per caller', async () => {
    const key = (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:create'] } })).json()
      .key_value;
    const mine = await post('shared-key', pan);
    const theirs = await post('shared-key', pan, { 'x-api-key': key });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('a key still in flight answers 409; a failed attempt releases the key', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => post('racing', pan)));
    const ids = new Set(results.filter((r) => r.statusCode === 200).map((r) => r.json().id));
    expect(ids.size).toBe(1);
    for (const r of results) expect([200, 409]).toContain(r.statusCode);
    const bad = await post('retry-after-fix', { source: { ...pan.source, account_number: '4111111111111112' } });
    expect(bad.statusCode).toBe(422);
    expect((await post('retry-after-fix', pan)).statusCode).toBe(200);
  });

  it('forgets keys after the retention window', async () => {
    const first = await post('old-key', pan);
    vault.advance(IDEMPOTENCY_RETENTION_MS + 1000);
    const later = await post('old-key', pan);
    expect(later.statusCode).toBe(200);
    expect(later.json().id).not.toBe(first.json().id);
  });

  it('covers the security-code refresh', async () => {
    const token = (await post('tok-for-refresh', pan)).json();
    const req = { method: 'POST' as const, url: `/api/pci/tokens/${token.id}/security-code`, headers: { ...admin, 'x-idempotency-key': 'refresh-1' } };
    const a = await vault.app.inject(req);
    const b = await vault.app.inject(req);
    expect(a.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
  });
});
