import { Redis } from 'ioredis';

export interface RedisClientOptions {
  /** Bound on one command, queued ones included (default 1000 ms). */
  commandTimeoutMs?: number;
  /** Told about connection errors; ioredis reconnects by itself (default: ignored). */
  onError?: (error: Error) => void;
}

/**
 * One Redis connection with every call bounded. A stalled or unreachable Redis turns into an error
 * within `commandTimeoutMs` (the caller answers 503 or falls back), never into a request that hangs
 * for the length of the outage. ioredis keeps reconnecting in the background, at most 1 s apart.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const redis = new Redis(url, {
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: 2000,
    // One resend after a reconnect, not twenty: the command timeout bounds the wait anyway.
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 100, 1000),
  });
  // An 'error' event without a listener is printed on every reconnect attempt; say it once per outage.
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.onError?.(error);
  });
  redis.on('ready', () => {
    down = false;
  });
  return redis;
}
