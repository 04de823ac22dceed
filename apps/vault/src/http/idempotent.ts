import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
} from '../domain/idempotency.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';

/**
 * Runs `work` at most once per (caller, x-idempotency-key). Without the header it simply runs.
 * Successful responses are stored (encrypted) and replayed with their status.
 */
export async function idempotent(
  deps: VaultDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  work: () => Promise<{ status: number; body: unknown }>,
) {
  const key = request.headers['x-idempotency-key'];
  if (typeof key !== 'string' || key === '') {
    const { status, body } = await work();
    return reply.code(status).send(body);
  }
  const caller = request.caller!.id;
  const claim = await claimIdempotencyKey(deps, caller, key, requestHash(request.method, request.url, request.body));
  if (claim.kind === 'replay') {
    return reply.code(claim.status).header('idempotent-replayed', 'true').send(claim.body);
  }
  let result: { status: number; body: unknown };
  try {
    result = await work();
  } catch (error) {
    await releaseIdempotencyKey(deps, caller, key);
    throw error;
  }
  await completeIdempotencyKey(deps, caller, key, result.status, result.body);
  return reply.code(result.status).send(result.body);
}
