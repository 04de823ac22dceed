import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

/**
 * The Guardian operations the digest names (guardian-api.md §2–§7). The scopes also name an
 * imports API (`admin:imports:create|read|cancel`) whose operations are undocumented, so it is
 * not here (README, "Guardian surface").
 */
const GUARDIAN_OPERATIONS = [
  'pci_token_create',
  'pci_token_list',
  'pci_token_get',
  'pci_token_delete',
  'pci_token_security_code_check',
  'pci_token_security_code_refresh',
  'pci_token_security_code_delete',
  'pci_token_forward',
  'network_token_create',
  'network_token_list',
  'network_token_get',
  'network_token_delete',
  'network_token_cryptogram',
  'network_token_forward',
  'generic_token_create',
  'generic_token_list',
  'generic_token_get',
  'generic_token_delete',
  'admin_type_create',
  'admin_type_list',
  'admin_type_get',
  'admin_type_delete',
  'inquiry_create',
  'admin_api_key_create',
  'admin_api_key_list',
  'admin_api_key_get',
  'admin_api_key_update',
  'admin_api_key_delete',
  'admin_webhook_create',
  'admin_webhook_list',
  'admin_webhook_get',
  'admin_webhook_delete',
];

it('/openapi.json lists every Guardian operation with both credentials, 401 and 403', async () => {
  const doc = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const ops = new Map<string, { security?: unknown; responses: Record<string, unknown>; tags: string[] }>();
  for (const item of Object.values(doc.paths) as Record<
    string,
    { operationId: string; security?: unknown; responses: Record<string, unknown>; tags: string[] }
  >[]) {
    for (const op of Object.values(item)) ops.set(op.operationId, op);
  }
  for (const id of GUARDIAN_OPERATIONS) {
    const op = ops.get(id);
    expect(op, id).toBeDefined();
    expect(op!.security, id).toEqual([{ APIKey: [] }, { AdminToken: [] }]);
    expect(Object.keys(op!.responses), id).toEqual(expect.arrayContaining(['401', '403']));
  }
  expect(GUARDIAN_OPERATIONS).toHaveLength(32);
  // Beyond Guardian: the session protocol, the sandbox provider's controls, and the audit trail and key rotations (admin token only).
  const others = [...ops.entries()].filter(([id, op]) => !GUARDIAN_OPERATIONS.includes(id) && op.tags[0] !== 'health').map(([id, op]) => `${op.tags[0]}:${id}`);
  expect(others.sort()).toEqual([
    'apikey:admin_audit_event_export',
    'apikey:admin_audit_event_list',
    'apikey:admin_audit_event_verify',
    'apikey:admin_key_rotation_get',
    'apikey:admin_key_rotation_list',
    'apikey:admin_key_rotation_start',
    'sandbox:sandbox_network_token_lifecycle',
    'sessions:session_complete_action',
    'sessions:session_get',
  ]);
});
