import { hash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ApiKeysTable } from '../storage/database.ts';
import { apiKeyCacheOf, type CachedApiKey } from './api-key-cache.ts';
import type { Scope } from './scopes.ts';
import type { VaultDeps } from './vault-deps.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOOKUP_LENGTH = 12;
/** 12 lookup + 32 secret characters: ~190 bits of entropy after the `key_` prefix. */
const KEY_LENGTH = 44;

const DUMMY_HASH = hashSecretOnce();

function hashSecretOnce(): string {
  return hash('sha256', 'cardframe-dummy-api-key', 'hex');
}

export interface ApiKeyView {
  id: string;
  created_at: string;
  expires_at?: string;
  masked_key_value: string;
  scopes: Scope[];
}

function base62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(62)];
  return out;
}

/** A fast hash is right for a high-entropy secret; no password stretching is needed. */
/** One-shot `crypto.hash` (no Hash object): this runs on every authenticated request. */
export function hashSecret(value: string): string {
  return hash('sha256', value, 'hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function toApiKeyView(row: ApiKeysTable): ApiKeyView {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    ...(row.expires_at !== null ? { expires_at: new Date(row.expires_at).toISOString() } : {}),
    masked_key_value: row.masked,
    scopes: JSON.parse(row.scopes) as Scope[],
  };
}

/** Creates a key; the plaintext exists only in the returned `key_value`. */
export async function createApiKey(deps: VaultDeps, scopes: Scope[], expiresIn: number | undefined) {
  const body = base62(KEY_LENGTH);
  const keyValue = `key_${body}`;
  const now = deps.now();
  const row: ApiKeysTable = {
    id: randomUUID(),
    lookup: body.slice(0, LOOKUP_LENGTH),
    secret_hash: hashSecret(keyValue),
    masked: `key_${body.slice(0, 3)}xxxx`,
    scopes: JSON.stringify([...new Set(scopes)]),
    created_at: now,
    expires_at: expiresIn ? now + expiresIn * 1000 : null,
  };
  await deps.db.insertInto('api_keys').values(row).execute();
  return { ...toApiKeyView(row), key_value: keyValue };
}

const liveKey = (deps: VaultDeps) => (eb: any) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', deps.now())]);

export async function findApiKey(deps: VaultDeps, id: string) {
  return deps.db.selectFrom('api_keys').selectAll().where('id', '=', id).where(liveKey(deps)).executeTakeFirst();
}

export async function listApiKeys(deps: VaultDeps, limit: number, after: string | undefined) {
  let q = deps.db
    .selectFrom('api_keys')
    .selectAll()
    .where(liveKey(deps))
    .orderBy('id')
    .limit(limit + 1);
  if (after) q = q.where('id', '>', after);
  const rows = await q.execute();
  return { page: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function updateApiKeyScopes(deps: VaultDeps, id: string, scopes: Scope[]) {
  const res = await deps.db
    .updateTable('api_keys')
    .set({ scopes: JSON.stringify([...new Set(scopes)]) })
    .where('id', '=', id)
    .where(liveKey(deps))
    .executeTakeFirst();
  // The next request in this process must see the new scopes, not a cached verification.
  apiKeyCacheOf(deps).invalidate(id);
  return res.numUpdatedRows === 1n ? findApiKey(deps, id) : undefined;
}

export async function deleteApiKey(deps: VaultDeps, id: string): Promise<boolean> {
  const res = await deps.db.deleteFrom('api_keys').where('id', '=', id).where(liveKey(deps)).executeTakeFirst();
  apiKeyCacheOf(deps).invalidate(id);
  return res.numDeletedRows === 1n;
}

/**
 * Resolves an `x-api-key` to its live row and scopes. Unknown, malformed and expired keys all
 * yield undefined. A successful verification is reused for up to API_KEY_CACHE_TTL_MS (see
 * api-key-cache.ts for why revocation still takes effect at once in this process).
 */
export async function verifyApiKey(deps: VaultDeps, keyValue: string): Promise<CachedApiKey | undefined> {
  if (!/^key_[0-9A-Za-z]{44}$/.test(keyValue)) return undefined;
  const presented = hashSecret(keyValue);
  const cache = apiKeyCacheOf(deps);
  const now = deps.now();
  const hit = cache.get(presented, now);
  if (hit) return hit;
  const epoch = cache.epoch();
  const row = await deps.db
    .selectFrom('api_keys')
    .selectAll()
    .where('lookup', '=', keyValue.slice(4, 4 + LOOKUP_LENGTH))
    .executeTakeFirst();
  // Hash and compare even when the lookup misses, so "unknown prefix" costs what "wrong secret" does.
  const matches = sameHash(row?.secret_hash ?? DUMMY_HASH, presented);
  if (!row || !matches) return undefined;
  if (row.expires_at !== null && row.expires_at <= deps.now()) return undefined;
  // Trusted from the time the read started, not from when it finished.
  return cache.set(presented, row, epoch, now);
}
