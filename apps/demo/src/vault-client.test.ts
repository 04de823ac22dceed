import { describe, expect, inject, it } from 'vitest';
import { createVaultClient } from './vault-client.ts';
import { VaultError } from './vault-error.ts';

// Against the real vault the project's global setup started.
const baseUrl = inject('vaultUrl');
const adminToken = inject('adminToken');

async function apiKey(scopes: string[]): Promise<string> {
  const response = await fetch(`${baseUrl}/api/admin/api-keys`, {
    method: 'POST',
    headers: { 'x-admin-token': adminToken, 'content-type': 'application/json' },
    body: JSON.stringify({ scopes }),
  });
  return ((await response.json()) as { key_value: string }).key_value;
}

/** A token with a live CVC, created through the Guardian pan source (server-side test data). */
async function tokenWithCvc(): Promise<string> {
  const response = await fetch(`${baseUrl}/api/pci/tokens`, {
    method: 'POST',
    headers: { 'x-admin-token': adminToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      source: { type: 'pan', account_number: '5555555555554444', expiry_month: 7, expiry_year: 2031, security_code: '321' },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

describe('vault client (real vault)', () => {
  it('creates sessions, reads tokens and their CVC status, and opens CVC refresh sessions', async () => {
    const client = createVaultClient({ baseUrl, apiKey: await apiKey(['pci:tokens:create', 'pci:tokens:read', 'pci:tokens:update']) });
    expect(await client.createSession()).toMatch(/^[0-9a-f-]{36}$/);
    const tokenId = await tokenWithCvc();
    const token = await client.readToken(tokenId);
    expect(token.card).toMatchObject({ masked_account_number: '555555******4444', scheme: 'mastercard', expiry_month: 7, expiry_year: 2031 });
    expect(await client.securityCodeAvailable(tokenId)).toBe(true);
    const refresh = await client.refreshSecurityCode(tokenId);
    expect(refresh).toMatch(/^[0-9a-f-]{36}$/);
    const state = (await (await fetch(`${baseUrl}/api/sessions/${refresh}`)).json()) as { next_action: string };
    expect(state.next_action).toBe('refresh_security_code');
  });

  it('maps Guardian errors: unknown token 404, missing scope 403, bad key 401', async () => {
    const readOnly = createVaultClient({ baseUrl, apiKey: await apiKey(['pci:tokens:read']) });
    await expect(readOnly.readToken('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404, classifier: 'NOT_FOUND' });
    await expect(readOnly.createSession()).rejects.toMatchObject({ status: 403, classifier: 'FORBIDDEN' });
    const wrong = createVaultClient({ baseUrl, apiKey: 'not-a-key' });
    await expect(wrong.createSession()).rejects.toBeInstanceOf(VaultError);
    await expect(wrong.createSession()).rejects.toMatchObject({ status: 401, classifier: 'UNAUTHORIZED' });
  });

  it('reports an unreachable vault as status 0', async () => {
    const dead = createVaultClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', timeoutMs: 2000 });
    await expect(dead.createSession()).rejects.toMatchObject({ status: 0, classifier: 'UNREACHABLE' });
  });
});
