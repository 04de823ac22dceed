import type { FastifyRequest } from 'fastify';
import { hashSecret, sameHash, verifyApiKey } from '../domain/api-keys.ts';
import type { Scope } from '../domain/scopes.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { AuthFailureLimiter } from '../ephemeral/auth-failure-limiter.ts';
import { errors } from './api-error.ts';
import { recordAudit } from '../audit/audit-log.ts';

export interface Caller {
  /** `admin` or the API key id: the namespace of idempotency keys and the token owner. */
  id: string;
  scopes: ReadonlySet<Scope> | 'all';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope an API key needs; `null` for public routes (sessions, hosting, health). */
    scope?: Scope | null;
  }
  interface FastifyRequest {
    caller: Caller | undefined;
  }
}

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * `x-admin-token` may do everything; an `x-api-key` only what its scopes allow. Any missing,
 * unknown or expired credential gets the same 401 body. Wrong credentials count against the
 * client's address ({@link AuthFailureLimiter}: the real client behind CARDFRAME_TRUST_PROXY);
 * past the limit a wrong credential gets 429 with Retry-After.
 *
 * A valid API key is honoured even from an address over its limit (issue 13, finding 3): else
 * anyone sharing that address (a NAT, an untrusted proxy) could lock a merchant server out.
 * Confirming a guessed API key is no risk worth that: keys carry ~190 random bits. The admin
 * token is operator-chosen and may be weaker, so an address over its limit gets no verdict on it.
 */
export async function authenticate(deps: VaultDeps, request: FastifyRequest, scope: Scope): Promise<Caller> {
  const adminToken = header(request, 'x-admin-token');
  const apiKey = header(request, 'x-api-key');
  if (adminToken === undefined && apiKey === undefined) throw errors.unauthorized();
  const wait = await deps.authFailures.retryAfter(request.ip);
  if (adminToken !== undefined) {
    if (wait > 0) throw errors.tooManyAuthFailures(wait);
    if (sameHash(hashSecret(adminToken), deps.adminTokenHash)) return { id: 'admin', scopes: 'all' };
    return failed(deps, request);
  }
  const verified = await verifyApiKey(deps, apiKey!);
  if (!verified) {
    if (wait > 0) throw errors.tooManyAuthFailures(wait);
    return failed(deps, request);
  }
  const caller = { id: verified.row.id, scopes: verified.scopes };
  if (!verified.scopes.has(scope)) {
    // Known but not allowed: the audit trail and the request log still name who it was.
    request.caller = caller;
    throw errors.forbidden();
  }
  return caller;
}

async function failed(deps: VaultDeps, request: FastifyRequest): Promise<never> {
  const wait = await deps.authFailures.recordFailure(request.ip);
  // PCI DSS 10.2.1.4: every invalid access attempt, with where it came from (never the credential).
  const credential = request.headers['x-admin-token'] !== undefined ? 'x-admin-token' : 'x-api-key';
  await recordAudit(deps, {
    actor: 'anonymous',
    client: request.ip,
    action: 'auth.failure',
    outcome: 'failure',
    detail: { credential, route: `${request.method} ${request.routeOptions.url}`, locked_out: wait > 0 },
  }).catch((error: Error) => request.log.error({ err: { type: error.name } }, 'audit write failed'));
  throw wait > 0 ? errors.tooManyAuthFailures(wait) : errors.unauthorized();
}
