import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ReadinessCheck } from '../health/readiness.ts';
import { ApiError } from '../http/api-error.ts';
import { dependencyUnavailable, DEPENDENCY_RETRY_AFTER_SECONDS } from '../http/dependency-errors.ts';
import { ErrorGeneric } from '../http/schemas.ts';

export interface HealthOptions {
  ready: ReadinessCheck;
  /** True once SIGTERM arrived: a draining process is alive but takes no new traffic. */
  draining: () => boolean;
}

/**
 * Liveness says the process answers (restart it if not); readiness says its database, disk and
 * ephemeral store answer within a second (send it traffic only if so). A dependency outage makes
 * /readyz 503 and leaves /healthz 200: restarting the vault would not bring Postgres back.
 */
export function healthRoutes(options: HealthOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/healthz', { config: { scope: null }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get(
      '/readyz',
      { config: { scope: null }, schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorGeneric } } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        if (options.draining()) {
          throw new ApiError(503, 'SERVICE_UNAVAILABLE', 'The vault is shutting down', undefined, {
            'retry-after': String(DEPENDENCY_RETRY_AFTER_SECONDS),
          });
        }
        const down = await options.ready();
        if (down) throw dependencyUnavailable(down);
        return { status: 'ok' as const };
      },
    );
  };
}
