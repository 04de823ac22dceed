import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { schemeFromSessionName } from '@cardframe/protocol';
import { createSession } from '../domain/sessions.ts';
import { buildTokenRow, deleteToken, findToken, insertToken, listTokens, toTokenView } from '../domain/tokens.ts';
import { validateCard } from '../domain/validate-card.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { errors } from '../http/api-error.ts';
import { idempotent } from '../http/idempotent.ts';
import { atomically } from '../storage/atomically.ts';
import {
  ErrorGeneric,
  ErrorValidation,
  IdempotencyHeaders,
  IdParams,
  Links,
  PageQuery,
  PciToken,
  PciTokenCreateRequest,
  SessionCreated,
} from '../http/schemas.ts';

const security: Record<string, string[]>[] = [{ APIKey: [] }, { AdminToken: [] }];

/** 422 for a metadata key outside 1..20 characters (the length of keys is not expressible in the schema we share). */
export function checkMetadataKeys(metadata: Record<string, string> | undefined) {
  if (!metadata) return;
  const problems = Object.keys(metadata)
    .filter((k) => k.length === 0 || k.length > 20)
    .map((k) => ({ path: `$.metadata`, message: `key "${k.slice(0, 20)}…" must be 1 to 20 characters` }));
  if (problems.length) throw errors.validation(problems);
}

/** `/api/pci/tokens`: create (session or pan), list, get, delete. */
export function pciTokenRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/pci/tokens',
      {
        config: { scope: 'pci:tokens:create' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_create',
          summary: 'Create token',
          headers: IdempotencyHeaders,
          body: PciTokenCreateRequest,
          response: { 200: Type.Union([SessionCreated, PciToken]), 401: ErrorGeneric, 403: ErrorGeneric, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => {
        const body = request.body;
        checkMetadataKeys(body.metadata);
        const expiresIn = body.expires_in ?? body.expiration_time;
        // The session key is looked up before the idempotent transaction: the keyring reads the
        // database on its own connection, which inside the transaction would wait on SQLite.
        const { kid } = body.source.type === 'session' ? await deps.keyring.current() : { kid: '' };
        return idempotent(deps, request, reply, async (scoped) => {
          const source = body.source;
          if (source.type === 'session') {
            const sessionId = await createSession(scoped, {
              kid,
              kind: 'tokenize',
              owner: request.caller!.id,
              tokenExpiresIn: expiresIn,
              metadata: body.metadata,
              allowedSchemes: source.allowed_schemes?.map((name) => schemeFromSessionName(name)!),
            });
            return { status: 200, body: { session_id: sessionId } };
          }
          // As for session completions: an expired card is refused, not tokenized.
          const scheme = validateCard(source, '$.source', { notExpiredAt: new Date(deps.now()) });
          const row = buildTokenRow(deps, {
            card: { ...source, scheme },
            metadata: body.metadata,
            expiresInSeconds: expiresIn,
            owner: request.caller!.id,
            hasSecurityCode: source.security_code !== undefined,
          });
          // All or nothing: the CVC goes last inside the transaction, so a store failure (503) rolls
          // the token back, and a failed commit leaves only a CVC under an id nobody holds (it lapses).
          await atomically(scoped.db, async (trx) => {
            await insertToken(deps.db, row, trx);
            if (source.security_code !== undefined) await deps.securityCodes.put(row.id, source.security_code);
          });
          return { status: 200, body: toTokenView(deps, row) };
        });
      },
    );

    app.get(
      '/api/pci/tokens',
      {
        config: { scope: 'pci:tokens:read' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_list',
          summary: 'Get tokens',
          querystring: PageQuery,
          response: { 200: Type.Object({ data: Type.Array(PciToken), links: Links }), 401: ErrorGeneric, 403: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const { page, hasMore } = await listTokens(deps, limit, request.query.after);
        const last = page.at(-1);
        return {
          data: page.map((row) => toTokenView(deps, row)),
          links: { next: hasMore && last ? `${deps.publicUrl}/api/pci/tokens?after=${last.id}&limit=${limit}` : null },
        };
      },
    );

    app.get(
      '/api/pci/tokens/:id',
      {
        config: { scope: 'pci:tokens:read' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_get',
          summary: 'Get token details',
          params: IdParams,
          response: { 200: PciToken, 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        return toTokenView(deps, row);
      },
    );

    app.delete(
      '/api/pci/tokens/:id',
      {
        config: { scope: 'pci:tokens:delete' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_delete',
          summary: 'Delete token',
          params: IdParams,
          response: { 204: Type.Null(), 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        if (!(await deleteToken(deps, request.params.id))) throw errors.notFound();
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/pci/tokens/:id/security-code',
      {
        config: { scope: 'pci:tokens:read' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_security_code_check',
          summary: 'Check security code',
          params: IdParams,
          response: { 200: Type.Object({ security_code_available: Type.Boolean() }), 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request) => {
        const row = await findToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        return { security_code_available: await deps.securityCodes.available(row.id) };
      },
    );

    app.post(
      '/api/pci/tokens/:id/security-code',
      {
        config: { scope: 'pci:tokens:update' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_security_code_refresh',
          summary: 'Refresh security code',
          description: 'Returns a new session in which the shopper re-enters the security code through the card frame.',
          params: IdParams,
          headers: IdempotencyHeaders,
          response: { 200: SessionCreated, 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric, 409: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request, reply) => {
        const row = await findToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        const { kid } = await deps.keyring.current();
        return idempotent(deps, request, reply, async (scoped) => ({
          status: 200,
          body: { session_id: await createSession(scoped, { kid, kind: 'refresh', owner: request.caller!.id, tokenId: row.id }) },
        }));
      },
    );

    app.delete(
      '/api/pci/tokens/:id/security-code',
      {
        config: { scope: 'pci:tokens:update' },
        schema: {
          tags: ['pci'],
          operationId: 'pci_token_security_code_delete',
          summary: 'Delete security code',
          params: IdParams,
          response: { 204: Type.Null(), 401: ErrorGeneric, 403: ErrorGeneric, 404: ErrorGeneric },
          security,
        },
      },
      async (request, reply) => {
        const row = await findToken(deps, request.params.id);
        if (!row) throw errors.notFound();
        await deps.securityCodes.delete(row.id);
        await deps.db.updateTable('tokens').set({ security_code_expires_at: null }).where('id', '=', row.id).execute();
        return reply.code(204).send(null);
      },
    );
  };
}
