import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { integrityOf } from '../../sdk/build/sdk-releases.ts';
import { precompressFile } from '../../../tools/precompress.ts';

export const SCRIPT = 'hellgate.js';

/**
 * As the SDK's script (ADR 0027): `dist/hellgate.js` is the moving `/hellgate/v1/hellgate.js`, `dist/<version>/hellgate.js`
 * the immutable `/hellgate/<version>/hellgate.js`, brotli and gzip beside each, and `dist/sri.json` with the integrity a
 * merchant pins, computed from the bytes as written. No release is frozen yet: the first published version starts that.
 */
export function assembleHellgateDist(distDir: string, version: string): void {
  const bytes = readFileSync(path.join(distDir, SCRIPT));
  const entry = (urlPath: string) => ({
    path: urlPath,
    integrity: integrityOf(bytes),
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
  });
  const pinned = path.join(distDir, version, SCRIPT);
  mkdirSync(path.dirname(pinned), { recursive: true });
  writeFileSync(pinned, bytes);
  precompressFile(pinned);
  precompressFile(path.join(distDir, SCRIPT));
  const manifest = {
    [SCRIPT]: { ...entry(`/hellgate/v1/${SCRIPT}`), version },
    versions: { [version]: entry(`/hellgate/${version}/${SCRIPT}`) },
  };
  writeFileSync(path.join(distDir, 'sri.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  precompressFile(path.join(distDir, 'sri.json'));
}
