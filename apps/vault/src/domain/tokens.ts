import { randomUUID } from 'node:crypto';
import type { Scheme } from '@cardframe/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { Database, TokensTable } from '../storage/database.ts';
import { atomically } from '../storage/atomically.ts';
import { preparedQuery } from '../storage/prepared-query.ts';
import type { VaultDeps } from './vault-deps.ts';

export interface TokenView {
  id: string;
  card: {
    cardholder_name?: string;
    expiry_month: number;
    expiry_year: number;
    masked_account_number: string;
    scheme: Scheme;
  };
  created_at: string;
  expires_at?: string;
  metadata?: Record<string, string>;
}

export interface NewCard {
  account_number: string;
  expiry_month: number;
  expiry_year: number;
  cardholder_name?: string | undefined;
  scheme: Scheme;
}

export interface NewToken {
  card: NewCard;
  metadata?: Record<string, string> | undefined;
  expiresInSeconds?: number | undefined;
  sessionId?: string | undefined;
  owner: string;
  hasSecurityCode: boolean;
}

/** First 6 + last 4, as the seed shows (`411111******1111`). */
export function maskPan(bin: string, last4: string, length: number): string {
  return `${bin}${'*'.repeat(length - 10)}${last4}`;
}

/** Encrypts the card into a row; the caller inserts it (possibly inside its own transaction). */
export function buildTokenRow(deps: VaultDeps, input: NewToken): TokensTable {
  const id = randomUUID();
  const now = deps.now();
  const pan = input.card.account_number;
  return {
    id,
    pan_ct: deps.cipher.encrypt(pan, `tokens:${id}:pan`),
    holder_ct: input.card.cardholder_name !== undefined ? deps.cipher.encrypt(input.card.cardholder_name, `tokens:${id}:holder`) : null,
    fingerprint: deps.fingerprint(pan),
    bin: pan.slice(0, 6),
    last4: pan.slice(-4),
    pan_length: pan.length,
    scheme: input.card.scheme,
    expiry_month: input.card.expiry_month,
    expiry_year: input.card.expiry_year,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    created_at: now,
    expires_at: input.expiresInSeconds ? now + input.expiresInSeconds * 1000 : null,
    security_code_expires_at: input.hasSecurityCode ? now + deps.securityCodeTtlSeconds * 1000 : null,
    session_id: input.sessionId ?? null,
    owner: input.owner,
  };
}

const TOKEN_COLUMNS = [
  'id',
  'pan_ct',
  'holder_ct',
  'fingerprint',
  'bin',
  'last4',
  'pan_length',
  'scheme',
  'expiry_month',
  'expiry_year',
  'metadata',
  'created_at',
  'expires_at',
  'security_code_expires_at',
  'session_id',
  'owner',
] as const satisfies readonly (keyof TokensTable)[];

const insertTokenQuery = preparedQuery(TOKEN_COLUMNS.length, (db, ...values: unknown[]) =>
  db.insertInto('tokens').values(Object.fromEntries(TOKEN_COLUMNS.map((column, i) => [column, values[i]])) as unknown as TokensTable),
);

/** Inserts a built row; `executor` may be a transaction on `db` (session completion). */
export async function insertToken(db: Kysely<Database>, row: TokensTable, executor: Kysely<Database> | Transaction<Database> = db): Promise<void> {
  await insertTokenQuery.run(
    db,
    TOKEN_COLUMNS.map((column) => row[column]),
    executor,
  );
}

export function toTokenView(deps: VaultDeps, row: TokensTable): TokenView {
  return {
    id: row.id,
    card: {
      ...(row.holder_ct !== null ? { cardholder_name: deps.cipher.decrypt(row.holder_ct, `tokens:${row.id}:holder`) } : {}),
      expiry_month: row.expiry_month,
      expiry_year: row.expiry_year,
      masked_account_number: maskPan(row.bin, row.last4, row.pan_length),
      scheme: row.scheme as Scheme,
    },
    created_at: new Date(row.created_at).toISOString(),
    ...(row.expires_at !== null ? { expires_at: new Date(row.expires_at).toISOString() } : {}),
    ...(row.metadata !== null ? { metadata: JSON.parse(row.metadata) as Record<string, string> } : {}),
  };
}

/** A live token: expired rows are invisible even before the sweeper deletes them. */
export async function findToken(deps: VaultDeps, id: string): Promise<TokensTable | undefined> {
  return (await findTokenQuery.run(deps.db, [id, deps.now()])).rows[0];
}

const findTokenQuery = preparedQuery(2, (db, id: string, now: number) =>
  db
    .selectFrom('tokens')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])),
);

/** Keyset pagination by id: stable under concurrent deletes (see README, "links.next"). */
export async function listTokens(deps: VaultDeps, limit: number, after: string | undefined) {
  let query = deps.db
    .selectFrom('tokens')
    .selectAll()
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', deps.now())]))
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where('id', '>', after);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return { page, hasMore: rows.length > limit };
}

/** All or nothing: if the CVC cannot be deleted (store down: 503), the token stays too, and a retry does both. */
export async function deleteToken(deps: VaultDeps, id: string): Promise<boolean> {
  const row = await findToken(deps, id);
  if (!row) return false;
  await atomically(deps.db, async (trx) => {
    await trx.deleteFrom('tokens').where('id', '=', id).execute();
    await deps.securityCodes.delete(id);
  });
  return true;
}
