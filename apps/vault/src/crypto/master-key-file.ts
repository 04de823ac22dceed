import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

export interface MasterKeyResult {
  key: Buffer;
  /** True when this process generated it (the caller announces it once). */
  created: boolean;
  file: string;
}

/**
 * Reads `<dataDir>/master.key`, or creates it with O_EXCL and mode 0600 so that two processes
 * starting together cannot each write a different key: the loser reads the winner's.
 */
export function loadOrCreateMasterKey(dataDir: string): MasterKeyResult {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'master.key');
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
