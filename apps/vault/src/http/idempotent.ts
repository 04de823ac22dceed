import type { FastifyReply, FastifyRequest } from 'fastify';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestHash } from '../domain/idempotency.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';

/** `Idempotency-Key` (the common spelling) or Guardian's `x-idempotency-key`; the latter wins if both differ. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  for (const name of ['x-idempotency-key', 'idempotency-key']) {
    const value = request.headers[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * Runs `work` at most once per (caller, idempotency key). Without a key it simply runs.
 * With one, `work` gets deps whose `db` is a transaction that also stores the response
 * (encrypted): the work's rows and the stored response commit together or not at all, so a crash
 * anywhere leaves either the replayable result or nothing (and a lapsed lease the next retry takes
 * over). `work` must do all its writes through the deps it is given, and call nothing that would
 * use another connection (on SQLite that would wait for this transaction for ever).
 *
 * `{ atomic: false }` is for work that calls a system outside the database (a token service
 * provider): such a call may take seconds and must not hold a transaction (on SQLite, the only
 * connection) open. The work then runs on the plain deps and the response is stored after it; a
 * crash in between leaves the key pending until its lease lapses, and the retry does the work again.
 */
export async function idempotent(
  deps: VaultDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (deps: VaultDeps) => Promise<{ status: number; body: unknown }>,
  options: { atomic?: boolean } = {},
) {
  const key = idempotencyKeyOf(request);
  if (key === undefined) {
    const { status, body } = await work(deps);
    return reply.code(status).send(body);
  }
  const caller = request.caller!.id;
  const claim = await claimIdempotencyKey(deps, caller, key, requestHash(request.method, request.url, request.body));
  if (claim.kind === 'replay') {
    return reply.code(claim.status).header('idempotent-replayed', 'true').send(claim.body);
  }
  let result: { status: number; body: unknown };
  try {
    if (options.atomic === false) {
      result = await work(deps);
      await completeIdempotencyKey(deps, deps.db, { caller, key, lease: claim.lease }, result.status, result.body);
      return reply.code(result.status).send(result.body);
    }
    result = await deps.db.transaction().execute(async (trx) => {
      const done = await work({ ...deps, db: trx });
      await completeIdempotencyKey(deps, trx, { caller, key, lease: claim.lease }, done.status, done.body);
      return done;
    });
  } catch (error) {
    // If the database itself is down this fails too; the lapsed lease then frees the key.
    await releaseIdempotencyKey(deps, caller, key, claim.lease).catch(() => {});
    throw error;
  }
  return reply.code(result.status).send(result.body);
}
