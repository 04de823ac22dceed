import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, backend, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

const pan = (i: number) => ({
  source: { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR },
  metadata: { n: `${i}`, a: 'x'.repeat(80), b: 'y'.repeat(80), c: 'z'.repeat(80) },
});

// A full disk, injected as SQLite sees it: `max_page_count` at the current size makes every write
// that needs a new page fail with SQLITE_FULL, exactly the error a full file system gives.
describe.skipIf(backend !== 'sqlite')('a full disk (SQLITE_FULL)', () => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createTestVault();
  });
  afterAll(async () => vault.close());

  it('answers writes with a 503 that says so, /readyz 503 within a second, reads and /healthz 200; all back once there is room', async () => {
    const created = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan(0) });
    expect(created.statusCode).toBe(200);
    const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(vault.deps.db);
    await sql.raw(`PRAGMA max_page_count = ${rows[0]!.page_count}`).execute(vault.deps.db);

    let full: { statusCode: number; json(): unknown; headers: Record<string, unknown> } | undefined;
    for (let i = 1; i < 200 && !full; i++) {
      const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan(i) });
      expect([200, 503]).toContain(res.statusCode);
      if (res.statusCode === 503) full = res;
    }
    expect(full?.json()).toEqual({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The vault cannot write: its disk is full' });
    expect(full?.headers['retry-after']).toBe('2');
    // Free pages inside the file were used first; now that none is left, readiness says so.
    const t = Date.now();
    const ready = await vault.app.inject({ method: 'GET', url: '/readyz' });
    expect(Date.now() - t).toBeLessThan(1000);
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The vault cannot write: its disk is full' });

    expect((await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${created.json().id}`, headers: admin })).statusCode).toBe(200);
    expect((await vault.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    await sql.raw('PRAGMA max_page_count = 1073741823').execute(vault.deps.db);
    expect((await vault.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    expect((await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan(999) })).statusCode).toBe(200);
  });
});
