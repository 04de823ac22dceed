import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export interface MasterKeyResult {
  key: Buffer;
  /** True when this process generated it (the caller announces it once). */
  created: boolean;
  file: string;
}

/** Thrown instead of generating a key when the database already holds data under one. */
export class MasterKeyMissingError extends Error {
  override name = 'MasterKeyMissingError';
}

/**
 * Reads `<dataDir>/master.key`, or creates it with O_EXCL and mode 0600 so that two processes
 * starting together cannot each write a different key: the loser reads the winner's. With
 * `create: false` (the database already holds encrypted data) a missing file is an error: a new
 * key over existing data would make every card unreadable and block the right key later.
 */
export function loadOrCreateMasterKey(dataDir: string, options: { create?: boolean } = {}): MasterKeyResult {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'master.key');
  if (options.create === false && !existsSync(file)) {
    throw new MasterKeyMissingError(
      `${file} is missing, but the database holds data encrypted under a master key: restore master.key from your backup (no new key is generated over existing data)`,
    );
  }
  try {
    const fd = openSync(file, 'wx', 0o600);
    const key = randomBytes(32);
    try {
      writeSync(fd, `${key.toString('base64')}\n`);
    } finally {
      closeSync(fd);
    }
    return { key, created: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (let attempt = 0; ; attempt++) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return { key, created: false, file };
    // The creator may be between open and write.
    if (attempt > 50) throw new Error(`${file} does not hold a 32-byte base64 key`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
