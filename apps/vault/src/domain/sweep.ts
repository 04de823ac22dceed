import type { VaultDeps } from './vault-deps.ts';

/** Sessions stay one hour past expiry so the frame hears 410 (expired) rather than 404. */
const SESSION_GRACE_MS = 60 * 60 * 1000;

export interface SweepCounts {
  tokens: number;
  sessions: number;
  idempotency: number;
  apiKeys: number;
  jweKeys: number;
}

/**
 * Physically removes what has expired (reads already hide it). Idempotent and safe to run in
 * every process at once: each statement is a plain conditional delete.
 */
export async function sweep(deps: VaultDeps): Promise<SweepCounts> {
  const now = deps.now();
  const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
  const tokens = n(await deps.db.deleteFrom('tokens').where('expires_at', '<=', now).executeTakeFirst());
  const sessions = n(
    await deps.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', now - SESSION_GRACE_MS)
      .executeTakeFirst(),
  );
  const idempotency = n(await deps.db.deleteFrom('idempotency').where('expires_at', '<=', now).executeTakeFirst());
  const apiKeys = n(await deps.db.deleteFrom('api_keys').where('expires_at', '<=', now).executeTakeFirst());
  // A JWE key is kept while it is current or any session (even a recently expired one) names it.
  const { kid } = await deps.keyring.current();
  const jweKeys = n(
    await deps.db.deleteFrom('jwe_keys').where('kid', '!=', kid).where('kid', 'not in', deps.db.selectFrom('sessions').select('kid')).executeTakeFirst(),
  );
  // A used ciphertext matters only while its key can still decrypt it.
  await deps.db.deleteFrom('used_ciphertexts').where('kid', 'not in', deps.db.selectFrom('jwe_keys').select('kid')).execute();
  return { tokens, sessions, idempotency, apiKeys, jweKeys };
}
