import type { FastifyRequest } from 'fastify';
import { hashSecret, sameHash, verifyApiKey } from '../domain/api-keys.ts';
import type { Scope } from '../domain/scopes.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { errors } from './api-error.ts';

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
 * unknown or expired credential gets the same 401 body.
 */
export async function authenticate(deps: VaultDeps, request: FastifyRequest, scope: Scope): Promise<Caller> {
  const adminToken = header(request, 'x-admin-token');
  if (adminToken !== undefined) {
    if (sameHash(hashSecret(adminToken), deps.adminTokenHash)) return { id: 'admin', scopes: 'all' };
    throw errors.unauthorized();
  }
  const apiKey = header(request, 'x-api-key');
  if (apiKey === undefined) throw errors.unauthorized();
  const verified = await verifyApiKey(deps, apiKey);
  if (!verified) throw errors.unauthorized();
  if (!verified.scopes.has(scope)) throw errors.forbidden();
  return { id: verified.row.id, scopes: verified.scopes };
}
