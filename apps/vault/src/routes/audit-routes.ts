import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { verifyChain } from '../audit/audit-chain.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { errors } from '../http/api-error.ts';
import { ErrorGeneric, ErrorValidation, Links } from '../http/schemas.ts';
import type { AuditEventsTable } from '../storage/database.ts';

const security: Record<string, string[]>[] = [{ AdminToken: [] }];

const AuditFilters = {
  action: Type.Optional(Type.String({ maxLength: 100, description: 'Exact action, e.g. pci_token.read' })),
  actor: Type.Optional(Type.String({ maxLength: 100, description: 'API key id, admin, session or anonymous' })),
  resource: Type.Optional(Type.String({ maxLength: 100 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
  client: Type.Optional(Type.String({ maxLength: 100 })),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time' })),
};
const AuditQuery = Type.Object(
  {
    ...AuditFilters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    after: Type.Optional(Type.Integer({ minimum: 0, description: 'Return events after this sequence number' })),
  },
  { additionalProperties: false },
);
type AuditQuery = Static<typeof AuditQuery>;

const AuditEvent = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  client: Type.String(),
  action: Type.String(),
  resource: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  prev_hash: Type.String(),
  hash: Type.String(),
});

const toView = (row: AuditEventsTable) => ({
  seq: Number(row.seq),
  id: row.id,
  at: new Date(Number(row.at)).toISOString(),
  actor: row.actor,
  client: row.client,
  action: row.action,
  resource: row.resource,
  outcome: row.outcome,
  detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  prev_hash: row.prev_hash,
  hash: row.hash,
});

/** The audit trail is for the operator (the admin token) only: no API-key scope reaches it. */
function requireAdmin(request: FastifyRequest): void {
  if (request.caller?.id !== 'admin') throw errors.forbidden();
}

function filtered(deps: VaultDeps, q: AuditQuery, after: number, limit: number) {
  let query = deps.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.resource) query = query.where('resource', '=', q.resource);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.client) query = query.where('client', '=', q.client);
  if (q.since) query = query.where('at', '>=', Date.parse(q.since));
  if (q.until) query = query.where('at', '<', Date.parse(q.until));
  return query.execute();
}

/**
 * `/api/admin/audit-events`: read the trail in pages (filters by action, actor, resource, outcome,
 * client and time), export it as JSON lines, and verify the hash chain (PCI DSS 10.3).
 */
export function auditRoutes(deps: VaultDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/admin/audit-events',
      {
        // The scope only gets an API key as far as requireAdmin's 403.
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_audit_event_list',
          summary: 'List audit events (admin token only)',
          querystring: AuditQuery,
          response: { 200: Type.Object({ data: Type.Array(AuditEvent), links: Links }), 401: ErrorGeneric, 403: ErrorGeneric, 422: ErrorValidation },
          security,
        },
      },
      async (request) => {
        requireAdmin(request);
        const limit = request.query.limit ?? 50;
        const rows = await filtered(deps, request.query, request.query.after ?? 0, limit + 1);
        const page = rows.slice(0, limit);
        const next = new URLSearchParams();
        for (const [key, value] of Object.entries(request.query)) if (value !== undefined && key !== 'after') next.set(key, String(value));
        next.set('after', String(Number(page.at(-1)?.seq ?? 0)));
        return {
          data: page.map(toView),
          links: { next: rows.length > limit ? `${deps.publicUrl}/api/admin/audit-events?${next}` : null },
        };
      },
    );

    app.get(
      '/api/admin/audit-events/export',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_audit_event_export',
          summary: 'Export audit events as JSON lines (admin token only)',
          querystring: Type.Object(AuditFilters, { additionalProperties: false }),
          security,
        },
      },
      async (request, reply) => {
        requireAdmin(request);
        reply.header('content-type', 'application/x-ndjson; charset=utf-8');
        reply.header('content-disposition', 'attachment; filename="cardframe-audit.jsonl"');
        const lines: string[] = [];
        for (let after = 0; ; ) {
          const page = await filtered(deps, request.query, after, 1000);
          for (const row of page) lines.push(JSON.stringify(toView(row)));
          if (page.length < 1000) break;
          after = Number(page.at(-1)!.seq);
        }
        return lines.length ? `${lines.join('\n')}\n` : '';
      },
    );

    app.get(
      '/api/admin/audit-events/verify',
      {
        config: { scope: 'admin:api-keys:read' },
        schema: {
          tags: ['apikey'],
          operationId: 'admin_audit_event_verify',
          summary: 'Walk the audit hash chain and name the first broken link (admin token only)',
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              checked: Type.Integer(),
              head: Type.String(),
              first_broken: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
            }),
            401: ErrorGeneric,
            403: ErrorGeneric,
          },
          security,
        },
      },
      async (request) => {
        requireAdmin(request);
        const verdict = await verifyChain(deps.db);
        return { ok: verdict.ok, checked: verdict.checked, head: verdict.head, ...(verdict.firstBroken ? { first_broken: verdict.firstBroken } : {}) };
      },
    );
  };
}
