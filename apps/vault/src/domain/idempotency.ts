import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApiError, errors } from '../http/api-error.ts';
import type { Database } from '../storage/database.ts';
import type { VaultDeps } from './vault-deps.ts';

/** How long a key is remembered (Stripe's published window). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * How long a pending key belongs to the request that claimed it. Longer than any request can run
 * (every dependency call is bounded by a few seconds), so a live holder is never overtaken in
 * practice; and if it were, its commit checks the lease and rolls back (see completeIdempotencyKey).
 */
export const IDEMPOTENCY_LEASE_MS = 5_000;

export type Claim = { kind: 'fresh'; lease: string } | { kind: 'replay'; status: number; body: unknown };

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

const aad = (caller: string, key: string) => `idempotency:${caller}:${key}:response`;

const inFlight = (retryAfterMs: number) =>
  new ApiError(409, 'CONFLICT', 'A request with this idempotency key is still in progress; retry shortly', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });

/**
 * Claims `key` for `caller` atomically (the primary key does the locking, in SQLite and Postgres
 * alike). Same key + same request: replay. Different request: 422. Held by a live request: 409
 * with Retry-After. Held by a request that died (its lease lapsed, nothing committed, since work
 * and response commit together): taken over, and the work runs once more.
 */
export async function claimIdempotencyKey(deps: VaultDeps, caller: string, key: string, hash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.now();
    const lease = randomUUID();
    const inserted = await deps.db
      .insertInto('idempotency')
      .values({
        caller,
        key,
        request_hash: hash,
        state: 'pending',
        response_status: null,
        response_ct: null,
        lease_id: lease,
        created_at: now,
        expires_at: now + IDEMPOTENCY_RETENTION_MS,
      })
      .onConflict((oc) => oc.columns(['caller', 'key']).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 1n) return { kind: 'fresh', lease };
    const row = await deps.db.selectFrom('idempotency').selectAll().where('caller', '=', caller).where('key', '=', key).executeTakeFirst();
    if (!row) continue;
    if (row.expires_at <= now) {
      await deps.db.deleteFrom('idempotency').where('caller', '=', caller).where('key', '=', key).where('expires_at', '<=', now).execute();
      continue;
    }
    if (row.request_hash !== hash) {
      throw errors.validation(
        [{ path: '$', message: 'does not match the request first sent with this idempotency key' }],
        'The idempotency key was already used with a different request',
      );
    }
    if (row.state === 'done' && row.response_ct !== null && row.response_status !== null) {
      return { kind: 'replay', status: row.response_status, body: JSON.parse(deps.cipher.decrypt(row.response_ct, aad(caller, key))) };
    }
    const leaseLeft = row.created_at + IDEMPOTENCY_LEASE_MS - now;
    if (leaseLeft > 0) throw inFlight(leaseLeft);
    // The holder died (or overran its lease): take the key over, exactly as it stands.
    const taken = await deps.db
      .updateTable('idempotency')
      .set({ lease_id: lease, created_at: now })
      .where('caller', '=', caller)
      .where('key', '=', key)
      .where('state', '=', 'pending')
      .where('created_at', '=', row.created_at)
      .where((eb) => (row.lease_id === null ? eb('lease_id', 'is', null) : eb('lease_id', '=', row.lease_id)))
      .executeTakeFirst();
    if (taken.numUpdatedRows === 1n) return { kind: 'fresh', lease };
  }
  throw errors.conflict();
}

/**
 * Stores the response, in the same transaction as the work (`trx`), only while `lease` still holds
 * the key. If another request took the key over meanwhile, this throws and the work rolls back:
 * exactly one holder's work ever commits.
 */
export async function completeIdempotencyKey(
  deps: VaultDeps,
  trx: Kysely<Database>,
  claim: { caller: string; key: string; lease: string },
  status: number,
  body: unknown,
) {
  const { caller, key, lease } = claim;
  const done = await trx
    .updateTable('idempotency')
    .set({ state: 'done', lease_id: null, response_status: status, response_ct: deps.cipher.encrypt(JSON.stringify(body), aad(caller, key)) })
    .where('caller', '=', caller)
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('lease_id', '=', lease)
    .executeTakeFirst();
  if (done.numUpdatedRows !== 1n) throw inFlight(IDEMPOTENCY_LEASE_MS);
}

/** A failed first attempt must not pin its error: release the key (if still ours) so the client can retry. */
export async function releaseIdempotencyKey(deps: VaultDeps, caller: string, key: string, lease: string) {
  await deps.db
    .deleteFrom('idempotency')
    .where('caller', '=', caller)
    .where('key', '=', key)
    .where('state', '=', 'pending')
    .where('lease_id', '=', lease)
    .execute();
}
