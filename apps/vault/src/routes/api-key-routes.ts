import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createApiKey, deleteApiKey, findApiKey, listApiKeys, toApiKeyView, updateApiKeyScopes } from '../domain/api-keys.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { grantRefusal } from '../domain/scope-grants.ts';
import { errors } from '../http/api-error.ts';
import { idempotent } from '../http/idempotent.ts';
import {
  ApiKey,
  ApiKeyCreated,
  ApiKeyCreateRequest,
  ApiKeyUpdateRequest,
  ErrorGeneric,
  ErrorValidation,
  IdempotencyHeaders,
  IdParams,
  Links,
  PageQuery,
} from '../http/schemas.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];
const base = { 401: ErrorGeneric, 403: ErrorGeneric };

/** `/api/admin/api-keys`: the plaintext key appears in the create response and nowhere else. */
export function apiKeyRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/admin/api-keys',
      {
        config: { scope: 'admin:api-keys:create' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_api_key_create',
          summary: 'Create API key',
          headers: IdempotencyHeaders,
          body: ApiKeyCreateRequest,
          response: { 200: ApiKeyCreated, ...base, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => {
        const refusal = grantRefusal(request.caller!, request.body.scopes);
        if (refusal) throw errors.forbiddenGrant(refusal);
        return idempotent(deps, request, reply, async (scoped) => ({
          status: 200,
          body: await createApiKey(scoped, request.body.scopes, request.body.expires_in ?? request.body.expiration_time),
        }));
      },
    );

    app.get(
      '/api/admin/api-keys',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_api_key_list',
          summary: 'Get API keys',
          querystring: PageQuery,
          response: { 200: Type.Object({ data: Type.Array(ApiKey), links: Links }), ...base, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const { page, hasMore } = await listApiKeys(deps, limit, request.query.after);
        const last = page.at(-1);
        return {
          data: page.map(toApiKeyView),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/admin/api-keys?after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/admin/api-keys/:id',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_api_key_get',
          summary: 'Get API key details',
          params: IdParams,
          response: { 200: ApiKey, ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findApiKey(deps, request.params.id);
        if (!row) throw errors.notFound();
        return toApiKeyView(row);
      },
    );

    app.patch(
      '/api/admin/api-keys/:id',
      {
        config: { scope: 'admin:api-keys:update' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_api_key_update',
          summary: 'Update API key scopes',
          params: IdParams,
          body: ApiKeyUpdateRequest,
          response: { 200: ApiKey, ...base, 404: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const refusal = grantRefusal(request.caller!, request.body.scopes, request.params.id);
        if (refusal) throw errors.forbiddenGrant(refusal);
        const row = await updateApiKeyScopes(deps, request.params.id, request.body.scopes);
        if (!row) throw errors.notFound();
        return toApiKeyView(row);
      },
    );

    app.delete(
      '/api/admin/api-keys/:id',
      {
        config: { scope: 'admin:api-keys:delete' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_api_key_delete',
          summary: 'Delete API key',
          params: IdParams,
          response: { 204: Type.Null(), ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (!(await deleteApiKey(deps, request.params.id))) throw errors.notFound();
        return reply.code(204).send(null);
      },
    );
  };
}
