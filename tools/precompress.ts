import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What the vault serves precompressed, in the order it prefers them (see apps/vault/src/hosting/precompressed.ts). */
export const ENCODINGS = { br: '.br', gzip: '.gz' } as const;

/** Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside one file, once at build instead of per request. */
export function precompressFile(file: string): void {
  const bytes = readFileSync(file);
  writeFileSync(
    `${file}${ENCODINGS.br}`,
    brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  );
  writeFileSync(`${file}${ENCODINGS.gzip}`, gzipSync(bytes, { level: 9 }));
}

/**
 * A build step that precompresses every .js/.css/.json/.svg file under the output directory after it is written.
 * Static, hashed assets are compressed at maximum effort once; the vault only picks a file per Accept-Encoding.
 */
export function precompress(): Plugin {
  return {
    name: 'cardframe-precompress',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const dir = options.dir!;
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && /\.(?:js|mjs|css|json|svg)$/.test(entry.name)) precompressFile(path.join(entry.parentPath, entry.name));
      }
    },
  };
}
