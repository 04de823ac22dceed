import { afterEach, expect, it } from 'vitest';
import { admin, backend, createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault | undefined;
afterEach(async () => vault?.close());

const getTokens = (v: TestVault, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  v.app.inject({ method: 'GET', url: '/api/pci/tokens', headers, remoteAddress });

const waitOut = async (v: TestVault, ms: number) => {
  // Memory windows follow the vault's clock; Redis enforces its own TTL in real time.
  if (backend === 'postgres') await new Promise((resolve) => setTimeout(resolve, ms));
  else v.advance(ms);
};

it('answers 429 with Retry-After once a client passes the failure limit, and checks no credential until the window ends', async () => {
  vault = await createTestVault({ authFailurePolicy: { maxFailures: 3, windowSeconds: 1 } });
  const wrong = { 'x-api-key': 'key_wrongwrongwrongwrongwrongwrongwrongwrongwrong' };
  expect((await getTokens(vault, wrong)).statusCode).toBe(401);
  expect((await getTokens(vault, { 'x-admin-token': 'not-the-admin-token-0123456789abcdef' })).statusCode).toBe(401);

  const limited = await getTokens(vault, wrong);
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toEqual({
    code: 429,
    classifier: 'TOO_MANY_REQUESTS',
    message: 'Too many failed authentication attempts; try again later',
  });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);

  // The (operator-chosen) admin token gets no verdict from that address: a guess cannot be confirmed.
  expect((await getTokens(vault, admin)).statusCode).toBe(429);
  // Other clients are not affected.
  expect((await getTokens(vault, admin, '10.0.0.2')).statusCode).toBe(200);

  await waitOut(vault, 1100);
  expect((await getTokens(vault, admin)).statusCode).toBe(200);
});

it('does not count successes, missing credentials or missing scopes', async () => {
  vault = await createTestVault({ authFailurePolicy: { maxFailures: 2, windowSeconds: 60 } });
  const created = await vault.app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: admin,
    payload: { scopes: ['pci:tokens:read'] },
  });
  const readOnly = { 'x-api-key': created.json().key_value as string };
  for (let i = 0; i < 5; i++) {
    expect((await getTokens(vault, admin)).statusCode).toBe(200);
    expect((await getTokens(vault, {})).statusCode).toBe(401);
    const forbidden = await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${crypto.randomUUID()}`, headers: readOnly });
    expect(forbidden.statusCode).toBe(403);
  }
});

// Issue 13, finding 3: behind a TLS proxy every request came from the proxy's address, so 30 bad
// requests from anyone locked every merchant server out, valid keys included.
it("behind a trusted proxy, keys windows on the real client and a valid API key is never refused for others' failures", async () => {
  vault = await createTestVault({ authFailurePolicy: { maxFailures: 3, windowSeconds: 60 }, trustProxy: ['10.0.0.0/8'] });
  const created = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:read'] } });
  const merchant = { 'x-api-key': created.json().key_value as string };
  const wrong = { 'x-api-key': 'key_wrongwrongwrongwrongwrongwrongwrongwrongwrong' };
  const viaProxy = (headers: Record<string, string>, client: string) =>
    vault!.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { ...headers, 'x-forwarded-for': client }, remoteAddress: '10.0.0.1' });

  for (let i = 0; i < 5; i++) await viaProxy(wrong, '203.0.113.66');
  expect((await viaProxy(wrong, '203.0.113.66')).statusCode).toBe(429);
  // Another client through the same proxy is untouched, on its own window.
  expect((await viaProxy(merchant, '198.51.100.7')).statusCode).toBe(200);
  expect((await viaProxy(wrong, '198.51.100.7')).statusCode).toBe(401);
  // The attacker cannot spoof its way into the merchant's window: an untrusted hop's header is ignored.
  for (let i = 0; i < 5; i++) {
    await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { ...wrong, 'x-forwarded-for': '198.51.100.7' }, remoteAddress: '192.0.2.9' });
  }
  expect((await viaProxy(wrong, '198.51.100.7')).statusCode).toBe(401);
});

it('honours a valid API key from an address over its limit (no proxy configured), and still refuses wrong ones', async () => {
  vault = await createTestVault({ authFailurePolicy: { maxFailures: 3, windowSeconds: 60 } });
  const created = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:read'] } });
  const merchant = { 'x-api-key': created.json().key_value as string };
  const wrong = { 'x-api-key': 'key_wrongwrongwrongwrongwrongwrongwrongwrongwrong' };
  // An untrusted proxy: every client shares its address, the attacker included.
  for (let i = 0; i < 30; i++) await getTokens(vault, wrong, '10.9.9.9');
  expect((await getTokens(vault, wrong, '10.9.9.9')).statusCode).toBe(429);
  expect((await getTokens(vault, merchant, '10.9.9.9')).statusCode).toBe(200);
  // X-Forwarded-For from the socket is ignored without CARDFRAME_TRUST_PROXY.
  const spoofed = await vault.app.inject({
    method: 'GET',
    url: '/api/pci/tokens',
    headers: { ...wrong, 'x-forwarded-for': '1.2.3.4' },
    remoteAddress: '10.9.9.9',
  });
  expect(spoofed.statusCode).toBe(429);
});
