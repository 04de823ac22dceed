import Fastify from 'fastify';
import type { VaultMetrics } from './vault-metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The vault's Prometheus registry and request observer (createApp decorates it). */
    metrics: VaultMetrics;
  }
}

/**
 * The metrics listener: `GET /metrics` and nothing else, on its own port (CARDFRAME_METRICS_PORT, loopback by default),
 * so the public listener never exposes it and Prometheus needs no vault credential. Protection is the network: bind
 * it where only the scraper reaches.
 */
export function createMetricsApp(metrics: VaultMetrics) {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  });
  return app;
}
