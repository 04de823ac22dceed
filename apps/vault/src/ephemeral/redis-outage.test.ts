import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import { admin, backend, createSessionId, createTestVault, FUTURE_YEAR, REDIS_URL, VISA, type TestVault } from '../test/test-vault.ts';

const card = { type: 'pan', account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(backend !== 'postgres')('a Redis outage', () => {
  let proxy: TcpProxy;
  let vault: TestVault;
  let tokenId: string;
  beforeAll(async () => {
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    vault = await createTestVault({ redisUrl: proxy.url(REDIS_URL), authFailurePolicy: { maxFailures: 5, windowSeconds: 60 } });
    const created = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: card } });
    tokenId = created.json().id;
  });
  afterAll(async () => {
    proxy.restore();
    await vault.close();
    await proxy.close();
  });

  const countTokens = async () => Number((await vault.deps.db.selectFrom('tokens').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  for (const fault of ['cut', 'pause'] as const) {
    it(`(${fault}) keeps authentication and everything without a CVC working; CVC work answers 503 and stores nothing`, async () => {
      proxy[fault]();
      try {
        const started = Date.now();
        // Authenticated reads, lists and session creation do not touch Redis's CVCs.
        expect((await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}`, headers: admin })).statusCode).toBe(200);
        expect((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: admin })).statusCode).toBe(200);
        expect(await createSessionId(vault.app)).toMatch(/^[0-9a-f-]{36}$/);
        const plain = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: card } });
        expect(plain.statusCode).toBe(200);
        // The failure limiter falls back to this process's count: still enforced, never a 500.
        const bad = { 'x-admin-token': 'wrong-token-wrong-token-wrong-token-xx' };
        const remoteAddress = `10.0.0.${fault === 'cut' ? 1 : 2}`;
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          statuses.push((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: bad, remoteAddress })).statusCode);
        }
        expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
        expect(statuses.at(-1)).toBe(429);
        // Only the first call waits for the limiter's 250 ms bound; afterwards Redis is skipped for a while.
        expect(Date.now() - started).toBeLessThan(3000);

        const before = await countTokens();
        const withCvc = await vault.app.inject({
          method: 'POST',
          url: '/api/pci/tokens',
          headers: admin,
          payload: { source: { ...card, security_code: '123' } },
        });
        expect(withCvc.statusCode).toBe(503);
        expect(withCvc.json()).toEqual({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The security-code store is unavailable; retry shortly' });
        expect(withCvc.headers['retry-after']).toBe('2');
        // All or nothing: the token insert was rolled back with the failed CVC write.
        expect(await countTokens()).toBe(before);
        const check = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}/security-code`, headers: admin });
        expect(check.statusCode).toBe(503);
        // Deleting a token deletes its CVC too: both or neither, so the token is still there after the 503.
        expect((await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${tokenId}`, headers: admin })).statusCode).toBe(503);
        expect((await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}`, headers: admin })).statusCode).toBe(200);
        const t = Date.now();
        expect((await vault.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
        expect(Date.now() - t).toBeLessThan(1000);
      } finally {
        proxy.restore();
      }
      const back = Date.now();
      for (;;) {
        const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: { ...card, security_code: '123' } } });
        if (res.statusCode === 200) break;
        expect(Date.now() - back).toBeLessThan(3000);
        await sleep(100);
      }
      expect((await vault.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    });
  }
});
