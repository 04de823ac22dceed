import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FRAME_PATH, ORIGIN_CHECK_PATH, ORIGIN_NOT_ALLOWED_STATUS, SDK_PATH } from '@cardframe/protocol';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { frameHeaders, injectAllowedOrigins } from './frame-headers.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

/** Reads a built file; a missing build (its entry file absent) is a 503, a missing file in a present build a 404. */
async function readBuilt(file: string, entry: string, build: 'frame' | 'sdk'): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const exists = await readFile(entry).then(
      () => true,
      () => false,
    );
    if (exists) throw errors.notFound();
    throw new ApiError(503, 'SERVICE_UNAVAILABLE', `The ${build} build is missing: run npm run build -w @cardframe/${build}`);
  }
}

/** Serves the card frame and the SDK that other workspaces build, with the headers they need. */
export function hostingRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  const assetsDir = path.join(deps.frameDir, 'assets');
  const frameEntry = path.join(deps.frameDir, 'card.html');
  const sdkEntry = path.join(deps.sdkDir, 'cardframe.js');
  return async (app) => {
    const hidden = { config: { scope: null }, schema: { hide: true } } as const;

    app.get(FRAME_PATH, hidden, async (_request, reply) => {
      const html = (await readBuilt(frameEntry, frameEntry, 'frame')).toString('utf8');
      return reply.headers(frameHeaders(deps.allowedOrigins)).send(injectAllowedOrigins(html, deps.allowedOrigins));
    });

    // The SDK's question when its frame stays silent: is the asking page's origin allowed? A
    // frame-ancestors refusal blocks the frame document, so only the vault can say so. One bit
    // about the browser-set Origin header, never the list (a page cannot set Origin; a non-browser
    // client that forges one learns nothing the served CSP header does not already say).
    app.get(ORIGIN_CHECK_PATH, hidden, async (request, reply) => {
      const origin = request.headers.origin;
      reply.headers({ 'access-control-allow-origin': '*', 'cache-control': 'no-store', vary: 'origin', 'x-content-type-options': 'nosniff' });
      if (typeof origin === 'string' && deps.allowedOrigins.includes(origin)) return reply.code(204).send();
      return reply.code(ORIGIN_NOT_ALLOWED_STATUS).send({
        code: ORIGIN_NOT_ALLOWED_STATUS,
        classifier: 'ORIGIN_NOT_ALLOWED',
        message: 'This origin is not in CARDFRAME_ALLOWED_ORIGINS',
      });
    });

    app.get<{ Params: { '*': string } }>('/frame/v1/assets/*', hidden, async (request, reply) => {
      const name = request.params['*'];
      // Flat, hashed file names only: nothing that could climb out of the assets directory.
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) throw errors.notFound();
      const body = await readBuilt(path.join(assetsDir, name), frameEntry, 'frame');
      return reply
        .headers({
          'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'cross-origin',
        })
        .send(body);
    });

    for (const [route, file] of [
      [SDK_PATH, 'cardframe.js'],
      ['/sdk/v1/sri.json', 'sri.json'],
    ] as const) {
      app.get(route, hidden, async (_request, reply) => {
        const body = await readBuilt(path.join(deps.sdkDir, file), sdkEntry, 'sdk');
        return reply
          .headers({
            'content-type': CONTENT_TYPES[path.extname(file)]!,
            'access-control-allow-origin': '*',
            'cross-origin-resource-policy': 'cross-origin',
            'x-content-type-options': 'nosniff',
            'cache-control': 'public, max-age=300',
          })
          .send(body);
      });
    }
  };
}
