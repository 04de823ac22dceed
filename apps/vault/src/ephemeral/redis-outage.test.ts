import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import { admin, backend, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, REDIS_URL, VISA, type TestVault } from '../test/test-vault.ts';

const card = { type: 'pan', account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(backend !== 'postgres')('a Redis outage', () => {
  let proxy: TcpProxy;
  let psp: LoopbackServer;
  let vault: TestVault;
  let tokenId: string;
  beforeAll(async () => {
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    psp = await startLoopbackServer();
    vault = await createTestVault({
      redisUrl: proxy.url(REDIS_URL),
      authFailurePolicy: { maxFailures: 5, windowSeconds: 60 },
      completionFailurePolicy: { maxFailures: 3, windowSeconds: 60 },
      forwardAllowlist: parseForwardAllowlist(psp.origin),
    });
    const created = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: card } });
    tokenId = created.json().id;
  });
  afterAll(async () => {
    proxy.restore();
    await vault.close();
    await proxy.close();
    await psp.close();
  });
  const unavailable = { code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The security-code store is unavailable; retry shortly' };
  const complete = (sessionId: string, encPayload: string, remoteAddress = '127.0.0.1') =>
    vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: encPayload } },
      remoteAddress,
    });

  const countTokens = async () =>
    Number(
      (
        await vault.deps.db
          .selectFrom('tokens')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  for (const fault of ['cut', 'pause'] as const) {
    it(`(${fault}) keeps authentication, session completion and everything without a CVC working; CVC work answers 503 and stores nothing`, async () => {
      const stored = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: { ...card, security_code: '737' } } });
      const cvcTokenId = stored.json().id as string;
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

        // Session completion: its failure limiter counts in this process meanwhile (never a 500), and only
        // a card carrying a CVC needs the store.
        const claims = { account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR };
        const plainSession = await createSessionId(vault.app);
        const completed = await complete(plainSession, await encryptForSession(vault.app, plainSession, claims));
        expect(completed.statusCode).toBe(200);
        expect(completed.json().data.token_id).toMatch(/^[0-9a-f-]{36}$/);
        const cvcSession = await createSessionId(vault.app);
        const cvcPayload = await encryptForSession(vault.app, cvcSession, { ...claims, security_code: '123' });
        const withStore = await complete(cvcSession, cvcPayload);
        expect(withStore.statusCode).toBe(503);
        expect(withStore.json()).toEqual(unavailable);
        expect(withStore.headers['retry-after']).toBe('2');
        const limited: number[] = [];
        for (let i = 0; i < 4; i++) {
          const session = await createSessionId(vault.app);
          limited.push((await complete(session, 'a.b.c.d.e', `10.1.0.${fault === 'cut' ? 1 : 2}`)).statusCode);
        }
        expect(limited).toEqual([422, 422, 422, 429]);

        // A single-use forward of a stored CVC takes it from the store: the same clear 503, nothing sent.
        const sent = psp.received.length;
        const forwarded = await vault.app.inject({
          method: 'POST',
          url: `/api/pci/tokens/${cvcTokenId}/forward`,
          headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay` },
          payload: '{"cvc":"{{ security_code }}"}',
        });
        expect(forwarded.statusCode).toBe(503);
        expect(forwarded.json()).toEqual(unavailable);
        expect(forwarded.headers['retry-after']).toBe('2');
        expect(psp.received.length).toBe(sent);

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
      // The CVC the refused forward could not take is still there, and goes once Redis is back.
      const forwarded = await vault.app.inject({
        method: 'POST',
        url: `/api/pci/tokens/${cvcTokenId}/forward`,
        headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay` },
        payload: '{"cvc":"{{ security_code }}"}',
      });
      if (fault === 'cut') {
        expect(forwarded.statusCode).toBe(200);
        expect(psp.received.at(-1)!.body.toString()).toBe('{"cvc":"737"}');
      } else {
        // A stalled GETDEL that timed out still reaches Redis when the stall ends: the CVC may be gone
        // (never sent anywhere), and the retry is told so instead of getting it.
        expect([200, 409]).toContain(forwarded.statusCode);
      }
    });
  }
});
