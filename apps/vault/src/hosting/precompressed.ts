import { readFile } from 'node:fs/promises';
import { negotiate } from '@fastify/accept-negotiator';

/** The encodings the frame and SDK builds write beside each file (tools/precompress.ts), best first. */
const EXTENSIONS = { br: '.br', gzip: '.gz' } as const;
type Encoding = keyof typeof EXTENSIONS;
const SUPPORTED = Object.keys(EXTENSIONS) as Encoding[];

export interface Chosen {
  body: Buffer;
  /** Unset: the identity bytes (the client accepts neither encoding, or the build wrote no compressed copy). */
  encoding: Encoding | undefined;
}

/**
 * Picks the precompressed copy of `file` the client's Accept-Encoding prefers (brotli, then gzip), falling back to
 * the file itself. Reads only: compression happened once at build, at maximum effort. The caller still reads the
 * identity file when no copy exists, so a hand-made build without copies keeps working, uncompressed.
 */
export async function readPrecompressed(file: string, acceptEncoding: string | undefined, readIdentity: (file: string) => Promise<Buffer>): Promise<Chosen> {
  const encoding = acceptEncoding ? negotiate(acceptEncoding, SUPPORTED) : null;
  if (encoding) {
    try {
      return { body: await readFile(`${file}${EXTENSIONS[encoding]}`), encoding };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { body: await readIdentity(file), encoding: undefined };
}

/** Headers every negotiated response carries: caches must key on Accept-Encoding. */
export function encodingHeaders(chosen: Chosen): Record<string, string> {
  return chosen.encoding ? { 'content-encoding': chosen.encoding, vary: 'accept-encoding' } : { vary: 'accept-encoding' };
}
