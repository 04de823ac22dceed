import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../domain/scopes.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

async function newKey(scopes: Scope[], extra: object = {}) {
  const res = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes, ...extra } });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: string; key_value: string; masked_key_value: string; scopes: string[]; created_at: string; expires_at?: string };
}

const TOKEN_ID = '6f1c7a52-4a6f-4c55-9a53-2b7d9e8d1f00';
/** Every protected route and the scope it needs (the table in README.md). */
const ROUTES: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; scope: Scope; payload?: object }[] = [
  { method: 'POST', url: '/api/pci/tokens', scope: 'pci:tokens:create', payload: { source: { type: 'session' } } },
  { method: 'GET', url: '/api/pci/tokens', scope: 'pci:tokens:read' },
  { method: 'GET', url: `/api/pci/tokens/${TOKEN_ID}`, scope: 'pci:tokens:read' },
  { method: 'DELETE', url: `/api/pci/tokens/${TOKEN_ID}`, scope: 'pci:tokens:delete' },
  { method: 'GET', url: `/api/pci/tokens/${TOKEN_ID}/security-code`, scope: 'pci:tokens:read' },
  { method: 'POST', url: `/api/pci/tokens/${TOKEN_ID}/security-code`, scope: 'pci:tokens:update' },
  { method: 'DELETE', url: `/api/pci/tokens/${TOKEN_ID}/security-code`, scope: 'pci:tokens:update' },
  { method: 'POST', url: '/api/admin/api-keys', scope: 'admin:api-keys:create', payload: { scopes: ['admin:api-keys:create'] } },
  { method: 'GET', url: '/api/admin/api-keys', scope: 'admin:api-keys:read' },
  { method: 'GET', url: `/api/admin/api-keys/${TOKEN_ID}`, scope: 'admin:api-keys:read' },
  { method: 'PATCH', url: `/api/admin/api-keys/${TOKEN_ID}`, scope: 'admin:api-keys:update', payload: { scopes: ['admin:api-keys:update'] } },
  { method: 'DELETE', url: `/api/admin/api-keys/${TOKEN_ID}`, scope: 'admin:api-keys:delete' },
];

describe('API keys', () => {
  it('returns the plaintext once, then only the masked value; stores only a hash', async () => {
    const created = await newKey(['pci:tokens:read'], { expires_in: 7_776_000 });
    expect(created.key_value).toMatch(/^key_[0-9A-Za-z]{44}$/);
    expect(created.masked_key_value).toBe(`${created.key_value.slice(0, 7)}xxxx`);
    expect(Date.parse(created.expires_at!) - Date.parse(created.created_at)).toBe(7_776_000_000);
    const got = await vault.app.inject({ method: 'GET', url: `/api/admin/api-keys/${created.id}`, headers: admin });
    expect(got.json()).toEqual({
      id: created.id,
      created_at: created.created_at,
      expires_at: created.expires_at,
      masked_key_value: created.masked_key_value,
      scopes: ['pci:tokens:read'],
    });
    expect(got.body).not.toContain(created.key_value);
    const row = await vault.deps.db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.key_value.slice(4 + 12));
  });

  it('rejects bad requests with 422', async () => {
    for (const payload of [{ scopes: [] }, { scopes: ['pci:tokens:fly'] }, { scopes: ['pci:tokens:read'], expires_in: 7_776_001 }, {}]) {
      const res = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload });
      expect(res.statusCode).toBe(422);
    }
  });

  it('lists, updates scopes, deletes (204) and then refuses the key with 401', async () => {
    const created = await newKey(['pci:tokens:read']);
    const list = (await vault.app.inject({ method: 'GET', url: '/api/admin/api-keys?limit=100', headers: admin })).json();
    expect(list.data.map((k: { id: string }) => k.id)).toContain(created.id);
    expect(list.links).toEqual({ next: null });
    const patched = await vault.app.inject({
      method: 'PATCH',
      url: `/api/admin/api-keys/${created.id}`,
      headers: admin,
      payload: { scopes: ['pci:tokens:create'] },
    });
    expect(patched.json().scopes).toEqual(['pci:tokens:create']);
    const useKey = { 'x-api-key': created.key_value };
    expect((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: useKey })).statusCode).toBe(403);
    const del = await vault.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${created.id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    const after = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: useKey, payload: { source: { type: 'session' } } });
    expect(after.statusCode).toBe(401);
    expect((await vault.app.inject({ method: 'GET', url: `/api/admin/api-keys/${created.id}`, headers: admin })).statusCode).toBe(404);
  });

  it('an expired key gets the same 401 as an unknown one', async () => {
    const created = await newKey(['pci:tokens:read'], { expires_in: 10 });
    const headers = { 'x-api-key': created.key_value };
    expect((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers })).statusCode).toBe(200);
    vault.advance(11_000);
    const expired = await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers });
    const unknown = await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { 'x-api-key': `key_${'A'.repeat(44)}` } });
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toBe(unknown.body);
  });

  it.each(ROUTES)('$method $url needs $scope: 403 without it, not 403 with it', async (route) => {
    const others = SCOPES.filter((s) => s !== route.scope) as Scope[];
    const without = await newKey(others);
    const denied = await vault.app.inject({
      method: route.method,
      url: route.url,
      headers: { 'x-api-key': without.key_value },
      ...(route.payload ? { payload: route.payload } : {}),
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ code: 403, classifier: 'FORBIDDEN', message: 'Not allowed to access this resource or feature' });
    const withScope = await newKey([route.scope]);
    const allowed = await vault.app.inject({
      method: route.method,
      url: route.url,
      headers: { 'x-api-key': withScope.key_value },
      ...(route.payload ? { payload: route.payload } : {}),
    });
    expect([200, 204, 404]).toContain(allowed.statusCode);
    const anon = await vault.app.inject({ method: route.method, url: route.url, ...(route.payload ? { payload: route.payload } : {}) });
    expect(anon.statusCode).toBe(401);
  });

  it('a key with pci scopes can run the merchant flow', async () => {
    const key = await newKey(['pci:tokens:create', 'pci:tokens:read']);
    const headers = { 'x-api-key': key.key_value };
    const created = await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers,
      payload: { source: { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR } },
    });
    expect(created.statusCode).toBe(200);
    expect((await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${created.json().id}`, headers })).statusCode).toBe(200);
  });

  // Issue 13, finding 2: a key never grants more than it has.
  it('a key with only admin:api-keys:create cannot mint a key with scopes it lacks', async () => {
    const minter = { 'x-api-key': (await newKey(['admin:api-keys:create', 'pci:tokens:read'])).key_value };
    const all = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: minter, payload: { scopes: [...SCOPES] } });
    expect(all.statusCode).toBe(403);
    expect(all.json().message).toMatch(/only scopes it holds; it lacks pci:tokens:create, /);
    const before = (await vault.app.inject({ method: 'GET', url: '/api/admin/api-keys?limit=100', headers: admin })).json().data.length;
    // Nothing was written by the refused grant; a subset it holds is fine.
    const subset = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: minter, payload: { scopes: ['pci:tokens:read'] } });
    expect(subset.statusCode).toBe(200);
    const after = (await vault.app.inject({ method: 'GET', url: '/api/admin/api-keys?limit=100', headers: admin })).json().data.length;
    expect(after).toBe(before + 1);
  });

  it('a key with only admin:api-keys:update cannot PATCH itself or grant others what it lacks', async () => {
    const updater = await newKey(['admin:api-keys:update']);
    const headers = { 'x-api-key': updater.key_value };
    const self = await vault.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${updater.id}`, headers, payload: { scopes: [...SCOPES] } });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('An API key may not change its own scopes');
    const victim = await newKey(['pci:tokens:read']);
    const raise = await vault.app.inject({
      method: 'PATCH',
      url: `/api/admin/api-keys/${victim.id}`,
      headers,
      payload: { scopes: ['pci:tokens:read', 'pci:tokens:forward'] },
    });
    expect(raise.statusCode).toBe(403);
    const stored = (await vault.app.inject({ method: 'GET', url: `/api/admin/api-keys/${updater.id}`, headers: admin })).json();
    expect(stored.scopes).toEqual(['admin:api-keys:update']);
    // Narrowing another key to scopes the caller holds is allowed; the admin token may grant anything.
    expect(
      (await vault.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${victim.id}`, headers, payload: { scopes: ['admin:api-keys:update'] } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await vault.app.inject({ method: 'PATCH', url: `/api/admin/api-keys/${updater.id}`, headers: admin, payload: { scopes: [...SCOPES] } })).statusCode,
    ).toBe(200);
  });
});
