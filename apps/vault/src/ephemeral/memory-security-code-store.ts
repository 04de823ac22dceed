import { DependencyError } from '../http/dependency-errors.ts';
import type { SecurityCodeStore } from './security-code-store.ts';

export interface MemoryStoreLimits {
  /** Most codes held at once (default 200,000). */
  maxEntries: number;
  /** Most bytes held at once, by the estimate below (default 64 MiB). */
  maxBytes: number;
}

export const DEFAULT_MEMORY_STORE_LIMITS: MemoryStoreLimits = { maxEntries: 200_000, maxBytes: 64 * 1024 * 1024 };

/**
 * What one entry costs the heap beyond its two strings: the Map slot, the entry object and the
 * string headers (measured by the bench row "memory per 100k CVCs"; see apps/vault/README.md).
 */
const ENTRY_OVERHEAD_BYTES = 200;

const flat = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

export type MemorySecurityCodeStore = SecurityCodeStore & {
  /** Drops every expired entry now; returns how many. */
  sweep(): number;
  /** Drops expired entries from the oldest end (cheap; the server runs it every second). */
  evictExpired(): void;
  readonly size: number;
  readonly bytes: number;
};

/**
 * The single-process default, bounded in entries and bytes. Expired entries are never returned;
 * they are dropped on read, before every put (oldest first: with one TTL, Map order is expiry
 * order) and by `sweep()`. When live codes fill the bounds, `put` refuses with a
 * {@link DependencyError} (a 503 that says the store is full) rather than growing the heap until
 * the process dies. A process restart forgets every code, which is the point.
 */
export function createMemorySecurityCodeStore(now: () => number = Date.now, limits: MemoryStoreLimits = DEFAULT_MEMORY_STORE_LIMITS): MemorySecurityCodeStore {
  const entries = new Map<string, { value: string; expiresAt: number; bytes: number }>();
  let bytes = 0;
  const remove = (tokenId: string) => {
    const entry = entries.get(tokenId);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(tokenId);
  };
  const evictExpiredFront = () => {
    const t = now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt > t) break;
      remove(id);
    }
  };
  return {
    async put(tokenId, value, ttlSeconds) {
      evictExpiredFront();
      remove(tokenId);
      const size = tokenId.length + value.length + ENTRY_OVERHEAD_BYTES;
      if (entries.size + 1 > limits.maxEntries || bytes + size > limits.maxBytes) {
        throw new DependencyError('security-code-capacity');
      }
      // randomUUID() and string concatenation build rope strings (a cell per piece): kept as a Map
      // key, a token id costs ~500 bytes instead of ~60. A flat copy is kept instead.
      entries.set(flat(tokenId), { value: flat(value), expiresAt: now() + ttlSeconds * 1000, bytes: size });
      bytes += size;
    },
    async get(tokenId) {
      const entry = entries.get(tokenId);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        remove(tokenId);
        return undefined;
      }
      return entry.value;
    },
    async take(tokenId) {
      const value = await this.get(tokenId);
      entries.delete(tokenId);
      return value;
    },
    async delete(tokenId) {
      remove(tokenId);
    },
    async ping() {},
    async close() {
      entries.clear();
      bytes = 0;
    },
    sweep() {
      let removed = 0;
      const t = now();
      for (const [id, entry] of entries) {
        if (entry.expiresAt <= t) {
          remove(id);
          removed++;
        }
      }
      return removed;
    },
    evictExpired: evictExpiredFront,
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
