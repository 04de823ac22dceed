import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiError } from '../http/api-error.ts';
import { encodingHeaders, readPrecompressed } from './precompressed.ts';
import { withoutCdnLogo } from './redoc-bundle.ts';

export const API_REFERENCE_PATH = '/docs';
// Redoc 2.x on purpose: 3.x's standalone bundle needs `eval` and Redocly's CDN under this page's CSP (ADR 0025, amended).
const BUNDLE = 'redoc.standalone.js';

export interface RedocBundle {
  file: string;
  /** True for the copy the vault build carries (already without the CDN logo, with .br/.gz beside it). */
  carried: boolean;
}

/**
 * Redoc's standalone bundle: carried next to an installed vault's server.js by the vault build, else resolved from
 * the redoc dev dependency when run from the repository.
 */
export function redocBundle(): RedocBundle | undefined {
  const carried = path.join(import.meta.dirname, 'docs', BUNDLE);
  if (existsSync(carried)) return { file: carried, carried: true };
  try {
    return { file: createRequire(import.meta.url).resolve(`redoc/bundles/${BUNDLE}`), carried: false };
  } catch {
    return undefined;
  }
}

/**
 * The page loads only the vault's own files: Redoc from the vault, the spec from /openapi.json, and no inline script
 * (Redoc starts itself on the <redoc> element). Styles need 'unsafe-inline' (Redoc writes <style> elements at run
 * time); scripts, connections, images and fonts stay 'self'. Search is off: it needs a blob: worker.
 */
export const API_REFERENCE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'; object-src 'none'";

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cardframe vault API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<redoc spec-url="/openapi.json" disable-search hide-download-button="false" expand-responses="200" path-in-middle-panel></redoc>
<script src="${API_REFERENCE_PATH}/${BUNDLE}"></script>
</body>
</html>
`;

/** `GET /docs`: a readable API reference (Redoc) of `GET /openapi.json`, served by the vault itself, no CDN. */
export function apiReferenceRoutes(bundle: RedocBundle | undefined = redocBundle()): FastifyPluginAsyncTypebox {
  let patched: Promise<Buffer> | undefined;
  const uncarried = (file: string) => (patched ??= readFile(file, 'utf8').then((text) => Buffer.from(withoutCdnLogo(text))));
  const missing = () => new ApiError(503, 'SERVICE_UNAVAILABLE', 'The API reference bundle (redoc) is not installed');
  return async (app) => {
    const hidden = { config: { scope: null }, schema: { hide: true } } as const;
    app.get(API_REFERENCE_PATH, hidden, async (_request, reply) => {
      if (!bundle) throw missing();
      return reply
        .headers({
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': API_REFERENCE_CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-cache',
        })
        .send(page);
    });
    app.get(`${API_REFERENCE_PATH}/${BUNDLE}`, hidden, async (request, reply) => {
      if (!bundle) throw missing();
      const chosen = bundle.carried
        ? await readPrecompressed(bundle.file, request.headers['accept-encoding'], (file) => readFile(file))
        : { body: await uncarried(bundle.file), encoding: undefined };
      return reply
        .headers({
          'content-type': 'text/javascript; charset=utf-8',
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=86400',
          ...encodingHeaders(chosen),
        })
        .send(chosen.body);
    });
  };
}
