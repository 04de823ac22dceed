import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { TypeCreateRequest, TypeObject } from '../generic/generic-schemas.ts';
import { toTypeView, type TypeRegistry } from '../generic/type-registry.ts';
import { errors } from '../http/api-error.ts';
import { ErrorGeneric, ErrorValidation, IdParams, Links, PageQuery } from '../http/schemas.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];
const base = { 401: ErrorGeneric, 403: ErrorGeneric };

/**
 * `/api/admin/types`: JSON Schemas for generic token payloads. Read needs `admin:types:read` (the
 * newest scope list; one seed misspells it `admin:types:ready`, which is not a scope here).
 */
export function typeRoutes(deps: VaultDeps, types: TypeRegistry): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/admin/types',
      {
        config: { scope: 'admin:types:create' },
        schema: {
          tags: ['types'],
          operationId: 'admin_type_create',
          summary: 'Create type',
          body: TypeCreateRequest,
          response: { 200: TypeObject, ...base, 422: ErrorValidation },
          security,
        },
      },
      async (request) => types.create(request.body.name, request.body.schema),
    );

    app.get(
      '/api/admin/types',
      {
        config: { scope: 'admin:types:read' },
        schema: {
          tags: ['types'],
          operationId: 'admin_type_list',
          summary: 'Get types',
          querystring: PageQuery,
          response: { 200: Type.Object({ data: Type.Array(TypeObject), links: Links }), ...base, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const { page, hasMore } = await types.list(limit, request.query.after);
        const last = page.at(-1);
        return {
          data: page.map(toTypeView),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/admin/types?after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/admin/types/:id',
      {
        config: { scope: 'admin:types:read' },
        schema: {
          tags: ['types'],
          operationId: 'admin_type_get',
          summary: 'Get type details',
          params: IdParams,
          response: { 200: TypeObject, ...base, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await types.find(request.params.id);
        if (!row) throw errors.notFound();
        return toTypeView(row);
      },
    );

    app.delete(
      '/api/admin/types/:id',
      {
        config: { scope: 'admin:types:delete' },
        schema: {
          tags: ['types'],
          operationId: 'admin_type_delete',
          summary: 'Delete type',
          description: 'Answers 409 while a live generic token still uses the type; delete or let those tokens expire first.',
          params: IdParams,
          response: { 204: Type.Null(), ...base, 404: ErrorGeneric, 409: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (!(await types.delete(request.params.id))) throw errors.notFound();
        return reply.code(204).send(null);
      },
    );
  };
}
