import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resumeRotations, ROTATION_KINDS, RotationRunningError, runRotation, securityCodesGoneAt, startRotation } from '../crypto/rotate-data-keys.ts';
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
  /** security_code: from then on no entry under the old version can be in the store (settle time + CVC TTL). */
  old_entries_expire_at: Type.Optional(Type.String({ format: 'date-time' })),
});

const view = (deps: VaultDeps, row: KeyRotationsTable) => ({
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
  ...(row.kind === 'security_code' ? { old_entries_expire_at: new Date(securityCodesGoneAt(deps, row)).toISOString() } : {}),
});

/**
 * `/api/admin/key-rotations` (admin token only): start a data-key rotation, which then runs in the
 * background, and follow its progress (issue 13 §2). `field` rotates the field-encryption and
 * fingerprint keys, `generic_payload` the generic tokens' key, `security_code` the CVC key.
 * Master rotations are done by a restart with CARDFRAME_PREVIOUS_MASTER_KEY and are listed here
 * too (kind `master`: `done` of `total` data keys re-wrapped; `running` until the known-answer
 * record is under the new key).
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
          summary: 'Rotate a data key: field (with the fingerprint key), generic_payload or security_code (admin token only)',
          body: Type.Object({ kind: Type.Union(ROTATION_KINDS.map((k) => Type.Literal(k))) }, { additionalProperties: false }),
          response: { 202: Rotation, 401: ErrorGeneric, 403: ErrorGeneric, 409: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (request.caller?.id !== 'admin') throw errors.forbidden();
        let row: KeyRotationsTable;
        try {
          row = await startRotation(deps, request.body.kind, request.caller.id, request.ip);
        } catch (error) {
          if (error instanceof RotationRunningError) throw new ApiError(409, 'CONFLICT', `Key rotation ${error.rotationId} is still running`);
          throw error;
        }
        // In the background; a crash leaves it to resumeRotations in any process.
        void runRotation(deps, row.id).catch((error: Error) =>
          request.log.error({ err: { type: error.name } }, 'key rotation stopped; it resumes at the next sweep'),
        );
        return reply.code(202).send(view(deps, row));
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
        return { data: rows.map((row) => view(deps, row)) };
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
        return view(deps, row);
      },
    );
  };
}

export { resumeRotations };
