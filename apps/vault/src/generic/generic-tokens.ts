import { randomUUID } from 'node:crypto';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { GenericTokensTable } from '../storage/extras-tables.ts';

/** What any read returns: never the payload (digest §4, G3). */
export interface GenericTokenView {
  id: string;
  created_at: string;
  expires_at?: string;
  metadata?: Record<string, string>;
}

export interface NewGenericToken {
  payload: Record<string, string>;
  typeId?: string | undefined;
  metadata?: Record<string, string> | undefined;
  expiresInSeconds?: number | undefined;
  owner: string;
}

const payloadAad = (id: string) => `generic_tokens:${id}:payload`;

export function toGenericTokenView(row: GenericTokensTable): GenericTokenView {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    ...(row.expires_at !== null ? { expires_at: new Date(row.expires_at).toISOString() } : {}),
    ...(row.metadata !== null ? { metadata: JSON.parse(row.metadata) as Record<string, string> } : {}),
  };
}

/** Encrypts the payload under its own key, bound to the new row's id, and stores the row. */
export async function createGenericToken(deps: VaultDeps, input: NewGenericToken): Promise<GenericTokensTable> {
  const id = randomUUID();
  const now = deps.now();
  const row: GenericTokensTable = {
    id,
    payload_ct: deps.genericCipher.encrypt(JSON.stringify(input.payload), payloadAad(id)),
    type_id: input.typeId ?? null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    owner: input.owner,
    created_at: now,
    expires_at: input.expiresInSeconds ? now + input.expiresInSeconds * 1000 : null,
  };
  await deps.db.insertInto('generic_tokens').values(row).execute();
  return row;
}

/** The clear payload, for in-process consumers (no HTTP route returns it). */
export function readGenericPayload(deps: VaultDeps, row: GenericTokensTable): Record<string, string> {
  return JSON.parse(deps.genericCipher.decrypt(row.payload_ct, payloadAad(row.id))) as Record<string, string>;
}

/** A live token: expired rows are invisible before the sweeper removes them. */
export async function findGenericToken(deps: VaultDeps, id: string): Promise<GenericTokensTable | undefined> {
  return deps.db
    .selectFrom('generic_tokens')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', deps.now())]))
    .executeTakeFirst();
}

/** Keyset pagination by id, as for PCI tokens; `typeId` narrows to one type. */
export async function listGenericTokens(deps: VaultDeps, limit: number, after: string | undefined, typeId: string | undefined) {
  let query = deps.db
    .selectFrom('generic_tokens')
    .selectAll()
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', deps.now())]))
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where('id', '>', after);
  if (typeId) query = query.where('type_id', '=', typeId);
  const rows = await query.execute();
  return { page: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function deleteGenericToken(deps: VaultDeps, id: string): Promise<boolean> {
  const row = await findGenericToken(deps, id);
  if (!row) return false;
  await deps.db.deleteFrom('generic_tokens').where('id', '=', id).execute();
  return true;
}
