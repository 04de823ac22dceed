import { createHash } from 'node:crypto';
import { errors } from '../http/api-error.ts';
import type { VaultDeps } from './vault-deps.ts';

/** How long a key is remembered (Stripe's published window). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export type Claim = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown };

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

const aad = (caller: string, key: string) => `idempotency:${caller}:${key}:response`;

/**
 * Claims `key` for `caller` atomically (the primary key does the locking, in SQLite and
 * Postgres alike). Same key + same request: replay. Different request: 422. Still in flight: 409.
 */
export async function claimIdempotencyKey(deps: VaultDeps, caller: string, key: string, hash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.now();
    const inserted = await deps.db
      .insertInto('idempotency')
      .values({
        caller,
        key,
        request_hash: hash,
        state: 'pending',
        response_status: null,
        response_ct: null,
        created_at: now,
        expires_at: now + IDEMPOTENCY_RETENTION_MS,
      })
      .onConflict((oc) => oc.columns(['caller', 'key']).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 1n) return { kind: 'fresh' };
    const row = await deps.db
      .selectFrom('idempotency')
      .selectAll()
      .where('caller', '=', caller)
      .where('key', '=', key)
      .executeTakeFirst();
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
    if (row.state === 'pending' || row.response_ct === null || row.response_status === null) throw errors.conflict();
    return { kind: 'replay', status: row.response_status, body: JSON.parse(deps.cipher.decrypt(row.response_ct, aad(caller, key))) };
  }
  throw errors.conflict();
}

export async function completeIdempotencyKey(deps: VaultDeps, caller: string, key: string, status: number, body: unknown) {
  await deps.db
    .updateTable('idempotency')
    .set({ state: 'done', response_status: status, response_ct: deps.cipher.encrypt(JSON.stringify(body), aad(caller, key)) })
    .where('caller', '=', caller)
    .where('key', '=', key)
    .execute();
}

/** A failed first attempt must not pin its error: release the key so the client can retry. */
export async function releaseIdempotencyKey(deps: VaultDeps, caller: string, key: string) {
  await deps.db.deleteFrom('idempotency').where('caller', '=', caller).where('key', '=', key).where('state', '=', 'pending').execute();
}
