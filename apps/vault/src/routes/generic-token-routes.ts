import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { createGenericToken, deleteGenericToken, findGenericToken, listGenericTokens, toGenericTokenView } from '../generic/generic-tokens.ts';
import { GenericToken, GenericTokenCreateRequest, GenericTokenListQuery } from '../generic/generic-schemas.ts';
import type { TypeRegistry } from '../generic/type-registry.ts';
import { errors } from '../http/api-error.ts';
import { idempotent } from '../http/idempotent.ts';
import { ErrorGeneric, ErrorValidation, IdempotencyHeaders, IdParams, Links } from '../http/schemas.ts';
import { checkMetadataKeys } from './pci-token-routes.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];
const base = { 401: ErrorGeneric, 403: ErrorGeneric };

function checkPayloadKeys(payload: Record<string, string>) {
  // The key itself is not echoed: payload keys may be as telling as the values.
  const bad = Object.keys(payload).filter((k) => k.length === 0 || k.length > 20).length;
  if (bad) throw errors.validation([{ path: '$.payload', message: `${bad} key(s) are not 1 to 20 characters long` }]);
}

/** `/api/generic/tokens`: arbitrary non-card secrets, encrypted at rest; reads never return the payload. */
export function genericTokenRoutes(deps: VaultDeps, types: TypeRegistry): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/generic/tokens',
      {
        config: { scope: 'generic:tokens:create' },
        schema: {
          tags: ['generic'],
          operationId: 'generic_token_create',
          summary: 'Create token',
          headers: IdempotencyHeaders,
          body: GenericTokenCreateRequest,
          response: { 200: GenericToken, ...base, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => {
        const body = request.body;
        checkPayloadKeys(body.payload);
        checkMetadataKeys(body.metadata);
        if (body.type_id !== undefined) {
          const type = await types.find(body.type_id);
          if (!type) throw errors.validation([{ path: '$.type_id', message: 'does not name an existing type' }]);
          types.validate(type, body.payload);
        }
        return idempotent(deps, request, reply, async (scoped) => {
          const row = await createGenericToken(scoped, {
            payload: body.payload,
            typeId: body.type_id,
            metadata: body.metadata,
            expiresInSeconds: body.expiration_time,
            owner: request.caller!.id,
          });
          return { status: 200, body: toGenericTokenView(row) };
        });
      },
    );

    app.get(
      '/api/generic/tokens',
      {
        config: { scope: 'generic:tokens:read' },
        schema: {
          tags: ['generic'],
          operationId: 'generic_token_list',
          summary: 'Get tokens',
          querystring: GenericTokenListQuery,
          response: { 200: Type.Object({ data: Type.Array(GenericToken), links: Links }), ...base, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const { limit = 20, after, type_id, schema_id } = request.query;
        if (type_id && schema_id && type_id !== schema_id) {
          throw errors.validation([{ path: '$.schema_id', message: 'must equal type_id when both are given' }]);
        }
        const typeId = type_id ?? schema_id;
        const { page, hasMore } = await listGenericTokens(deps, limit, after, typeId);
        const last = page.at(-1);
        const filter = typeId ? `type_id=${typeId}&` : '';
        return {
          data: page.map(toGenericTokenView),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/generic/tokens?${filter}after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/generic/tokens/:id',
      {
        config: { scope: 'generic:tokens:read' },
        schema: {
          tags: ['generic'],
          operationId: 'generic_token_get',
          summary: 'Get token details',
          params: IdParams,
          response: { 200: GenericToken, ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findGenericToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        return toGenericTokenView(row);
      },
    );

    app.delete(
      '/api/generic/tokens/:id',
      {
        config: { scope: 'generic:tokens:delete' },
        schema: {
          tags: ['generic'],
          operationId: 'generic_token_delete',
          summary: 'Delete token',
          params: IdParams,
          response: { 204: Type.Null(), ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (!(await deleteGenericToken(deps, request.params.id))) throw errors.notFound();
        return reply.code(204).send(null);
      },
    );
  };
}
