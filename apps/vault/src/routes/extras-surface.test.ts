import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../domain/scopes.ts';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const ID = '33333333-3333-4333-8333-333333333333';

/** Every route of issue 5 and the scope it needs (the table in README.md). */
const ROUTES: { method: 'GET' | 'POST' | 'DELETE'; url: string; scope: Scope; payload?: object; headers?: Record<string, string> }[] = [
  { method: 'POST', url: '/api/generic/tokens', scope: 'generic:tokens:create', payload: { payload: { a: 'b' } } },
  { method: 'GET', url: '/api/generic/tokens', scope: 'generic:tokens:read' },
  { method: 'GET', url: `/api/generic/tokens/${ID}`, scope: 'generic:tokens:read' },
  { method: 'DELETE', url: `/api/generic/tokens/${ID}`, scope: 'generic:tokens:delete' },
  { method: 'POST', url: '/api/admin/types', scope: 'admin:types:create', payload: { name: 't', schema: { type: 'object' } } },
  { method: 'GET', url: '/api/admin/types', scope: 'admin:types:read' },
  { method: 'GET', url: `/api/admin/types/${ID}`, scope: 'admin:types:read' },
  { method: 'DELETE', url: `/api/admin/types/${ID}`, scope: 'admin:types:delete' },
  { method: 'POST', url: '/api/admin/webhooks', scope: 'admin:webhooks:create', payload: { events: ['network.token.updated'], url: 'https://m.example' } },
  { method: 'GET', url: '/api/admin/webhooks', scope: 'admin:webhooks:read' },
  { method: 'GET', url: `/api/admin/webhooks/${ID}`, scope: 'admin:webhooks:read' },
  { method: 'DELETE', url: `/api/admin/webhooks/${ID}`, scope: 'admin:webhooks:delete' },
  { method: 'POST', url: `/api/pci/tokens/${ID}/forward`, scope: 'pci:tokens:forward', payload: {}, headers: { 'x-destination-url': 'https://psp.example' } },
];

async function newKey(scopes: Scope[]) {
  return (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes } })).json().key_value as string;
}

describe('scopes', () => {
  it.each(ROUTES)('$method $url needs $scope: 401 anonymous, 403 FORBIDDEN without it, let through with it', async (route) => {
    const send = (headers: Record<string, string>) =>
      vault.app.inject({
        method: route.method,
        url: route.url,
        headers: { ...route.headers, ...headers },
        ...(route.payload ? { payload: route.payload } : {}),
      });
    expect((await send({})).statusCode).toBe(401);
    const denied = await send({ 'x-api-key': await newKey(SCOPES.filter((s) => s !== route.scope)) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ code: 403, classifier: 'FORBIDDEN', message: 'Not allowed to access this resource or feature' });
    const allowed = await send({ 'x-api-key': await newKey([route.scope]) });
    expect(allowed.statusCode).not.toBe(401);
    // The forward route may still refuse the destination with a 403 of its own classifier.
    if (allowed.statusCode === 403) expect(allowed.json().classifier).toBe('DESTINATION_NOT_ALLOWED');
  });

  it('a refused create has no side effect', async () => {
    const key = await newKey(['generic:tokens:read']);
    await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: { 'x-api-key': key }, payload: { payload: { a: 'side-effect' } } });
    const before = await vault.deps.db.selectFrom('generic_tokens').select('id').execute();
    await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: { 'x-api-key': key }, payload: { payload: { a: 'b' } } });
    expect(await vault.deps.db.selectFrom('generic_tokens').select('id').execute()).toEqual(before);
  });
});

describe('/openapi.json', () => {
  it('lists every new route with its operationId, security and request schema', async () => {
    const doc = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    expect(op('/api/generic/tokens', 'post')).toMatchObject({ operationId: 'generic_token_create', tags: ['generic'] });
    expect(op('/api/generic/tokens', 'post').requestBody.content['application/json'].schema.required).toEqual(['payload']);
    expect(op('/api/generic/tokens', 'get').parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['type_id', 'schema_id', 'limit', 'after']),
    );
    expect(op('/api/generic/tokens/{id}', 'get').operationId).toBe('generic_token_get');
    expect(op('/api/generic/tokens/{id}', 'delete').operationId).toBe('generic_token_delete');
    expect(op('/api/admin/types', 'post').requestBody.content['application/json'].schema.required).toEqual(['name', 'schema']);
    expect(op('/api/admin/types/{id}', 'delete').responses['409']).toBeDefined();
    expect(op('/api/admin/webhooks', 'post').responses['200'].content['application/json'].schema.properties.hmac_key).toBeDefined();
    expect(op('/api/admin/webhooks', 'get').operationId).toBe('admin_webhook_list');
    expect(op('/api/admin/webhooks/{id}', 'get').responses['200'].content['application/json'].schema.properties.hmac_key).toBeUndefined();
    const forward = op('/api/pci/tokens/{id}/forward', 'post');
    expect(forward).toMatchObject({ operationId: 'pci_token_forward', tags: ['pci'] });
    expect(forward.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'x-destination-url', required: true }));
    expect(Object.keys(forward.responses)).toEqual(expect.arrayContaining(['403', '502', '504']));
    for (const [path, item] of Object.entries(doc.paths) as [string, Record<string, { security?: unknown }>][]) {
      // The audit trail is the operator's: the admin token only (issue 13 §3).
      const adminOnly = path.startsWith('/api/admin/audit-events') || path.startsWith('/api/admin/key-rotations');
      const expected = adminOnly ? [{ AdminToken: [] }] : [{ APIKey: [] }, { AdminToken: [] }];
      for (const operation of Object.values(item)) if (operation.security) expect(operation.security).toEqual(expected);
    }
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['generic', 'types', 'webhook']));
  });
});
