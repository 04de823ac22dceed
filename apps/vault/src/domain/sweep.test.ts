import { afterAll, beforeAll, expect, it } from 'vitest';
import { admin, createSessionId, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { sweep } from './sweep.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

it('physically removes expired tokens, sessions, idempotency rows and API keys, and keeps live ones', async () => {
  const pan = { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR };
  const short = (
    await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: { ...admin, 'x-idempotency-key': 'k' },
      payload: { source: pan, expires_in: 60 },
    })
  ).json();
  const long = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } })).json();
  await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:read'], expires_in: 60 } });
  await createSessionId(vault.app);
  vault.advance(25 * 60 * 60 * 1000);
  try {
    const counts = await sweep(vault.deps);
    expect(counts).toMatchObject({ tokens: 1, sessions: 1, idempotency: 1, apiKeys: 1 });
    const ids = (await vault.deps.db.selectFrom('tokens').select('id').execute()).map((r) => r.id);
    expect(ids).toContain(long.id);
    expect(ids).not.toContain(short.id);
    expect(await vault.deps.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    expect(await sweep(vault.deps)).toMatchObject({ tokens: 0, sessions: 0, idempotency: 0, apiKeys: 0 });
    // The old JWE key had no sessions left and a new one became current (rotation is daily here).
    expect(counts.jweKeys).toBe(1);
  } finally {
    vault.advance(-25 * 60 * 60 * 1000);
  }
});
