import { randomUUID } from 'node:crypto';
import { SCHEMES, SESSION_CLASSIFIERS } from '@cardframe/protocol';
import {
  CardClaims,
  SecurityCodeClaims,
  type CompleteActionRequest,
  type SessionState,
} from '@cardframe/protocol/session-api';
import { Compile } from 'typebox/compile';
import { ApiError, errors } from '../http/api-error.ts';
import { typeboxErrorsToValidation } from '../http/validation-errors.ts';
import type { SessionsTable } from '../storage/database.ts';
import { preparedQuery } from '../storage/prepared-query.ts';
import { checkClient, checkPayloadHeader, claimCiphertext, recordFailure, sessionKid } from './session-guard.ts';
import { buildTokenRow, findToken, insertToken } from './tokens.ts';
import { validateCard } from './validate-card.ts';
import type { VaultDeps } from './vault-deps.ts';

const cardClaims = Compile(CardClaims);
const securityCodeClaims = Compile(SecurityCodeClaims);

const sessionNotFound = () => new ApiError(404, SESSION_CLASSIFIERS.notFound, 'The session was not found');
const sessionExpired = () => new ApiError(410, SESSION_CLASSIFIERS.expired, 'The session has expired');
const sessionCompleted = () => new ApiError(409, SESSION_CLASSIFIERS.completed, 'The session has already been completed');

export interface NewSession {
  kind: SessionsTable['kind'];
  owner: string;
  tokenId?: string;
  tokenExpiresIn?: number | undefined;
  metadata?: Record<string, string> | undefined;
}

/** A session binds the current JWE key; its 122-bit random id is its only credential. */
export async function createSession(deps: VaultDeps, input: NewSession): Promise<string> {
  const { kid } = await deps.keyring.current();
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
  ]);
  return id;
}

// The hot statements, compiled once (see prepared-query.ts).
const insertSessionQuery = preparedQuery(
  9,
  (db, id: string, kind: SessionsTable['kind'], kid: string, tokenId: string | null, tokenExpiresIn: number | null, metadata: string | null, owner: string, createdAt: number, expiresAt: number) =>
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
  if (row.kind === 'tokenize') {
    return { next_action: 'tokenize_card', data: { provider: 'guardian', jwk, allowed_schemes: [...SCHEMES] as never[], expires_at } };
  }
  const token = await findToken(deps, row.token_id!);
  if (!token) throw sessionNotFound();
  return {
    next_action: 'refresh_security_code',
    data: {
      jwk,
      // protocol's SchemeSchema is a mapped union whose Static is `never`; the value is a Scheme.
      scheme: token.scheme as never,
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
 * win) and writes the token. Losers see 409 SESSION_COMPLETED.
 */
export async function completeSession(deps: VaultDeps, id: string, body: CompleteActionRequest, client = 'unknown'): Promise<string> {
  const session = await loadSession(deps, id);
  if (session.status === 'completed') throw sessionCompleted();
  const expectedAction = session.kind === 'tokenize' ? 'tokenize_card' : 'refresh_security_code';
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
    });
    await deps.securityCodes.put(tokenId, claims.security_code);
    return tokenId;
  }

  if (!cardClaims.Check(claims)) {
    throw errors.validation(typeboxErrorsToValidation(cardClaims.Errors(claims), '$.result.enc_payload'));
  }
  const scheme = validateCard(claims, '$.result.enc_payload', { allowedSchemes: SCHEMES, notExpiredAt: new Date(now) });
  const row = buildTokenRow(deps, {
    card: { ...claims, scheme },
    metadata: session.metadata ? (JSON.parse(session.metadata) as Record<string, string>) : undefined,
    expiresInSeconds: session.token_expires_in ?? undefined,
    sessionId: id,
    owner: session.owner,
    hasSecurityCode: claims.security_code !== undefined,
  });
  try {
    await deps.db.transaction().execute(async (trx) => {
      const won = await completeSessionQuery.run(deps.db, [id, now, row.id], trx);
      if (won.numAffectedRows !== 1n) throw sessionCompleted();
      await insertToken(deps.db, row, trx);
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // UNIQUE(tokens.session_id) is the backstop: a second insert for one session is a lost race.
    if (/unique|duplicate/i.test(String((error as Error).message))) throw sessionCompleted();
    throw error;
  }
  if (claims.security_code !== undefined) await deps.securityCodes.put(row.id, claims.security_code);
  return row.id;
}
