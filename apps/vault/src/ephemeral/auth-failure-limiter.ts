import { createRedisClient } from './redis-client.ts';

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

/** The most client windows one process holds (memory limiter and the Redis fallback alike). */
export const MAX_LOCAL_WINDOWS = 50_000;

const secondsLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

export function createMemoryAuthFailureLimiter(policy: AuthFailurePolicy = DEFAULT_AUTH_FAILURE_POLICY, now: () => number = Date.now): AuthFailureLimiter {
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
      // Bound the memory an address-rotating attacker can make us hold: drop lapsed windows first,
      // then the oldest (Map order is insertion order), so the map never passes the bound.
      if (windows.size >= MAX_LOCAL_WINDOWS) for (const key of windows.keys()) current(key);
      for (const key of windows.keys()) {
        if (windows.size < MAX_LOCAL_WINDOWS) break;
        windows.delete(key);
      }
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
  // Short: this sits on every authenticated request; a slow answer is treated as no answer.
  const redis = createRedisClient(url, { commandTimeoutMs: 250 });
  const windowMs = policy.windowSeconds * 1000;
  const replies = (results: [Error | null, unknown][] | null): unknown[] =>
    (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
  return {
    async retryAfter(client) {
      const [count, ttl] = replies(
        await redis
          .multi()
          .get(prefix + client)
          .pttl(prefix + client)
          .exec(),
      );
      return Number(count ?? 0) >= policy.maxFailures && Number(ttl) > 0 ? secondsLeft(Number(ttl)) : 0;
    },
    async recordFailure(client) {
      const key = prefix + client;
      const [, count, ttl] = replies(await redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).pttl(key).exec());
      return Number(count) >= policy.maxFailures ? secondsLeft(Number(ttl) > 0 ? Number(ttl) : windowMs) : 0;
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export interface FailOpenOptions {
  /** After a failure, Redis is left alone for this long before it is tried again (default 2 s). */
  retryMs?: number;
  /** Called once when the shared limiter fails and once when it answers again. */
  onStateChange?: (state: 'local' | 'shared', error?: Error) => void;
  now?: () => number;
}

/**
 * Authentication must not depend on Redis. While `shared` fails or stalls, failures are counted in
 * `local` (per process, bounded by {@link MAX_LOCAL_WINDOWS}) instead: the limit still holds per
 * process, so an attacker gains at most a factor of the process count for the length of the
 * outage, while every legitimate request keeps authenticating. Redis is retried every `retryMs`.
 */
export function failOpenAuthFailureLimiter(shared: AuthFailureLimiter, local: AuthFailureLimiter, options: FailOpenOptions = {}): AuthFailureLimiter {
  const retryMs = options.retryMs ?? 2000;
  const now = options.now ?? Date.now;
  let localUntil = 0;
  let usingLocal = false;
  async function call(use: (limiter: AuthFailureLimiter) => Promise<number>): Promise<number> {
    if (now() < localUntil) return use(local);
    try {
      const result = await use(shared);
      if (usingLocal) {
        usingLocal = false;
        options.onStateChange?.('shared');
      }
      return result;
    } catch (error) {
      localUntil = now() + retryMs;
      if (!usingLocal) {
        usingLocal = true;
        options.onStateChange?.('local', error as Error);
      }
      return use(local);
    }
  }
  return {
    retryAfter: (client) => call((limiter) => limiter.retryAfter(client)),
    recordFailure: (client) => call((limiter) => limiter.recordFailure(client)),
    async close() {
      await Promise.all([shared.close(), local.close()]);
    },
  };
}

export interface SharedFailureLimiterOptions extends FailOpenOptions {
  /** Redis key prefix, one per limit (default: failed authentications'). */
  prefix?: string;
}

/**
 * A failure limit shared through Redis that fails open to a bounded count in this process, as every
 * Redis-backed limit in the vault runs (failed authentications, failed session completions): neither
 * may turn a Redis outage into refused or failed requests.
 */
export function createSharedFailureLimiter(url: string, policy: AuthFailurePolicy, options: SharedFailureLimiterOptions = {}): AuthFailureLimiter {
  return failOpenAuthFailureLimiter(createRedisAuthFailureLimiter(url, policy, options.prefix), createMemoryAuthFailureLimiter(policy, options.now), options);
}
