import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError } from '../http/api-error.ts';
import { ErrorGeneric } from '../http/schemas.ts';

/** Liveness says the process answers; readiness says its database and ephemeral store answer. */
export function healthRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/healthz', { config: { scope: null }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get(
      '/readyz',
      { config: { scope: null }, schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }), 503: ErrorGeneric } } },
      async () => {
        try {
          await sql`select 1`.execute(deps.db);
          await deps.securityCodeStore.ping();
        } catch {
          throw new ApiError(503, 'SERVICE_UNAVAILABLE', 'A backing store is not reachable');
        }
        return { status: 'ok' as const };
      },
    );
  };
}
