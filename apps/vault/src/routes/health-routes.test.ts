import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

it('answers /healthz and /readyz', async () => {
  expect((await vault.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  expect((await vault.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
});

it('serves an OpenAPI 3.1 document titled "Guardian API" generated from the routes', async () => {
  const doc = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.title).toBe('Guardian API');
  expect(doc.paths['/api/pci/tokens'].post.operationId).toBe('pci_token_create');
  expect(doc.paths['/api/pci/tokens/{id}'].get.operationId).toBe('pci_token_get');
  expect(doc.paths['/api/sessions/{id}/complete-action'].post).toBeDefined();
  expect(doc.paths['/api/admin/api-keys/{id}'].patch.operationId).toBe('admin_api_key_update');
  expect(doc.components.securitySchemes.APIKey).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
  expect(doc.paths['/frame/v1/card.html']).toBeUndefined();
});

it('answers unknown routes with the Guardian 404', async () => {
  const res = await vault.app.inject({ method: 'GET', url: '/api/nothing' });
  expect(res.json()).toEqual({ code: 404, classifier: 'NOT_FOUND', message: 'The requested resource was not found.' });
});
