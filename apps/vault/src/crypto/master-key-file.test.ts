import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadOrCreateMasterKey } from './master-key-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('creates a 0600 key once; later loads (and racing creators) read the same key', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vault-mk-'));
  dirs.push(dir);
  const first = loadOrCreateMasterKey(dir);
  expect(first.created).toBe(true);
  expect(first.key).toHaveLength(32);
  expect(statSync(first.file).mode & 0o777).toBe(0o600);
  const second = loadOrCreateMasterKey(dir);
  expect(second.created).toBe(false);
  expect(second.key.equals(first.key)).toBe(true);
  expect(Buffer.from(readFileSync(first.file, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
});
