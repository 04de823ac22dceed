import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from './app.ts';
import { ensureApiKey } from './ensure-api-key.ts';
import { createVaultClient } from './vault-client.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A real vault client pointed at a port where nothing listens: the routes' input checks must
// answer before any vault call, and a dead vault must turn into a shopper-safe 502.
const DEAD_VAULT = 'http://127.0.0.1:9';
const PAN = '4242424242424242';
const logLines: string[] = [];

const app = await createApp({
  vault: createVaultClient({ baseUrl: DEAD_VAULT, apiKey: 'key_unused', timeoutMs: 2000 }),
  vaultFrameUrl: 'http://vault.test:4100',
  pages: { index: '<h1>checkout</h1>', npm: '<h1>npm</h1>', split: '<h1>split</h1>', react: '<h1>react</h1>', hellgate: '<h1>hellgate</h1>' },
  assetsDir: import.meta.dirname,
  logger: {
    level: 'trace',
    stream: new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  },
});

beforeAll(() => app.ready());
afterAll(() => app.close());

describe('demo app, vault down', () => {
  it('serves the checkout with the merchant CSP and no caching', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('<h1>checkout</h1>');
    expect(response.headers['content-security-policy']).toContain('frame-src http://vault.test:4100');
    expect(response.headers['content-security-policy']).toContain("base-uri 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/npm.html' })).body).toBe('<h1>npm</h1>');
    const react = await app.inject({ method: 'GET', url: '/react.html' });
    expect(react.body).toBe('<h1>react</h1>');
    expect(react.headers['content-security-policy']).toBe(response.headers['content-security-policy']);
    // The Hellgate-API page loads the vault's Hellgate-shaped script instead of the SDK, and nothing else changes.
    const hellgate = await app.inject({ method: 'GET', url: '/hellgate.html' });
    expect(hellgate.body).toBe('<h1>hellgate</h1>');
    expect(hellgate.headers['content-security-policy']).toBe(
      response.headers['content-security-policy']!.toString().replace('/sdk/v1/cardframe.js', '/hellgate/v1/hellgate.js'),
    );
  });

  it.each([
    ['a body that is not a token id', { tokenId: 'not-a-uuid' }],
    ['a missing token id', {}],
    ['a card number smuggled next to the token id', { tokenId: '0b0c7b4e-5d1f-4f5e-9d7a-1f2e3d4c5b6a', number: PAN }],
  ])('refuses %s on /api/pay without calling the vault', async (_name, payload) => {
    const response = await app.inject({ method: 'POST', url: '/api/pay', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'BAD_REQUEST', message: 'The request is not valid.' });
    expect(response.body).not.toContain(PAN);
  });

  it('refuses bodies over 1 KB', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/pay', payload: { tokenId: 'x'.repeat(2000) } });
    expect(response.statusCode).toBe(413);
  });

  it('refuses a CVC refresh for something that is not a token id', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/cards/..%2Fadmin/cvc' });
    expect(response.statusCode).toBe(400);
  });

  it('answers a shopper-safe 502 when the vault is down', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/checkout' });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ error: 'VAULT_UNAVAILABLE' });
    expect(response.body).not.toContain('127.0.0.1');
  });

  it('never writes a request body to its log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(PAN);
  });
});

describe('demo app on the real vault', () => {
  const vaultUrl = inject('vaultUrl');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demo-app-'));
  let live: Awaited<ReturnType<typeof createApp>>;

  beforeAll(async () => {
    const apiKey = await ensureApiKey({ dataDir, vaultApiUrl: vaultUrl, adminToken: inject('adminToken') });
    live = await createApp({
      vault: createVaultClient({ baseUrl: vaultUrl, apiKey }),
      vaultFrameUrl: 'http://vault.test:4100',
      pages: { index: '', npm: '', split: '', react: '', hellgate: '' },
      assetsDir: import.meta.dirname,
    });
  });
  afterAll(async () => {
    await live.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('checkout answers a fresh tokenize session and the frame URL', async () => {
    const response = await live.inject({ method: 'POST', url: '/api/checkout' });
    expect(response.statusCode).toBe(200);
    const { sessionId, vaultUrl: frameUrl } = response.json() as { sessionId: string; vaultUrl: string };
    expect(frameUrl).toBe('http://vault.test:4100');
    const state = (await (await fetch(`${vaultUrl}/api/sessions/${sessionId}`)).json()) as { next_action: string };
    expect(state.next_action).toBe('tokenize_card');
  });

  it('pay reads the masked card back; cvc opens a refresh session; unknown tokens are 404', async () => {
    const created = await fetch(`${vaultUrl}/api/pci/tokens`, {
      method: 'POST',
      headers: { 'x-admin-token': inject('adminToken'), 'content-type': 'application/json' },
      body: JSON.stringify({
        source: { type: 'pan', account_number: '378282246310005', expiry_month: 3, expiry_year: 2030, security_code: '1234' },
      }),
    });
    const { id: tokenId } = (await created.json()) as { id: string };

    const paid = await live.inject({ method: 'POST', url: '/api/pay', payload: { tokenId: tokenId.toUpperCase() } });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({
      tokenId,
      card: { maskedNumber: '378282*****0005', scheme: 'american express', expiryMonth: 3, expiryYear: 2030 },
      cvcAvailable: true,
    });

    const refresh = await live.inject({ method: 'POST', url: `/api/cards/${tokenId}/cvc` });
    expect(refresh.statusCode).toBe(200);
    expect(refresh.json()).toMatchObject({ vaultUrl: 'http://vault.test:4100' });

    const unknown = await live.inject({ method: 'POST', url: '/api/pay', payload: { tokenId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'TOKEN_NOT_FOUND' });
  });
});
