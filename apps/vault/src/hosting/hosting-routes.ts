import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FONTS_PATH, FRAME_PATH, ORIGIN_CHECK_PATH, ORIGIN_NOT_ALLOWED_STATUS } from '@cardframe/protocol';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { frameHeaders, injectAllowedOrigins, inlineScriptHashes } from './frame-headers.ts';
import { compressDocument, encodingHeaders, readPrecompressed, type Chosen } from './precompressed.ts';

const SDK_SCRIPT = 'cardframe.js';
const HELLGATE_SCRIPT = 'hellgate.js';
/** The shape parseFontSources accepts for a vault font: one flat woff2 file name. */
const FONT_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.woff2$/;
/** `x.y.z` or `x.y.z-pre`: the shape of the SDK's version folders; `v1` is the moving path, routed above. */
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;

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

type Build = 'frame' | 'sdk' | 'hellgate';

/** Reads a built file; a missing build (its entry file absent) is a 503, a missing file in a present build a 404. */
async function readBuilt(file: string, entry: string, build: Build): Promise<Buffer> {
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
  return async (app) => {
    const hidden = { config: { scope: null }, schema: { hide: true } } as const;

    app.get(FRAME_PATH, hidden, async (request, reply) => {
      const html = (await readBuilt(frameEntry, frameEntry, 'frame')).toString('utf8');
      const chosen = compressDocument(injectAllowedOrigins(html, deps.allowedOrigins), request.headers['accept-encoding']);
      return reply.headers({ ...frameHeaders(deps.allowedOrigins, deps.fontOrigins, inlineScriptHashes(html)), ...encodingHeaders(chosen) }).send(chosen.body);
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
      const chosen = await readPrecompressed(path.join(assetsDir, name), request.headers['accept-encoding'], (file) => readBuilt(file, frameEntry, 'frame'));
      return reply
        .headers({
          'content-type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
          // Hashed names: a new build is a new URL, so a browser never asks again.
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'cross-origin',
          ...encodingHeaders(chosen),
        })
        .send(chosen.body);
    });

    // The operator's brand fonts (CARDFRAME_FONT_DIR), same origin as the frame: `font-src 'self'` covers them
    // and the CSP names no other host. woff2 only, by the name the operator gave; a changed font needs a new
    // name (the cache is a year, immutable), which the README says.
    app.get<{ Params: { name: string } }>(`${FONTS_PATH}:name`, hidden, async (request, reply) => {
      const { name } = request.params;
      if (!deps.fontDir || !FONT_FILE.test(name)) throw errors.notFound();
      const body = await readFile(path.join(deps.fontDir, name)).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' || error.code === 'EISDIR' ? errors.notFound() : error;
      });
      return reply
        .headers({
          'content-type': 'font/woff2',
          'cache-control': 'public, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          // Only the frame (this origin) draws them: no other site may embed the operator's font files.
          'cross-origin-resource-policy': 'same-origin',
        })
        .send(body);
    });

    scriptRoutes(app, { prefix: '/sdk', script: SDK_SCRIPT, dir: deps.sdkDir, build: 'sdk' });
    // The Hellgate-shaped script (packages/hellgate, ADR 0033): the same paths, headers and pinning, under /hellgate/.
    scriptRoutes(app, { prefix: '/hellgate', script: HELLGATE_SCRIPT, dir: deps.hellgateDir, build: 'hellgate' });
  };
}

interface ScriptSource {
  /** `/sdk` or `/hellgate`: the moving script is `<prefix>/v1/<script>`, a pinned one `<prefix>/<version>/<script>`. */
  prefix: string;
  script: string;
  /** The package's dist: the script, `<version>/<script>`, sri.json, each with .br/.gz beside it. */
  dir: string;
  build: Build;
}

/** A script-tag build with its SRI manifest and immutable versioned copies (ADR 0027), readable by any origin. */
function scriptRoutes(app: Parameters<FastifyPluginAsyncTypebox>[0], { prefix, script, dir, build }: ScriptSource): void {
  const hidden = { config: { scope: null }, schema: { hide: true } } as const;
  const entry = path.join(dir, script);
  const headers = (file: string, cacheControl: string, chosen: Chosen) => ({
    'content-type': CONTENT_TYPES[path.extname(file)]!,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
    'cache-control': cacheControl,
    ...encodingHeaders(chosen),
  });

  // The moving script and the manifest of every version: short-cached, so an upgrade reaches merchants in minutes.
  for (const file of [script, 'sri.json']) {
    app.get(`${prefix}/v1/${file}`, hidden, async (request, reply) => {
      const chosen = await readPrecompressed(path.join(dir, file), request.headers['accept-encoding'], (f) => readBuilt(f, entry, build));
      return reply.headers(headers(file, 'public, max-age=300', chosen)).send(chosen.body);
    });
  }

  // A pinned version: the bytes never change (a frozen release, ADR 0027), so a year and immutable.
  app.get<{ Params: { version: string } }>(`${prefix}/:version/${script}`, hidden, async (request, reply) => {
    const { version } = request.params;
    if (!VERSION_PATTERN.test(version)) throw errors.notFound();
    const chosen = await readPrecompressed(path.join(dir, version, script), request.headers['accept-encoding'], (f) => readBuilt(f, entry, build));
    return reply.headers(headers(script, 'public, max-age=31536000, immutable', chosen)).send(chosen.body);
  });
}
