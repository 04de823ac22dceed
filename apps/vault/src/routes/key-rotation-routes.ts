import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resumeRotations, runFieldRotation, startFieldRotation } from '../crypto/rotate-field-keys.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError, errors } from '../http/api-error.ts';
import { ErrorGeneric, IdParams } from '../http/schemas.ts';
import type { KeyRotationsTable } from '../storage/database.ts';

const security: Record<string, string[]>[] = [{ AdminToken: [] }];

const Rotation = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  from_version: Type.Union([Type.Integer(), Type.Null()]),
  to_version: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  total: Type.Integer(),
  started_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const view = (row: KeyRotationsTable) => ({
  id: row.id,
  kind: row.kind,
  state: row.state,
  from_version: row.from_version === null ? null : Number(row.from_version),
  to_version: row.to_version === null ? null : Number(row.to_version),
  done: Number(row.done),
  total: Number(row.total),
  started_at: new Date(Number(row.started_at)).toISOString(),
  updated_at: new Date(Number(row.updated_at)).toISOString(),
  finished_at: row.finished_at === null ? null : new Date(Number(row.finished_at)).toISOString(),
});

/**
 * `/api/admin/key-rotations` (admin token only): start a field/fingerprint key rotation, which then
 * runs in the background, and follow its progress (issue 13 §2). Master rotations are done by a
 * restart with CARDFRAME_PREVIOUS_MASTER_KEY and are listed here too.
 */
export function keyRotationRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/admin/key-rotations',
      {
        config: { scope: 'admin:api-keys:update' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_key_rotation_start',
          summary: 'Rotate the field-encryption and fingerprint keys (admin token only)',
          body: Type.Object({ kind: Type.Literal('field') }, { additionalProperties: false }),
          response: { 202: Rotation, 401: ErrorGeneric, 403: ErrorGeneric, 409: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (request.caller?.id !== 'admin') throw errors.forbidden();
        let row: KeyRotationsTable;
        try {
          row = await startFieldRotation(deps, request.caller.id, request.ip);
        } catch (error) {
          const running = (error as { rotationId?: string }).rotationId;
          if (running) throw new ApiError(409, 'CONFLICT', `Key rotation ${running} is still running`);
          throw error;
        }
        // In the background; a crash leaves it to resumeRotations in any process.
        void runFieldRotation(deps, row.id).catch((error: Error) => request.log.error({ err: { type: error.name } }, 'key rotation stopped; it resumes at the next sweep'));
        return reply.code(202).send(view(row));
      },
    );

    app.get(
      '/api/admin/key-rotations',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_key_rotation_list',
          summary: 'Key rotations, newest first (admin token only)',
          response: { 200: Type.Object({ data: Type.Array(Rotation) }), 401: ErrorGeneric, 403: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        if (request.caller?.id !== 'admin') throw errors.forbidden();
        const rows = await deps.db.selectFrom('key_rotations').selectAll().orderBy('started_at', 'desc').limit(100).execute();
        return { data: rows.map(view) };
      },
    );

    app.get(
      '/api/admin/key-rotations/:id',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_key_rotation_get',
          summary: 'One key rotation and its progress (admin token only)',
          params: IdParams,
          response: { 200: Rotation, 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        if (request.caller?.id !== 'admin') throw errors.forbidden();
        const row = await deps.db.selectFrom('key_rotations').selectAll().where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw errors.notFound();
        return view(row);
      },
    );
  };
}

export { resumeRotations };
