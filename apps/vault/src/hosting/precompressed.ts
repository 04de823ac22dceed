import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** The last documents compressed, per encoding: the frame document differs only when the build or the config does. */
const compressedDocuments = new Map<string, Buffer>();

/**
 * Compresses a document built per response (card.html with the allowlist written in) for the client's Accept-Encoding.
 * The bytes are the same for every request of a running vault, so each encoding is compressed once and kept.
 * Brotli at quality 11 is about a millisecond for the frame's one kilobyte.
 */
export function compressDocument(text: string, acceptEncoding: string | undefined): Chosen {
  const encoding = acceptEncoding ? negotiate(acceptEncoding, SUPPORTED) : null;
  if (!encoding) return { body: Buffer.from(text, 'utf8'), encoding: undefined };
  const key = `${encoding}\n${text}`;
  let body = compressedDocuments.get(key);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
        : gzipSync(text, { level: 9 });
    if (compressedDocuments.size >= 8) compressedDocuments.clear(); // a rebuilt frame, a test's many configs: never grows
    compressedDocuments.set(key, body);
  }
  return { body, encoding };
}
