import { Redis } from 'ioredis';

/**
 * Limits failed authentications per client (PCI DSS 8.3.4: invalid authentication attempts are
 * limited). A fixed window per client address: after `maxFailures` failures within
 * `windowSeconds`, every authenticated request from that address is refused with 429 until
 * the window ends, so further guesses are not even checked. Successes are never counted.
 * Memory by default; Redis when several vault processes must share the count.
 */
export interface AuthFailureLimiter {
  /** Seconds until the client may authenticate again; 0 when it may now. */
  retryAfter(client: string): Promise<number>;
  /** Counts one failure; returns the seconds to wait if that failure crossed the limit, else 0. */
  recordFailure(client: string): Promise<number>;
  close(): Promise<void>;
}

export interface AuthFailurePolicy {
  maxFailures: number;
  windowSeconds: number;
}

export const DEFAULT_AUTH_FAILURE_POLICY: AuthFailurePolicy = { maxFailures: 30, windowSeconds: 60 };

const secondsLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export function createMemoryAuthFailureLimiter(
  policy: AuthFailurePolicy = DEFAULT_AUTH_FAILURE_POLICY,
  now: () => number = Date.now,
): AuthFailureLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (client: string) => {
    const entry = windows.get(client);
    if (entry && entry.resetAt <= now()) {
      windows.delete(client);
      return undefined;
    }
    return entry;
  };
  return {
    async retryAfter(client) {
      const entry = current(client);
      return entry && entry.count >= policy.maxFailures ? secondsLeft(entry.resetAt - now()) : 0;
    },
    async recordFailure(client) {
      // Bound the memory an address-rotating attacker can make us hold: drop lapsed windows first.
      if (windows.size > 50_000) for (const key of windows.keys()) current(key);
      const entry = current(client) ?? { count: 0, resetAt: now() + policy.windowSeconds * 1000 };
      entry.count += 1;
      windows.set(client, entry);
      return entry.count >= policy.maxFailures ? secondsLeft(entry.resetAt - now()) : 0;
    },
    async close() {
      windows.clear();
    },
  };
}

/** The same window in Redis: the first failure opens it (SET NX PX), each failure INCRs it, in one MULTI. */
export function createRedisAuthFailureLimiter(
  url: string,
  policy: AuthFailurePolicy = DEFAULT_AUTH_FAILURE_POLICY,
  prefix = 'cardframe:authfail:',
): AuthFailureLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  const windowMs = policy.windowSeconds * 1000;
  const replies = (results: [Error | null, unknown][] | null): unknown[] =>
    (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  return {
    async retryAfter(client) {
      const [count, ttl] = replies(await redis.multi().get(prefix + client).pttl(prefix + client).exec());
      return Number(count ?? 0) >= policy.maxFailures && Number(ttl) > 0 ? secondsLeft(Number(ttl)) : 0;
    },
    async recordFailure(client) {
      const key = prefix + client;
      const [, count, ttl] = replies(await redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).pttl(key).exec());
      return Number(count) >= policy.maxFailures ? secondsLeft(Number(ttl) > 0 ? Number(ttl) : windowMs) : 0;
    },
    async close() {
      await redis.quit();
    },
  };
}
