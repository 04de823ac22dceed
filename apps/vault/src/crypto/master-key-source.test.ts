import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MasterKeyLocationError, resolveMasterKey, type MasterKeySource } from './master-key-source.ts';

// Issue 13, finding 5: a copy of the data dir must not also be a copy of the master key.
let root: string;
let dataDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vault-mks-'));
  dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const source = (over: Partial<MasterKeySource> = {}): MasterKeySource => ({
  devMode: false,
  dataDir,
  masterKey: undefined,
  masterKeyFile: undefined,
  masterKeyComponents: undefined,
  ...over,
});
const keyFile = (dir: string, name: string, key = randomBytes(32)) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { file, key };
};

it('refuses to start without a key outside development mode, and says how to supply one', () => {
  expect(() => resolveMasterKey(source())).toThrow(MasterKeyLocationError);
  expect(() => resolveMasterKey(source())).toThrow(/CARDFRAME_MASTER_KEY .*CARDFRAME_MASTER_KEY_FILE .*CARDFRAME_MASTER_KEY_COMPONENTS/);
});

it('refuses a master.key found beside the data (the old default), even when another source is set', () => {
  keyFile(dataDir, 'master.key');
  expect(() => resolveMasterKey(source({ masterKey: randomBytes(32) }))).toThrow(/master\.key lies beside the data/);
});

it('refuses a key file or a component inside the data dir, also through a symlink', () => {
  const inside = keyFile(dataDir, 'elsewhere.key');
  expect(() => resolveMasterKey(source({ masterKeyFile: inside.file }))).toThrow(/is inside the data dir/);
  symlinkSync(dataDir, path.join(root, 'alias'));
  expect(() => resolveMasterKey(source({ masterKeyFile: path.join(root, 'alias', 'elsewhere.key') }))).toThrow(/is inside the data dir/);
  const outside = keyFile(root, 'a.key');
  expect(() => resolveMasterKey(source({ masterKeyComponents: [outside.file, inside.file] }))).toThrow(/is inside the data dir/);
});

it('takes the key from the environment, from a file outside the data dir, or as the XOR of two components', () => {
  const env = randomBytes(32);
  expect(resolveMasterKey(source({ masterKey: env }))).toEqual({ key: env, origin: 'environment' });
  const file = keyFile(root, 'master.key');
  expect(resolveMasterKey(source({ masterKeyFile: file.file }))).toEqual({ key: file.key, origin: 'file' });
  const a = keyFile(root, 'custodian-a.key');
  const b = keyFile(root, 'custodian-b.key');
  const xor = Buffer.from(a.key.map((byte, i) => byte ^ b.key[i]!));
  expect(resolveMasterKey(source({ masterKeyComponents: [a.file, b.file] }))).toEqual({ key: xor, origin: 'components' });
  expect(() => resolveMasterKey(source({ masterKeyComponents: [a.file, a.file] }))).toThrow(/two different files/);
  const same = keyFile(root, 'copy.key', a.key);
  expect(() => resolveMasterKey(source({ masterKeyComponents: [a.file, same.file] }))).toThrow(/identical/);
});

it('in development mode keeps (and creates once) master.key in the data dir', () => {
  const first = resolveMasterKey(source({ devMode: true }));
  expect(first.origin).toBe('development file');
  expect(first.createdFile).toBe(path.join(dataDir, 'master.key'));
  const again = resolveMasterKey(source({ devMode: true }));
  expect(again.key.equals(first.key)).toBe(true);
  expect(again.createdFile).toBeUndefined();
});
