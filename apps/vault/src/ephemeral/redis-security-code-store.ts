import { Redis } from 'ioredis';
import type { SecurityCodeStore } from './security-code-store.ts';

/** Redis keeps codes shared between vault processes; `PX` makes Redis itself enforce the TTL. */
export function createRedisSecurityCodeStore(url: string, prefix = 'cardframe:cvc:'): SecurityCodeStore {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return {
    async put(tokenId, value, ttlSeconds) {
      await redis.set(prefix + tokenId, value, 'PX', ttlSeconds * 1000);
    },
    async get(tokenId) {
      return (await redis.get(prefix + tokenId)) ?? undefined;
    },
    async take(tokenId) {
      // GETDEL (Redis 6.2+) is atomic: a code forwarded by one process is gone for all.
      return (await redis.getdel(prefix + tokenId)) ?? undefined;
    },
    async delete(tokenId) {
      await redis.del(prefix + tokenId);
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit();
    },
  };
}
