import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompleteActionRequest, CompleteActionResponse, SessionState } from '@cardframe/protocol/session-api';
import { completeSession, getSessionState } from '../domain/sessions.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ErrorGeneric, ErrorValidation, IdParams } from '../http/schemas.ts';

/**
 * The frame ↔ vault protocol. No API key: the unguessable session id is the credential, and
 * CORS is not opened because only the frame (same origin as the vault) calls these routes.
 */
export function sessionRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/sessions/:id',
      {
        config: { scope: null },
        schema: {
          tags: ['sessions'],
          operationId: 'session_get',
          summary: 'Get session state',
          params: IdParams,
          response: { 200: SessionState, 404: ErrorGeneric },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return getSessionState(deps, request.params.id);
      },
    );

    app.post(
      '/api/sessions/:id/complete-action',
      {
        config: { scope: null },
        schema: {
          tags: ['sessions'],
          operationId: 'session_complete_action',
          summary: 'Complete the session action with an encrypted payload',
          params: IdParams,
          body: CompleteActionRequest,
          response: { 200: CompleteActionResponse, 404: ErrorGeneric, 409: ErrorGeneric, 422: ErrorValidation },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const tokenId = await completeSession(deps, request.params.id, request.body, request.ip);
        return { status: 'success' as const, data: { token_id: tokenId } };
      },
    );
  };
}
