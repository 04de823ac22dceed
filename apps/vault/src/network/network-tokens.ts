import { randomUUID } from 'node:crypto';
import type { Scheme } from '@cardframe/protocol';
import type { Kysely, Transaction } from 'kysely';
import { maskPan } from '../domain/tokens.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { ApiError, errors } from '../http/api-error.ts';
import type { Database } from '../storage/database.ts';
import type { NetworkTokensTable } from '../storage/network-tables.ts';
import { enqueueEvents } from '../webhooks/enqueue-event.ts';
import {
  NETWORK_SCHEMES,
  TokenServiceError,
  type Cryptogram,
  type LifecycleEvent,
  type NetworkScheme,
  type NetworkTokenStatus,
  type ProvisionedToken,
} from './token-service-provider.ts';

export interface NetworkTokenView {
  id: string;
  created_at: string;
  card: { cardholder_name?: string; expiry_month: number; expiry_year: number; masked_account_number: string; scheme: Scheme };
  network_token: { status: NetworkTokenStatus; type: string; expiry_month: number; expiry_year: number; scheme_reference?: string };
  pci_token_id?: string;
  metadata?: Record<string, string>;
}

export interface NetworkCard {
  account_number: string;
  expiry_month: number;
  expiry_year: number;
  cardholder_name?: string | undefined;
  scheme: Scheme;
}

export const isNetworkScheme = (scheme: string): scheme is NetworkScheme => (NETWORK_SCHEMES as readonly string[]).includes(scheme);

/** A 422 at `path` when the card's scheme issues no network tokens. */
export function requireNetworkScheme(scheme: Scheme, path: string): NetworkScheme {
  if (!isNetworkScheme(scheme)) {
    throw errors.validation([{ path, message: `${scheme} issues no network tokens (supported: ${NETWORK_SCHEMES.join(', ')})` }]);
  }
  return scheme;
}

/** Maps the provider boundary's one error class to Guardian errors; anything else is a 502. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof TokenServiceError)) {
    return new ApiError(502, 'TOKEN_SERVICE_UNAVAILABLE', 'The token service provider failed');
  }
  switch (error.code) {
    // 422s carry validation_errors like every 422 here; the request as a whole is the cause.
    case 'NOT_ELIGIBLE':
      return new ApiError(422, 'NETWORK_TOKEN_NOT_ELIGIBLE', 'The card is not eligible for a network token', [{ path: '$', message: error.message }]);
    case 'DECLINED':
      return new ApiError(422, 'NETWORK_TOKEN_DECLINED', 'The token service declined the request', [{ path: '$', message: error.message }]);
    case 'NOT_FOUND':
      return errors.notFound();
    case 'NOT_ACTIVE':
      return new ApiError(409, 'NETWORK_TOKEN_NOT_ACTIVE', error.message);
    case 'TIMEOUT':
      return new ApiError(504, 'TOKEN_SERVICE_TIMEOUT', 'The token service provider did not answer in time');
    case 'UNAVAILABLE':
      return new ApiError(502, 'TOKEN_SERVICE_UNAVAILABLE', `The token service provider is unavailable: ${error.message}`);
  }
}

/** Every provider call runs under the configured timeout and ends as a Guardian error on failure. */
export async function callProvider<T>(deps: VaultDeps, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(deps.networkTokenTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TokenServiceError('TIMEOUT', 'timed out')), deps.networkTokenTimeoutMs);
  });
  try {
    return await Promise.race([work(signal), timeout]);
  } catch (error) {
    throw toApiError(error);
  } finally {
    clearTimeout(timer);
  }
}

export interface NewNetworkToken {
  card: NetworkCard;
  owner: string;
  metadata?: Record<string, string> | undefined;
  pciTokenId?: string | undefined;
  sessionId?: string | undefined;
}

export function buildNetworkTokenRow(deps: VaultDeps, input: NewNetworkToken, provisioned: ProvisionedToken): NetworkTokensTable {
  const id = randomUUID();
  const now = deps.now();
  const pan = input.card.account_number;
  return {
    id,
    pci_token_id: input.pciTokenId ?? null,
    provider: deps.tokenServiceProvider.name,
    provider_ref: provisioned.ref,
    type: provisioned.type,
    status: provisioned.status,
    number_ct: deps.cipher.encrypt(provisioned.number, `network_tokens:${id}:number`),
    token_expiry_month: provisioned.expiry_month,
    token_expiry_year: provisioned.expiry_year,
    scheme_reference: provisioned.scheme_reference ?? null,
    pan_ct: deps.cipher.encrypt(pan, `network_tokens:${id}:pan`),
    holder_ct: input.card.cardholder_name !== undefined ? deps.cipher.encrypt(input.card.cardholder_name, `network_tokens:${id}:holder`) : null,
    bin: pan.slice(0, 6),
    last4: pan.slice(-4),
    pan_length: pan.length,
    scheme: input.card.scheme,
    expiry_month: input.card.expiry_month,
    expiry_year: input.card.expiry_year,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    session_id: input.sessionId ?? null,
    owner: input.owner,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Provisions at the provider, then records the token (inside `record`, e.g. the session's
 * completion transaction). If recording fails, the provider's token is deleted again so no
 * orphan stays live at the scheme.
 */
export async function provisionNetworkToken(
  deps: VaultDeps,
  input: NewNetworkToken,
  record: (row: NetworkTokensTable) => Promise<void> = (row) => insertNetworkToken(deps.db, row),
): Promise<NetworkTokensTable> {
  const scheme = requireNetworkScheme(input.card.scheme, '$.source.account_number');
  const provisioned = await callProvider(deps, (signal) => deps.tokenServiceProvider.provision({ ...input.card, scheme }, signal));
  const row = buildNetworkTokenRow(deps, input, provisioned);
  try {
    await record(row);
  } catch (error) {
    await callProvider(deps, (signal) => deps.tokenServiceProvider.delete(provisioned.ref, signal)).catch(() => undefined);
    throw error;
  }
  return row;
}

export async function insertNetworkToken(db: Kysely<Database> | Transaction<Database>, row: NetworkTokensTable): Promise<void> {
  await db.insertInto('network_tokens').values(row).execute();
}

export function toNetworkTokenView(deps: VaultDeps, row: NetworkTokensTable): NetworkTokenView {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    card: {
      ...(row.holder_ct !== null ? { cardholder_name: deps.cipher.decrypt(row.holder_ct, `network_tokens:${row.id}:holder`) } : {}),
      expiry_month: row.expiry_month,
      expiry_year: row.expiry_year,
      masked_account_number: maskPan(row.bin, row.last4, row.pan_length),
      scheme: row.scheme as Scheme,
    },
    network_token: {
      status: row.status as NetworkTokenStatus,
      type: row.type,
      expiry_month: row.token_expiry_month,
      expiry_year: row.token_expiry_year,
      ...(row.scheme_reference !== null ? { scheme_reference: row.scheme_reference } : {}),
    },
    ...(row.pci_token_id !== null ? { pci_token_id: row.pci_token_id } : {}),
    ...(row.metadata !== null ? { metadata: JSON.parse(row.metadata) as Record<string, string> } : {}),
  };
}

export async function findNetworkToken(deps: VaultDeps, id: string): Promise<NetworkTokensTable | undefined> {
  return deps.db.selectFrom('network_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Keyset pagination by id, as for PCI tokens (ADR 0004). */
export async function listNetworkTokens(deps: VaultDeps, limit: number, after: string | undefined) {
  let query = deps.db
    .selectFrom('network_tokens')
    .selectAll()
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where('id', '>', after);
  const rows = await query.execute();
  return { page: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Deletes at the provider first (a token the scheme already forgot is fine), then here. */
export async function deleteNetworkToken(deps: VaultDeps, row: NetworkTokensTable): Promise<void> {
  if (row.status !== 'deleted') {
    try {
      await callProvider(deps, (signal) => deps.tokenServiceProvider.delete(row.provider_ref, signal));
    } catch (error) {
      if (!(error instanceof ApiError) || error.statusCode !== 404) throw error;
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('network_cryptograms').where('network_token_id', '=', row.id).execute();
    await trx.deleteFrom('network_tokens').where('id', '=', row.id).execute();
  });
}

/**
 * A lifecycle notification from the provider: the new status (and card or token expiry) is
 * recorded and `network.token.updated` enqueued in one transaction, so the webhook fires if and
 * only if the change was committed.
 */
export async function applyLifecycleEvent(deps: VaultDeps, event: LifecycleEvent): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('network_tokens')
      .select('id')
      .where('provider', '=', deps.tokenServiceProvider.name)
      .where('provider_ref', '=', event.ref)
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .updateTable('network_tokens')
      .set({
        status: event.status,
        updated_at: now,
        ...(event.card ? { expiry_month: event.card.expiry_month, expiry_year: event.card.expiry_year } : {}),
        ...(event.token ? { token_expiry_month: event.token.expiry_month, token_expiry_year: event.token.expiry_year } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await enqueueEvents(trx, now, 'network.token.updated', [
      { reason: event.reason, related_object: { id: row.id, url: `${deps.publicUrl}/api/network/tokens/${row.id}` } },
    ]);
    return true;
  });
}

/** How long a `reference`-mode cryptogram can be used (once) by the forward route. */
export const CRYPTOGRAM_REFERENCE_TTL_MS = 10 * 60 * 1000;

export async function requestCryptogram(deps: VaultDeps, row: NetworkTokensTable, amount: number, currency: string): Promise<Cryptogram> {
  if (row.status !== 'active') throw new ApiError(409, 'NETWORK_TOKEN_NOT_ACTIVE', `The network token is ${row.status}`);
  return callProvider(deps, (signal) => deps.tokenServiceProvider.cryptogram(row.provider_ref, { amount, currency }, signal));
}

/** Stores the cryptogram encrypted under a fresh reference the forward route can use once. */
export async function storeCryptogramReference(deps: VaultDeps, row: NetworkTokensTable, cryptogram: Cryptogram, owner: string): Promise<string> {
  const id = randomUUID();
  const now = deps.now();
  await deps.db
    .insertInto('network_cryptograms')
    .values({
      id,
      network_token_id: row.id,
      payload_ct: deps.cipher.encrypt(JSON.stringify(cryptogram), `network_cryptograms:${id}:payload`),
      owner,
      created_at: now,
      expires_at: now + CRYPTOGRAM_REFERENCE_TTL_MS,
      used_at: null,
    })
    .execute();
  return id;
}

/** The reference's cryptogram if it is still usable, without using it (to check placeholders first). */
export async function peekCryptogramReference(deps: VaultDeps, networkTokenId: string, reference: string): Promise<Cryptogram | undefined> {
  const row = await deps.db
    .selectFrom('network_cryptograms')
    .select('payload_ct')
    .where('id', '=', reference)
    .where('network_token_id', '=', networkTokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', deps.now())
    .executeTakeFirst();
  return row ? (JSON.parse(deps.cipher.decrypt(row.payload_ct, `network_cryptograms:${reference}:payload`)) as Cryptogram) : undefined;
}

/** Marks the reference used (only one caller can) and returns its cryptogram, or undefined. */
export async function consumeCryptogramReference(deps: VaultDeps, networkTokenId: string, reference: string): Promise<Cryptogram | undefined> {
  const now = deps.now();
  const won = await deps.db
    .updateTable('network_cryptograms')
    .set({ used_at: now })
    .where('id', '=', reference)
    .where('network_token_id', '=', networkTokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (won.numUpdatedRows !== 1n) return undefined;
  const row = await deps.db.selectFrom('network_cryptograms').select('payload_ct').where('id', '=', reference).executeTakeFirstOrThrow();
  return JSON.parse(deps.cipher.decrypt(row.payload_ct, `network_cryptograms:${reference}:payload`)) as Cryptogram;
}

/** Removes used and expired cryptogram references. */
export async function sweepNetworkCryptograms(deps: VaultDeps): Promise<number> {
  const result = await deps.db.deleteFrom('network_cryptograms').where('expires_at', '<=', deps.now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
