import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateMasterKey } from './master-key-file.ts';

/**
 * Where the master key comes from, and the rule that it never lives with the data (issue 13,
 * finding 5; PCI DSS 3.6.1: key-encrypting keys stored apart from the data they protect). A copy
 * of the data dir (a backup, a volume snapshot) must not also be a copy of the key.
 *
 * Accepted sources, in order:
 * 1. CARDFRAME_MASTER_KEY: the key itself (base64), from the environment (a secret manager).
 * 2. CARDFRAME_MASTER_KEY_FILE: a file holding it, outside the data dir (a mounted secret).
 * 3. CARDFRAME_MASTER_KEY_COMPONENTS: two files, outside the data dir, each a full-length 32-byte
 *    component; the key is their XOR (PCI DSS 3.6.1.2 key components, for split knowledge:
 *    each custodian provisions one, from separate sources).
 * 4. Only with CARDFRAME_DEV_MODE=1: `<data dir>/master.key`, created on first start.
 */
export interface MasterKeySource {
  devMode: boolean;
  dataDir: string;
  masterKey: Buffer | undefined;
  masterKeyFile: string | undefined;
  masterKeyComponents: readonly [string, string] | undefined;
  /** Development mode may generate `<data dir>/master.key` only while the database holds nothing (issue 15). */
  createDevKey?: boolean;
}

export interface ResolvedMasterKey {
  key: Buffer;
  /** How it was supplied, for the start-up line (never the key). */
  origin: 'environment' | 'file' | 'components' | 'development file';
  /** Set when a development key was generated now (the caller announces it once). */
  createdFile?: string;
}

/** Thrown with a message for the operator's terminal. */
export class MasterKeyLocationError extends Error {
  override name = 'MasterKeyLocationError';
}

const HOW =
  'Supply the master key apart from the data: CARDFRAME_MASTER_KEY (base64, e.g. from your secret manager), ' +
  'CARDFRAME_MASTER_KEY_FILE (a file outside the data dir), or CARDFRAME_MASTER_KEY_COMPONENTS (two component ' +
  'files from separate custodians, XORed). For local development only, CARDFRAME_DEV_MODE=1 keeps it in the data dir.';

/** True when `file` is the data dir itself or anywhere below it (symlinks resolved). */
export function isInside(dir: string, file: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      // Not there yet: resolve its parent, so a symlinked parent still counts.
      const parent = path.dirname(p);
      return parent === p ? p : path.join(real(parent), path.basename(p));
    }
  };
  const relative = path.relative(real(dir), real(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function readKeyFile(file: string, what: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new MasterKeyLocationError(`${what}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32 || key.toString('base64') !== text) {
    throw new MasterKeyLocationError(`${what}: ${file} must hold 32 bytes encoded as base64 (44 characters)`);
  }
  return key;
}

function outsideDataDir(source: MasterKeySource, file: string, what: string): void {
  if (isInside(source.dataDir, file)) {
    throw new MasterKeyLocationError(`${what}: ${file} is inside the data dir ${source.dataDir}, so a copy of the data would carry the key. ${HOW}`);
  }
}

export function resolveMasterKey(source: MasterKeySource): ResolvedMasterKey {
  const devFile = path.join(source.dataDir, 'master.key');
  const configured = [source.masterKey, source.masterKeyFile, source.masterKeyComponents].filter((v) => v !== undefined).length;
  if (configured > 1) {
    throw new MasterKeyLocationError('Set only one of CARDFRAME_MASTER_KEY, CARDFRAME_MASTER_KEY_FILE and CARDFRAME_MASTER_KEY_COMPONENTS');
  }
  if (!source.devMode && existsSync(devFile)) {
    throw new MasterKeyLocationError(
      `${devFile} lies beside the data, so any copy of the data dir decrypts every card. Move it out ` +
        `(for example into your secret manager, then set CARDFRAME_MASTER_KEY) and delete it from the data dir. ${HOW}`,
    );
  }
  if (source.masterKey) return { key: source.masterKey, origin: 'environment' };
  if (source.masterKeyFile) {
    if (!source.devMode) outsideDataDir(source, source.masterKeyFile, 'CARDFRAME_MASTER_KEY_FILE');
    return { key: readKeyFile(source.masterKeyFile, 'CARDFRAME_MASTER_KEY_FILE'), origin: 'file' };
  }
  if (source.masterKeyComponents) {
    const [a, b] = source.masterKeyComponents;
    if (path.resolve(a) === path.resolve(b))
      throw new MasterKeyLocationError('CARDFRAME_MASTER_KEY_COMPONENTS: the two components must be two different files');
    for (const file of [a, b]) if (!source.devMode) outsideDataDir(source, file, 'CARDFRAME_MASTER_KEY_COMPONENTS');
    const first = readKeyFile(a, 'CARDFRAME_MASTER_KEY_COMPONENTS');
    const second = readKeyFile(b, 'CARDFRAME_MASTER_KEY_COMPONENTS');
    if (first.equals(second)) throw new MasterKeyLocationError('CARDFRAME_MASTER_KEY_COMPONENTS: the two components are identical, so their XOR is zero');
    const key = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) key[i] = first[i]! ^ second[i]!;
    return { key, origin: 'components' };
  }
  if (!source.devMode) throw new MasterKeyLocationError(`No master key is configured. ${HOW}`);
  const dev = loadOrCreateMasterKey(source.dataDir, { create: source.createDevKey ?? true });
  return { key: dev.key, origin: 'development file', ...(dev.created ? { createdFile: dev.file } : {}) };
}
