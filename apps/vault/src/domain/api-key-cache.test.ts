import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeysTable } from '../storage/database.ts';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';
import { API_KEY_CACHE_TTL_MS, createApiKeyCache } from './api-key-cache.ts';

const row = (over: Partial<ApiKeysTable> = {}): ApiKeysTable => ({
  id: 'k1',
  lookup: 'AAAAAAAAAAAA',
  secret_hash: 'ab',
  masked: 'key_AAAxxxx',
  scopes: '["pci:tokens:read"]',
  created_at: 0,
  expires_at: null,
  ...over,
});

describe('API key cache', () => {
  it('serves a verified key for less than the TTL, then forgets it', () => {
    const cache = createApiKeyCache(1000);
    cache.set('h', row(), cache.epoch(), 10_000);
    expect(cache.get('h', 10_999)?.scopes.has('pci:tokens:read')).toBe(true);
    expect(cache.get('h', 11_000)).toBeUndefined();
    cache.set('h', row(), cache.epoch(), 20_000);
    expect(cache.get('h', 19_999)).toBeUndefined();
  });

  it('never serves an expired key, whatever the TTL', () => {
    const cache = createApiKeyCache(60_000);
    cache.set('h', row({ expires_at: 5_000 }), cache.epoch(), 4_000);
    expect(cache.get('h', 4_999)).toBeDefined();
    expect(cache.get('h', 5_000)).toBeUndefined();
  });

  it('drops entries of an invalidated key, and a read that raced the invalidation is not stored', () => {
    const cache = createApiKeyCache(60_000);
    cache.set('h1', row(), cache.epoch(), 0);
    cache.set('h2', row({ id: 'k2' }), cache.epoch(), 0);
    const before = cache.epoch();
    cache.invalidate('k1');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)).toBeDefined();
    cache.set('h1', row(), before, 2);
    expect(cache.get('h1', 3)).toBeUndefined();
  });
});

describe('API key verification through the app', () => {
  let a: TestVault;
  let b: TestVault;
  beforeAll(async () => {
    a = await createTestVault();
    // A second app over the same database: another vault process with its own cache.
    b = await createTestVault({ peerOf: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const newKey = async (scopes: string[]) =>
    (await a.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes } })).json() as { id: string; key_value: string };
  const list = (app: TestVault, key: string) => app.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { 'x-api-key': key } });

  it('scope changes and deletion take effect at once in the process that made them', async () => {
    const key = await newKey(['pci:tokens:read', 'pci:tokens:create']);
    expect((await list(a, key.key_value)).statusCode).toBe(200);
    await a.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${key.id}`, headers: admin, payload: { scopes: ['pci:tokens:create'] } });
    expect((await list(a, key.key_value)).statusCode).toBe(403);
    await a.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${key.id}`, headers: admin, payload: { scopes: ['pci:tokens:read'] } });
    expect((await list(a, key.key_value)).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${key.id}`, headers: admin })).statusCode).toBe(204);
    expect((await list(a, key.key_value)).statusCode).toBe(401);
  });

  it('another process notices a revocation within API_KEY_CACHE_TTL_MS, and not later', async () => {
    const key = await newKey(['pci:tokens:read']);
    expect((await list(b, key.key_value)).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${key.id}`, headers: admin })).statusCode).toBe(204);
    // Within the bound b may still trust its verification (the unit tests above pin that down);
    // once the bound has passed it reads the row again and refuses the key.
    b.advance(API_KEY_CACHE_TTL_MS);
    expect((await list(b, key.key_value)).statusCode).toBe(401);
  });

  it('another process notices a scope change within the bound', async () => {
    const key = await newKey(['pci:tokens:read']);
    expect((await list(b, key.key_value)).statusCode).toBe(200);
    await a.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${key.id}`, headers: admin, payload: { scopes: ['pci:tokens:create'] } });
    b.advance(API_KEY_CACHE_TTL_MS);
    expect((await list(b, key.key_value)).statusCode).toBe(403);
  });
});
