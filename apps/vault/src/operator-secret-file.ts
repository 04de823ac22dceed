import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a secret meant for the operator's eyes only (issue 13, finding 12: the generated admin
 * token used to go to stdout, which is also the request-log stream). O_EXCL and mode 0600: never
 * another user's file, never readable by others. Returns the file's path.
 */
export function writeOperatorSecret(dir: string, name: string, value: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${value}\n`);
  } finally {
    closeSync(fd);
  }
  return file;
}
