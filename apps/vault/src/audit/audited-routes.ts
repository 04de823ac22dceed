import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { recordAudit } from './audit-log.ts';

/**
 * Which requests are audit events (issue 13 §3; PCI DSS 10.2.1): every access to card data and
 * every administrative act. Keyed by method and route pattern; one hook records them all, so a
 * route cannot forget to. Failed authentications are recorded where they happen (authenticate.ts);
 * the forward routes (PCI and network) record their own success because they hijack the reply.
 */
const AUDITED: Record<string, string> = {
  'POST /api/pci/tokens': 'pci_token.create',
  'GET /api/pci/tokens': 'pci_token.list',
  'GET /api/pci/tokens/:id': 'pci_token.read',
  'DELETE /api/pci/tokens/:id': 'pci_token.delete',
  'POST /api/pci/tokens/:id/forward': 'pci_token.forward',
  'GET /api/pci/tokens/:id/security-code': 'security_code.check',
  'POST /api/pci/tokens/:id/security-code': 'security_code.refresh',
  'DELETE /api/pci/tokens/:id/security-code': 'security_code.delete',
  'POST /api/sessions/:id/complete-action': 'session.complete',
  'POST /api/network/tokens': 'network_token.create',
  'GET /api/network/tokens': 'network_token.list',
  'GET /api/network/tokens/:id': 'network_token.read',
  'DELETE /api/network/tokens/:id': 'network_token.delete',
  'POST /api/network/tokens/:id/cryptograms': 'network_token.cryptogram',
  'POST /api/network/tokens/:id/forward': 'network_token.forward',
  'POST /api/sandbox/network/tokens/:id/lifecycle': 'network_token.sandbox_lifecycle',
  // Takes a PAN or a token and answers what its BIN says about the card.
  'POST /api/metadata/inquiries': 'metadata.inquiry',
  'POST /api/generic/tokens': 'generic_token.create',
  'GET /api/generic/tokens': 'generic_token.list',
  'GET /api/generic/tokens/:id': 'generic_token.read',
  'DELETE /api/generic/tokens/:id': 'generic_token.delete',
  'POST /api/admin/api-keys': 'api_key.create',
  'GET /api/admin/api-keys': 'api_key.list',
  'GET /api/admin/api-keys/:id': 'api_key.read',
  'PATCH /api/admin/api-keys/:id': 'api_key.update',
  'DELETE /api/admin/api-keys/:id': 'api_key.delete',
  'POST /api/admin/types': 'type.create',
  'DELETE /api/admin/types/:id': 'type.delete',
  'POST /api/admin/webhooks': 'webhook.create',
  'DELETE /api/admin/webhooks/:id': 'webhook.delete',
  'GET /api/admin/audit-events': 'audit.read',
  'GET /api/admin/audit-events/export': 'audit.export',
  'GET /api/admin/audit-events/verify': 'audit.verify',
  'POST /api/admin/key-rotations': 'key_rotation.start',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a route that recorded its own audit event (forward). */
    audited?: boolean;
  }
}

/** A forward's destination without its query string (which may carry secrets of its own). */
export function destinationOf(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const url = new URL(raw);
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

function detailOf(request: FastifyRequest, action: string): Record<string, unknown> | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  if (action === 'api_key.create' || action === 'api_key.update') return { scopes: body?.scopes };
  if (action === 'pci_token.create') return { source: (body?.source as { type?: string } | undefined)?.type };
  if (action === 'pci_token.forward' || action === 'network_token.forward') return { destination: destinationOf(request.headers['x-destination-url']) };
  // The kind of source only: never the PAN an inquiry or a create may carry.
  if (action === 'network_token.create' || action === 'metadata.inquiry') return { source: (body?.source as { type?: string } | undefined)?.type };
  if (action === 'network_token.cryptogram') return { mode: body?.mode, type: body?.type };
  if (action === 'network_token.sandbox_lifecycle') return { event: body?.event };
  if (action === 'webhook.create') return { url: destinationOf(body?.url), events: body?.events };
  if (action === 'type.create') return { name: body?.name };
  return undefined;
}

/** The id a create answered with (never a session id: that is a credential while the session is open). */
function createdId(action: string, payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return undefined;
  try {
    const body = JSON.parse(payload) as { id?: unknown; data?: { token_id?: unknown } };
    if (action === 'session.complete') return typeof body.data?.token_id === 'string' ? body.data.token_id : undefined;
    return typeof body.id === 'string' ? body.id : undefined;
  } catch {
    return undefined;
  }
}

/** The token an inquiry asks about, when its source is one (a PAN source names no resource). */
function sourceToken(request: FastifyRequest): string | undefined {
  if (request.routeOptions.url !== '/api/metadata/inquiries') return undefined;
  const source = (request.body as { source?: { pci_token_id?: unknown; network_token_id?: unknown } } | undefined)?.source;
  const id = source?.pci_token_id ?? source?.network_token_id;
  return typeof id === 'string' ? id : undefined;
}

export function registerAuditHook(app: FastifyInstance, deps: VaultDeps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const action = AUDITED[`${request.method} ${request.routeOptions.url}`];
    if (!action || request.audited) return payload;
    // No caller and 401/429: the failed authentication was recorded by authenticate().
    if (!request.caller && action !== 'session.complete' && (reply.statusCode === 401 || reply.statusCode === 429)) return payload;
    const params = request.params as { id?: string } | undefined;
    const success = reply.statusCode < 400;
    const resource =
      action === 'session.complete'
        ? success
          ? createdId(action, payload)
          : undefined
        : (params?.id ?? sourceToken(request) ?? (success ? createdId(action, payload) : undefined));
    try {
      await recordAudit(deps, {
        actor: request.caller?.id ?? (action === 'session.complete' ? 'session' : 'anonymous'),
        client: request.ip,
        action,
        resource,
        outcome: success ? 'success' : 'failure',
        detail: { ...detailOf(request, action), status: reply.statusCode },
      });
    } catch (error) {
      request.log.error({ err: { type: (error as Error).name }, action }, 'audit write failed');
    }
    return payload;
  });
}
