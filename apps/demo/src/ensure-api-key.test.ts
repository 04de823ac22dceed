import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { API_KEY_FILE, DEMO_API_KEY_SCOPES, ensureApiKey } from './ensure-api-key.ts';

// Against the real vault the project's global setup started.
const vaultApiUrl = inject('vaultUrl');
const adminToken = inject('adminToken');
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'demo-key-'));
  dirs.push(dir);
  return path.join(dir, 'demo');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function keyDetails(id: string): Promise<{ scopes: string[] }> {
  const response = await fetch(`${vaultApiUrl}/api/admin/api-keys/${id}`, { headers: { 'x-admin-token': adminToken } });
  expect(response.status).toBe(200);
  return (await response.json()) as { scopes: string[] };
}

describe('ensureApiKey', () => {
  it('creates a key with only the three scopes the shop needs, kept 0600, and reuses it later', async () => {
    const dataDir = freshDir();
    const key = await ensureApiKey({ dataDir, vaultApiUrl, adminToken });
    const file = path.join(dataDir, API_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { id: string; keyValue: string };
    expect(stored.keyValue).toBe(key);
    expect((await keyDetails(stored.id)).scopes.sort()).toEqual([...DEMO_API_KEY_SCOPES].sort());

    // A second start without the admin token reuses the same key.
    expect(await ensureApiKey({ dataDir, vaultApiUrl, adminToken: undefined })).toBe(key);
    expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe(stored.id);
  });

  it('replaces a key the vault no longer accepts, when an admin token is given', async () => {
    const dataDir = freshDir();
    const first = await ensureApiKey({ dataDir, vaultApiUrl, adminToken });
    const file = path.join(dataDir, API_KEY_FILE);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { id: string };
    const revoked = await fetch(`${vaultApiUrl}/api/admin/api-keys/${stored.id}`, {
      method: 'DELETE',
      headers: { 'x-admin-token': adminToken },
    });
    expect(revoked.ok).toBe(true);

    await expect(ensureApiKey({ dataDir, vaultApiUrl, adminToken: undefined })).rejects.toThrow(/not accepted/);
    const second = await ensureApiKey({ dataDir, vaultApiUrl, adminToken });
    expect(second).not.toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('explains what to do on a first start without an admin token', async () => {
    await expect(ensureApiKey({ dataDir: freshDir(), vaultApiUrl, adminToken: undefined })).rejects.toThrow(/set CARDFRAME_ADMIN_TOKEN once/);
  });

  it('says so when the admin token is wrong', async () => {
    await expect(ensureApiKey({ dataDir: freshDir(), vaultApiUrl, adminToken: 'x'.repeat(40) })).rejects.toThrow(/refused to create an API key \(HTTP 401\)/);
  });

  it('ignores a key file written for another vault', async () => {
    const dataDir = freshDir();
    await ensureApiKey({ dataDir, vaultApiUrl, adminToken });
    const file = path.join(dataDir, API_KEY_FILE);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...stored, vaultApiUrl: 'http://elsewhere:1' }), { mode: 0o600 });
    await expect(ensureApiKey({ dataDir, vaultApiUrl, adminToken: undefined })).rejects.toThrow(/no API key|not accepted/);
  });
});
