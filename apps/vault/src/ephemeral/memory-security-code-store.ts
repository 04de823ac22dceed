import type { SecurityCodeStore } from './security-code-store.ts';

/**
 * The single-process default. Expired entries are never returned and are dropped on read and by
 * `sweep()`; a process restart forgets every code, which is the point.
 */
export function createMemorySecurityCodeStore(now: () => number = Date.now): SecurityCodeStore & { sweep(): number } {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    async put(tokenId, value, ttlSeconds) {
      entries.set(tokenId, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async get(tokenId) {
      const entry = entries.get(tokenId);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(tokenId);
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
      entries.delete(tokenId);
    },
    async ping() {},
    async close() {
      entries.clear();
    },
    sweep() {
      let removed = 0;
      const t = now();
      for (const [id, entry] of entries) {
        if (entry.expiresAt <= t) {
          entries.delete(id);
          removed++;
        }
      }
      return removed;
    },
  };
}
