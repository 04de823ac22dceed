import type { ApiKeysTable } from '../storage/database.ts';
import type { Scope } from './scopes.ts';

/**
 * How long a verified API key is trusted without reading its row again. This is the bound on how
 * late another vault process over the same database notices a revocation or a scope change; the
 * process that makes the change drops its own entries at once (see `invalidate`). Expiry needs no
 * bound: it is checked against the clock on every hit.
 */
export const API_KEY_CACHE_TTL_MS = 1000;

const MAX_ENTRIES = 10_000;

export interface CachedApiKey {
  row: ApiKeysTable;
  scopes: ReadonlySet<Scope>;
  verifiedAt: number;
}

/**
 * Verified API keys of one vault app, keyed by the SHA-256 of the whole presented key (never the
 * key itself). Only successful verifications are cached, so an unknown key always reads the table.
 */
export interface ApiKeyCache {
  get(secretHash: string, now: number): CachedApiKey | undefined;
  /** Taken before reading the row; `set` with a stale epoch is dropped (an invalidation ran meanwhile). */
  epoch(): number;
  set(secretHash: string, row: ApiKeysTable, epoch: number, now: number): CachedApiKey;
  /** Called after a key's row changed or was deleted in this process. */
  invalidate(id: string): void;
}

export function createApiKeyCache(ttlMs: number = API_KEY_CACHE_TTL_MS): ApiKeyCache {
  const entries = new Map<string, CachedApiKey>();
  let epoch = 0;
  return {
    get(secretHash, now) {
      const entry = entries.get(secretHash);
      if (!entry) return undefined;
      const expired = entry.row.expires_at !== null && entry.row.expires_at <= now;
      // A clock moved backwards also forces a re-read.
      if (expired || now - entry.verifiedAt >= ttlMs || now < entry.verifiedAt) {
        entries.delete(secretHash);
        return undefined;
      }
      return entry;
    },
    epoch: () => epoch,
    set(secretHash, row, readEpoch, now) {
      const entry = { row, scopes: new Set(JSON.parse(row.scopes) as Scope[]), verifiedAt: now };
      if (readEpoch !== epoch) return entry;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(secretHash, entry);
      return entry;
    },
    invalidate(id) {
      epoch++;
      for (const [hash, entry] of entries) if (entry.row.id === id) entries.delete(hash);
    },
  };
}

const perApp = new WeakMap<object, ApiKeyCache>();

/**
 * The cache belonging to one set of vault dependencies (one app, i.e. one process in
 * production; tests build several apps to stand in for several processes).
 */
export function apiKeyCacheOf(deps: object): ApiKeyCache {
  let cache = perApp.get(deps);
  if (!cache) {
    cache = createApiKeyCache();
    perApp.set(deps, cache);
  }
  return cache;
}
