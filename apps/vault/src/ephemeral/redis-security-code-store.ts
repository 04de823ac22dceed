import { DependencyError } from '../http/dependency-errors.ts';
import { createRedisClient, type RedisClientOptions } from './redis-client.ts';
import type { SecurityCodeStore } from './security-code-store.ts';

/**
 * Redis keeps codes shared between vault processes; `PX` makes Redis itself enforce the TTL.
 * Every failure (down, stalled past the command timeout) is a {@link DependencyError}: the request
 * that needs a CVC answers 503, nothing else is affected.
 */
export function createRedisSecurityCodeStore(url: string, prefix = 'cardframe:cvc:', options: RedisClientOptions = {}): SecurityCodeStore {
  const redis = createRedisClient(url, options);
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw new DependencyError('security-code-store', { cause: error });
    }
  };
  return {
    async put(tokenId, value, ttlSeconds) {
      await guarded(() => redis.set(prefix + tokenId, value, 'PX', ttlSeconds * 1000));
    },
    async get(tokenId) {
      return (await guarded(() => redis.get(prefix + tokenId))) ?? undefined;
    },
    async take(tokenId) {
      // GETDEL (Redis 6.2+) is atomic: a code forwarded by one process is gone for all.
      return (await guarded(() => redis.getdel(prefix + tokenId))) ?? undefined;
    },
    async delete(tokenId) {
      await guarded(() => redis.del(prefix + tokenId));
    },
    async ping() {
      await guarded(() => redis.ping());
    },
    async close() {
      // quit() is bounded by the command timeout; a dead Redis just gets the socket closed.
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
