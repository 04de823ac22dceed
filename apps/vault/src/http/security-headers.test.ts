import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';
import { HSTS, registerSecurityHeaders } from './security-headers.ts';

// Issue 13, finding 11: HSTS on an https vault; no caching of responses that carry secrets.
let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault(); // public URL https://vault.test
});
afterAll(async () => vault.close());

it('sends HSTS on every response of an https vault, errors and hijacked replies included', async () => {
  for (const url of ['/healthz', '/api/pci/tokens', '/nope']) {
    const res = await vault.app.inject({ method: 'GET', url });
    expect(res.headers['strict-transport-security'], url).toBe(HSTS);
  }
});

it('marks the responses that carry a new API key or webhook secret no-store', async () => {
  const key = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:read'] } });
  expect(key.json().key_value).toMatch(/^key_/);
  expect(key.headers['cache-control']).toBe('no-store');
  const hook = await vault.app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin,
    payload: { url: 'https://merchant.example/hooks', events: ['pci.token.security-code.expired'] },
  });
  expect(hook.statusCode).toBe(200);
  expect(hook.headers['cache-control']).toBe('no-store');
});

it('sends no HSTS for an http public URL (a plain-http dev vault must not pin localhost)', async () => {
  const app = Fastify();
  registerSecurityHeaders(app, 'http://localhost:8080');
  app.get('/api/x', async () => ({ ok: true }));
  app.get('/sdk.js', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send('x'));
  const api = await app.inject({ method: 'GET', url: '/api/x' });
  expect(api.headers['strict-transport-security']).toBeUndefined();
  expect(api.headers['cache-control']).toBe('no-store');
  expect((await app.inject({ method: 'GET', url: '/sdk.js' })).headers['cache-control']).toBe('public, max-age=300');
  await app.close();
});
