import { createHash, hash } from 'node:crypto';
import { base64url, decodeProtectedHeader } from 'jose';
import type { AuthFailureLimiter, AuthFailurePolicy } from '../ephemeral/auth-failure-limiter.ts';
import { ApiError, errors } from '../http/api-error.ts';
import type { SessionsTable } from '../storage/database.ts';
import type { VaultDeps } from './vault-deps.ts';

/**
 * What keeps a session's encrypted payload from being used anywhere else, and a session id from
 * buying unlimited RSA work (issue 13, findings 6 and 7; ADR 0016).
 *
 * Binding. Each session's JWK carries a kid of its own, `<key kid>.<session id>`, over the shared
 * RSA key of the rotation period. Our frame (like any JOSE library given a JWK with a kid) copies
 * it into the JWE's protected header, which AES-GCM authenticates: such a ciphertext completes only
 * its own session. Hellgate's SDKs send no kid (their JWK has none), so an unbound payload is still
 * accepted, but only once: every ciphertext that decrypts is recorded, and one already used by
 * another session is refused. Its validity is the JWE key's: one rotation period
 * (CARDFRAME_JWE_KEY_ROTATION) plus the session TTL.
 *
 * Failures. Every failed completion (bad ciphertext, wrong binding, reuse, invalid card) counts
 * against the session, which closes at {@link SESSION_FAILURE_LIMIT}, and against the client
 * address, which then waits out a window before any more decryptions.
 */
export const SESSION_FAILURE_LIMIT = 5;
export const DEFAULT_COMPLETION_FAILURE_POLICY: AuthFailurePolicy = { maxFailures: 20, windowSeconds: 60 };

export function sessionKid(keyKid: string, sessionId: string): string {
  return `${keyKid}.${sessionId}`;
}

const payloadError = (message: string) => errors.validation([{ path: '$.result.enc_payload', message }]);
/** The 429 complete-action answers while the client is over its limit (also the OpenAPI example). */
export const tooManyCompletionFailures = (seconds: number) =>
  new ApiError(429, 'TOO_MANY_REQUESTS', 'Too many failed session completions from this client; try again later', undefined, {
    'retry-after': String(seconds),
  });

/** Before any RSA work: a compressed payload or one made for another session is refused. */
export function checkPayloadHeader(jwe: string, session: SessionsTable): void {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwe) as Record<string, unknown>;
  } catch {
    throw payloadError('could not be decrypted with the session key');
  }
  // Compression before encryption leaks the plaintext's length structure and costs inflate work.
  if ('zip' in header) throw payloadError('must not be compressed (the "zip" header is refused)');
  const kid = header.kid;
  if (kid !== undefined && kid !== session.kid && kid !== sessionKid(session.kid, session.id)) {
    throw payloadError('was made for another session');
  }
}

/**
 * What identifies one encrypted payload, however it is written. Not its compact text: base64url has
 * spare bits (the last character of the 16-byte tag carries four nobody reads), so one ciphertext
 * has several spellings; and not its wrapped key: RSA reads that as a number, so a leading zero byte
 * can be dropped. What is left is authenticated by AES-GCM under the one content key: the protected
 * header, IV, ciphertext and tag, as the bytes jose decrypted (its own decoder), each length-prefixed.
 */
export function payloadDigest(jwe: string): string {
  const [header, , iv, ciphertext, tag] = jwe.split('.');
  const digest = createHash('sha256');
  for (const part of [header, iv, ciphertext, tag]) {
    const bytes = base64url.decode(part ?? '');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    digest.update(length).update(bytes);
  }
  return `b.${digest.digest('base64url')}`;
}

/** After a successful decryption: records the payload, refusing one another session already used. */
export async function claimCiphertext(deps: VaultDeps, jwe: string, session: SessionsTable): Promise<void> {
  const digest = payloadDigest(jwe);
  await deps.db
    .insertInto('used_ciphertexts')
    .values({ hash: digest, kid: session.kid, session_id: session.id, created_at: deps.now() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  // Records written before payloads were known by their bytes hold the text's SHA-256; they lapse with
  // their JWE key (one rotation period), and until then an exact copy is still found by them.
  const legacy = hash('sha256', jwe, 'base64url');
  const owners = await deps.db.selectFrom('used_ciphertexts').select('session_id').where('hash', 'in', [digest, legacy]).execute();
  // The same session may retry its own payload; completion itself is at most once.
  if (owners.some((owner) => owner.session_id !== session.id)) throw payloadError('was already used by another session');
}

/** 429 while the client is over its completion failure limit: no more decryptions for it. */
export async function checkClient(limiter: AuthFailureLimiter, client: string): Promise<void> {
  const wait = await limiter.retryAfter(client);
  if (wait > 0) throw tooManyCompletionFailures(wait);
}

/** Counts one failed completion against the session (closing it at the limit) and the client. */
export async function recordFailure(deps: VaultDeps, session: SessionsTable, client: string): Promise<void> {
  const now = deps.now();
  // One statement, so concurrent failures in several processes count exactly.
  await deps.db
    .updateTable('sessions')
    .set((eb) => ({
      failed_attempts: eb('failed_attempts', '+', 1),
      expires_at: eb
        .case()
        .when('failed_attempts', '>=', SESSION_FAILURE_LIMIT - 1)
        .then(now)
        .else(eb.ref('expires_at'))
        .end(),
    }))
    .where('id', '=', session.id)
    .where('status', '=', 'open')
    .execute();
  await deps.completionFailures.recordFailure(client);
}
