import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createSessionId, createTestVault, type TestVault } from '../test/test-vault.ts';
import { checkMasterKey, MASTER_KEY_MISMATCH, recordMasterKey } from './master-key-check.ts';
import { loadOrCreateMasterKey, MasterKeyMissingError } from './master-key-file.ts';

const vaults: TestVault[] = [];
afterEach(async () => {
  for (const vault of vaults.splice(0)) await vault.close();
});

it('records a known answer on first start; the same key verifies, any other is refused with one sentence', async () => {
  const vault = await createTestVault();
  vaults.push(vault);
  expect(await checkMasterKey(vault.handle.db, vault.masterKey)).toBe('empty');
  await recordMasterKey(vault.handle.db, vault.masterKey);
  expect(await checkMasterKey(vault.handle.db, vault.masterKey)).toBe('verified');
  const wrong = randomBytes(32);
  await expect(checkMasterKey(vault.handle.db, wrong)).rejects.toThrow(MASTER_KEY_MISMATCH);
  // A second first start racing with another key loses: the stored answer is not overwritten.
  await expect(recordMasterKey(vault.handle.db, wrong)).rejects.toThrow(MASTER_KEY_MISMATCH);
  expect(await checkMasterKey(vault.handle.db, vault.masterKey)).toBe('verified');
  expect(MASTER_KEY_MISMATCH).toBe('the master key does not match this database');
});

it('checks a database from before the known answer against its own ciphertext', async () => {
  const vault = await createTestVault();
  vaults.push(vault);
  await createSessionId(vault.app); // writes a JWE key, encrypted under the master key
  expect(await checkMasterKey(vault.handle.db, undefined)).toBe('has-data');
  await expect(checkMasterKey(vault.handle.db, randomBytes(32))).rejects.toThrow(MASTER_KEY_MISMATCH);
  expect(await checkMasterKey(vault.handle.db, vault.masterKey)).toBe('verified');
});

it('never generates a master key over existing data', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vault-mk-missing-'));
  try {
    expect(() => loadOrCreateMasterKey(dir, { create: false })).toThrow(MasterKeyMissingError);
    expect(() => loadOrCreateMasterKey(dir, { create: false })).toThrow(/restore master\.key from your backup/);
    expect(loadOrCreateMasterKey(dir).created).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
