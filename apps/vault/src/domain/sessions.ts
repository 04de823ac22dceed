import { randomUUID } from 'node:crypto';
import { SCHEMES, SESSION_CLASSIFIERS, SESSION_SCHEME_NAMES, type Scheme } from '@cardframe/protocol';
import { CardClaims, SecurityCodeClaims, type CompleteActionRequest, type SessionState } from '@cardframe/protocol/session-api';
import { Compile } from 'typebox/compile';
import { ApiError, errors } from '../http/api-error.ts';
import { typeboxErrorsToValidation } from '../http/validation-errors.ts';
import type { SessionsTable } from '../storage/database.ts';
import { preparedQuery } from '../storage/prepared-query.ts';
import { checkClient, checkPayloadHeader, claimCiphertext, recordFailure, sessionKid } from './session-guard.ts';
import { buildTokenRow, findToken, insertToken } from './tokens.ts';
import { validateCard } from './validate-card.ts';
import { isNetworkScheme, provisionNetworkToken, insertNetworkToken } from '../network/network-tokens.ts';
import { NETWORK_SCHEMES } from '../network/token-service-provider.ts';
import type { VaultDeps } from './vault-deps.ts';

const cardClaims = Compile(CardClaims);
const securityCodeClaims = Compile(SecurityCodeClaims);

const sessionNotFound = () => new ApiError(404, SESSION_CLASSIFIERS.notFound, 'The session was not found');
/**
 * 404, not 410: Hellgate's SDK maps only 404 to "session doesn't exist or has expired" (ADR 0022);
 * the classifier still tells our own frame that it expired.
 */
const sessionExpired = () => new ApiError(404, SESSION_CLASSIFIERS.expired, 'The session has expired');
const sessionCompleted = () => new ApiError(409, SESSION_CLASSIFIERS.completed, 'The session has already been completed');

export interface NewSession {
  /** The JWE key to bind; the current one when absent (callers inside a transaction pass it, see idempotent.ts). */
  kid?: string;
  kind: SessionsTable['kind'];
  owner: string;
  tokenId?: string;
  tokenExpiresIn?: number | undefined;
  metadata?: Record<string, string> | undefined;
  /** Schemes the session accepts at completion (default: every scheme the kind allows). */
  allowedSchemes?: readonly Scheme[] | undefined;
}

/** Max lifetime a lifecycle claim may ask for: the API's own maximum `expires_in` (30 days). */
const MAX_TOKEN_LIFETIME_SECONDS = 2_592_000;

/** A session binds the current JWE key; its 122-bit random id is its only credential. */
export async function createSession(deps: VaultDeps, input: NewSession): Promise<string> {
  const kid = input.kid ?? (await deps.keyring.current()).kid;
  const id = randomUUID();
  const now = deps.now();
  await insertSessionQuery.run(deps.db, [
    id,
    input.kind,
    kid,
    input.tokenId ?? null,
    input.tokenExpiresIn ?? null,
    input.metadata ? JSON.stringify(input.metadata) : null,
    input.owner,
    now,
    now + deps.sessionTtlSeconds * 1000,
    input.allowedSchemes ? JSON.stringify(input.allowedSchemes) : null,
  ]);
  return id;
}

// The hot statements, compiled once (see prepared-query.ts).
const insertSessionQuery = preparedQuery(
  10,
  (
    db,
    id: string,
    kind: SessionsTable['kind'],
    kid: string,
    tokenId: string | null,
    tokenExpiresIn: number | null,
    metadata: string | null,
    owner: string,
    createdAt: number,
    expiresAt: number,
    allowedSchemes: string | null,
  ) =>
    db.insertInto('sessions').values({
      id,
      kind,
      status: 'open',
      kid,
      token_id: tokenId,
      token_expires_in: tokenExpiresIn,
      metadata,
      owner,
      created_at: createdAt,
      expires_at: expiresAt,
      completed_at: null,
      allowed_schemes: allowedSchemes,
      failed_attempts: 0,
    }),
);
const selectSessionQuery = preparedQuery(1, (db, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id));
/** Open → completed, only while open and unexpired: the single winner of concurrent completions. */
const completeSessionQuery = preparedQuery(3, (db, id: string, now: number, tokenId: string) =>
  db
    .updateTable('sessions')
    .set({ status: 'completed', completed_at: now, token_id: tokenId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('expires_at', '>', now),
);

async function loadSession(deps: VaultDeps, id: string): Promise<SessionsTable> {
  const row = (await selectSessionQuery.run(deps.db, [id])).rows[0];
  if (!row) throw sessionNotFound();
  if (row.expires_at <= deps.now()) throw sessionExpired();
  return row;
}

/** What the frame needs next: the key and allowed schemes, the card to refresh, or the result. */
export async function getSessionState(deps: VaultDeps, id: string): Promise<SessionState> {
  const row = await loadSession(deps, id);
  if (row.status === 'completed') {
    return { next_action: null, status: 'success', data: { token_id: row.token_id! } };
  }
  const keyJwk = await deps.keyring.publicJwk(row.kid);
  if (!keyJwk) throw sessionExpired();
  // A kid of this session's own, so a payload made for it completes nothing else (session-guard.ts).
  const jwk = { ...keyJwk, kid: sessionKid(row.kid, row.id) };
  const expires_at = new Date(row.expires_at).toISOString();
  if (row.kind !== 'refresh') {
    const allowed_schemes = sessionSchemes(row).map((scheme) => SESSION_SCHEME_NAMES[scheme]);
    return { next_action: 'tokenize_card', data: { provider: 'guardian', jwk, allowed_schemes, expires_at } };
  }
  const token = await findToken(deps, row.token_id!);
  if (!token) throw sessionNotFound();
  return {
    next_action: 'refresh_security_code',
    data: {
      jwk,
      scheme: SESSION_SCHEME_NAMES[token.scheme as Scheme],
      // What the CVC form shows (brand, last four, expiry) and no more: the session id is also in
      // the merchant page's hands, and the BIN and length are not for it (issue 13, finding 8).
      masked_account_number: `••••${token.last4}`,
      account_number_last_four: token.last4,
      expiry_month: token.expiry_month,
      expiry_year: token.expiry_year,
      expires_at,
    },
  };
}

/** The schemes a session accepts: its own list, else all (network sessions: the network schemes). */
function sessionSchemes(row: SessionsTable): readonly Scheme[] {
  const all: readonly Scheme[] = row.kind === 'network' ? NETWORK_SCHEMES : SCHEMES;
  if (!row.allowed_schemes) return all;
  const own = JSON.parse(row.allowed_schemes) as Scheme[];
  return all.filter((scheme) => own.includes(scheme));
}

const CLAIMS_PATH = '$.result.enc_payload';
const KNOWN_CLAIMS = new Set(Object.keys(CardClaims.properties));

/**
 * Claims the vault cannot honour are refused at their path, never dropped: unknown claims, and
 * additional data it has nowhere to keep (email, billing address).
 */
function unhonouredClaims(claims: Record<string, unknown>): { path: string; message: string }[] {
  const problems = Object.keys(claims)
    .filter((key) => !KNOWN_CLAIMS.has(key))
    .map((key) => ({ path: `${CLAIMS_PATH}.${key}`, message: 'is not a claim this vault accepts' }));
  const additional = claims.additional_data;
  if (typeof additional === 'object' && additional !== null) {
    for (const key of Object.keys(additional)) {
      if (key !== 'cardholder_name') {
        problems.push({ path: `${CLAIMS_PATH}.additional_data.${key}`, message: 'is not stored by this vault (only cardholder_name is)' });
      }
    }
  }
  return problems;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The token lifetime the claims ask for: `expiration_date` wins over `ephemeral`; with a lifetime
 * the merchant set on the session, the shorter one applies (a shopper cannot extend it).
 */
function claimedLifetime(deps: VaultDeps, claims: CardClaimsValue, now: number, sessionSeconds: number | undefined): number | undefined {
  let claimed: number | undefined;
  if (claims.expiration_date !== undefined) {
    const path = `${CLAIMS_PATH}.expiration_date`;
    const at = ISO_8601.test(claims.expiration_date) ? Date.parse(claims.expiration_date) : Number.NaN;
    if (Number.isNaN(at)) throw errors.validation([{ path, message: 'must be an ISO 8601 date or date-time' }]);
    claimed = Math.ceil((at - now) / 1000);
    if (claimed < 1) throw errors.validation([{ path, message: 'must be in the future' }]);
    if (claimed > MAX_TOKEN_LIFETIME_SECONDS) throw errors.validation([{ path, message: 'must be at most 30 days ahead' }]);
  } else if (claims.ephemeral === true) {
    claimed = deps.ephemeralTokenTtlSeconds;
  }
  if (claimed === undefined) return sessionSeconds;
  return sessionSeconds === undefined ? claimed : Math.min(claimed, sessionSeconds);
}

type CardClaimsValue = CardClaims;

async function decryptClaims(deps: VaultDeps, session: SessionsTable, jwe: string): Promise<unknown> {
  checkPayloadHeader(jwe, session);
  let plaintext: Uint8Array;
  try {
    plaintext = await deps.keyring.decrypt(session.kid, jwe);
  } catch {
    throw errors.validation([{ path: '$.result.enc_payload', message: 'could not be decrypted with the session key' }]);
  }
  await claimCiphertext(deps, jwe, session);
  try {
    return JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    throw errors.validation([{ path: '$.result.enc_payload', message: 'is not JSON' }]);
  }
}

/**
 * Completes a session at most once. The claims are checked before anything is written; then one
 * transaction flips the session from open to completed (conditionally, so only one caller can
 * win), writes the token and stores the CVC: all of it or none. Losers see 409 SESSION_COMPLETED.
 */
export async function completeSession(deps: VaultDeps, id: string, body: CompleteActionRequest, client = 'unknown'): Promise<string> {
  const session = await loadSession(deps, id);
  if (session.status === 'completed') throw sessionCompleted();
  const expectedAction = session.kind === 'refresh' ? 'refresh_security_code' : 'tokenize_card';
  if (body.action !== expectedAction) {
    throw errors.validation([{ path: '$.action', message: `must be ${expectedAction} for this session` }]);
  }
  await checkClient(deps.completionFailures, client);
  try {
    return await completeOpenSession(deps, session, body);
  } catch (error) {
    // A payload that fails costs RSA work: count it against the session and the client.
    if (error instanceof ApiError && error.statusCode === 422) await recordFailure(deps, session, client);
    throw error;
  }
}

async function completeOpenSession(deps: VaultDeps, session: SessionsTable, body: CompleteActionRequest): Promise<string> {
  const id = session.id;
  const claims = await decryptClaims(deps, session, body.result.enc_payload);
  const now = deps.now();

  if (session.kind === 'refresh') {
    if (!securityCodeClaims.Check(claims)) {
      throw errors.validation(typeboxErrorsToValidation(securityCodeClaims.Errors(claims), '$.result.enc_payload'));
    }
    const extra = Object.keys(claims as object).filter((key) => key !== 'security_code');
    if (extra.length > 0) {
      throw errors.validation(extra.map((key) => ({ path: `${CLAIMS_PATH}.${key}`, message: 'is not a claim a security-code refresh accepts' })));
    }
    const tokenId = session.token_id!;
    await deps.db.transaction().execute(async (trx) => {
      const won = await trx
        .updateTable('sessions')
        .set({ status: 'completed', completed_at: now })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (won.numUpdatedRows !== 1n) throw sessionCompleted();
      const updated = await trx
        .updateTable('tokens')
        .set({ security_code_expires_at: now + deps.securityCodeTtlSeconds * 1000 })
        .where('id', '=', tokenId)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw sessionNotFound();
      // Last, inside the transaction: if the store fails (503), the session stays open to retry.
      await deps.securityCodes.put(tokenId, claims.security_code);
    });
    return tokenId;
  }

  if (!cardClaims.Check(claims)) {
    throw errors.validation(typeboxErrorsToValidation(cardClaims.Errors(claims), '$.result.enc_payload'));
  }
  const unhonoured = unhonouredClaims(claims as Record<string, unknown>);
  if (unhonoured.length > 0) throw errors.validation(unhonoured);
  const nested = claims.additional_data?.cardholder_name;
  if (nested !== undefined && claims.cardholder_name !== undefined && nested !== claims.cardholder_name) {
    throw errors.validation([{ path: `${CLAIMS_PATH}.additional_data.cardholder_name`, message: 'differs from cardholder_name' }]);
  }
  const cardholderName = claims.cardholder_name ?? nested;
  const scheme = validateCard(claims, CLAIMS_PATH, { allowedSchemes: sessionSchemes(session), notExpiredAt: new Date(now) });
  const metadata = session.metadata ? (JSON.parse(session.metadata) as Record<string, string>) : undefined;
  const card = {
    account_number: claims.account_number,
    expiry_month: claims.expiry_month,
    expiry_year: claims.expiry_year,
    cardholder_name: cardholderName,
    scheme,
  };

  if (session.kind === 'network') {
    if (claims.ephemeral !== undefined || claims.expiration_date !== undefined) {
      const key = claims.expiration_date !== undefined ? 'expiration_date' : 'ephemeral';
      throw errors.validation([{ path: `${CLAIMS_PATH}.${key}`, message: 'network tokens expire at the scheme, not by a claim' }]);
    }
    if (!isNetworkScheme(scheme)) throw errors.validation([{ path: `${CLAIMS_PATH}.account_number`, message: 'card scheme is not allowed' }]);
    const row = await provisionNetworkToken(deps, { card, owner: session.owner, metadata, sessionId: id }, async (built) => {
      try {
        await deps.db.transaction().execute(async (trx) => {
          const won = await completeSessionQuery.run(deps.db, [id, now, built.id], trx);
          if (won.numAffectedRows !== 1n) throw sessionCompleted();
          await insertNetworkToken(trx, built);
        });
      } catch (error) {
        if (error instanceof ApiError) throw error;
        if (/unique|duplicate/i.test(String((error as Error).message))) throw sessionCompleted();
        throw error;
      }
    });
    return row.id;
  }

  const row = buildTokenRow(deps, {
    card,
    metadata,
    expiresInSeconds: claimedLifetime(deps, claims, now, session.token_expires_in ?? undefined),
    sessionId: id,
    owner: session.owner,
    hasSecurityCode: claims.security_code !== undefined,
  });
  try {
    await deps.db.transaction().execute(async (trx) => {
      const won = await completeSessionQuery.run(deps.db, [id, now, row.id], trx);
      if (won.numAffectedRows !== 1n) throw sessionCompleted();
      await insertToken(deps.db, row, trx);
      // Last, inside the transaction: a store failure (503) rolls back the token and the
      // completion, so the frame can retry; a failed commit leaves only a CVC under an id nobody
      // holds, which lapses by itself.
      if (claims.security_code !== undefined) await deps.securityCodes.put(row.id, claims.security_code);
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // UNIQUE(tokens.session_id) is the backstop: a second insert for one session is a lost race.
    if (/unique|duplicate/i.test(String((error as Error).message))) throw sessionCompleted();
    throw error;
  }
  return row.id;
}
