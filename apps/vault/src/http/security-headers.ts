import type { FastifyInstance } from 'fastify';

/** Two years: the value HSTS preload lists ask for. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Transport and caching headers for every response (issue 13, finding 11).
 * - HSTS when the vault's public URL is https, so a browser that met it once never asks in clear.
 * - `Cache-Control: no-store` on every API response that does not set its own: a new API key or
 *   webhook secret (and any card metadata) must not sit in a proxy or browser cache. Static frame
 *   and SDK files keep their own caching.
 * Set on the raw response early, so routes that hijack the reply (forward) get them too.
 */
export function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const https = new URL(publicUrl).protocol === 'https:';
  app.addHook('onRequest', async (request, reply) => {
    if (https) reply.raw.setHeader('strict-transport-security', HSTS);
    if (request.url.startsWith('/api/')) reply.raw.setHeader('cache-control', 'no-store');
  });
}
