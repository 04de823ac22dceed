import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookWorker } from '../webhooks/start-webhook-worker.ts';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import { admin, backend, createTestVault, FUTURE_YEAR, PG_URL, VISA, type TestVault } from '../test/test-vault.ts';

const pan = { source: { type: 'pan', account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it answers 200; returns the seconds it took. */
async function secondsUntilOk(probe: () => Promise<number>, limitMs = 10_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if ((await probe()) === 200) return (Date.now() - start) / 1000;
    await sleep(100);
  }
  throw new Error('did not recover');
}

describe.skipIf(backend !== 'postgres')('a Postgres outage', () => {
  let proxy: TcpProxy;
  let vault: TestVault;
  const applicationName = `cardframe-test-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    const target = new URL(PG_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    vault = await createTestVault({
      databaseUrl: proxy.url(PG_URL),
      pgTimeouts: { connectMs: 500, statementMs: 1000 },
      applicationName,
    });
  });
  afterAll(async () => {
    proxy.restore();
    await vault.close();
    await proxy.close();
  });

  const create = () => vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan });
  const readyz = () => vault.app.inject({ method: 'GET', url: '/readyz' });

  it('survives pg_terminate_backend on its own connections, idle or busy, and reconnects by itself', async () => {
    // The webhook worker holds connections too: it is one of the ways the process used to die.
    const worker = startWebhookWorker(vault.deps, { intervalMs: 50, onError: () => {} });
    try {
      expect((await create()).statusCode).toBe(200);
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      for (let round = 0; round < 3; round++) {
        const inFlight = Array.from({ length: 5 }, () => create());
        const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [applicationName]);
        expect(killed.rowCount).toBeGreaterThan(0);
        for (const res of await Promise.all(inFlight)) {
          // Cut mid-request: a clear 503 with Retry-After, or it went through; never a 500.
          expect([200, 503]).toContain(res.statusCode);
          if (res.statusCode === 503) {
            expect(res.json()).toMatchObject({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; retry shortly' });
            expect(res.headers['retry-after']).toBe('2');
          }
        }
        expect(await secondsUntilOk(async () => (await create()).statusCode)).toBeLessThan(3);
      }
      await admin.end();
    } finally {
      await worker.stop();
    }
  });

  it('answers 503 fast while Postgres is cut, /readyz 503 within a second, and 200 within 3 s of its return', async () => {
    proxy.cut();
    const started = Date.now();
    const res = await create();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(Date.now() - started).toBeLessThan(3000);
    const t = Date.now();
    expect((await readyz()).statusCode).toBe(503);
    expect(Date.now() - t).toBeLessThan(1000);
    expect((await vault.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    proxy.restore();
    expect(await secondsUntilOk(async () => (await create()).statusCode)).toBeLessThan(3);
    expect((await readyz()).statusCode).toBe(200);
  });

  it('bounds every call while Postgres is paused (stalled network), then recovers', async () => {
    expect((await create()).statusCode).toBe(200);
    proxy.pause();
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => create()));
    for (const res of results) expect(res.statusCode).toBe(503);
    // One connect or one statement timeout (1 s here), not the length of the stall.
    expect(Date.now() - started).toBeLessThan(4000);
    const t = Date.now();
    expect((await readyz()).statusCode).toBe(503);
    expect(Date.now() - t).toBeLessThan(1000);
    proxy.restore();
    expect(await secondsUntilOk(async () => (await create()).statusCode)).toBeLessThan(3);
    expect(await secondsUntilOk(async () => (await readyz()).statusCode)).toBeLessThan(3);
  });
});
