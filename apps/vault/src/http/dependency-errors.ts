import { ApiError } from './api-error.ts';

/**
 * Seconds a client should wait before retrying when a dependency is down: long enough not to
 * hammer a restarting database, short enough that a failover costs only the requests in flight.
 */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

/** Which dependency failed, for the 503's message; every one names the cause without internals. */
export type Dependency = 'database' | 'disk' | 'security-code-store' | 'security-code-capacity';

const messages: Record<Dependency, string> = {
  database: 'The database is unavailable; retry shortly',
  disk: 'The vault cannot write: its disk is full',
  'security-code-store': 'The security-code store is unavailable; retry shortly',
  'security-code-capacity': 'The security-code store is full; retry later or create the token without a security code',
};

/** The Guardian-shaped 503 with Retry-After for an unavailable dependency. */
export function dependencyUnavailable(dependency: Dependency): ApiError {
  return new ApiError(503, 'SERVICE_UNAVAILABLE', messages[dependency], undefined, {
    'retry-after': String(DEPENDENCY_RETRY_AFTER_SECONDS),
  });
}

/** Raised by the ephemeral stores so the error handler can tell it from a bug (see security-code-vault.ts). */
export class DependencyError extends Error {
  override name = 'DependencyError';
  constructor(
    readonly dependency: Dependency,
    options?: { cause?: unknown },
  ) {
    super(messages[dependency], options);
  }
}

// Postgres SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P0x (shutdown,
// crash, cannot connect now) and 57014 (statement_timeout cancelled the query).
const PG_UNAVAILABLE = /^(08|53|57P0)/;
const NODE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const PG_CLIENT_MESSAGES =
  /Query read timeout|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;
// ioredis rejects a command with plain Errors (no code) when Redis is down or stalled: its command
// timeout, a connection closed under the command, the retry limit while reconnecting, an unwritable
// stream. Redis itself answers these while it cannot serve (loading, busy script, failover).
const REDIS_CLIENT_MESSAGES = /^(?:Command timed out|Connection is closed\.|Reached the max retries per request limit|Stream isn't writeable)/;
const REDIS_UNAVAILABLE_REPLIES = /^(?:LOADING|BUSY|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|NOREPLICAS)\b/;

/** An ioredis error that means "Redis is down or stalled", however it reached the handler. */
function redisUnavailable(e: { name?: unknown; message?: unknown }): boolean {
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_CLIENT_MESSAGES.test(message)) return true;
  return e.name === 'ReplyError' && REDIS_UNAVAILABLE_REPLIES.test(message);
}

/**
 * Names the dependency behind an error that means "down or stalled", not "the request or the
 * code is wrong"; undefined for everything else (which stays a logged 500).
 */
export function unavailableDependency(error: unknown): Dependency | undefined {
  if (error instanceof DependencyError) return error.dependency;
  const e = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (!e || typeof e !== 'object') return undefined;
  // Redis holds only the security codes and the failure counts, and the limiters fall back to memory: a
  // Redis error that reaches a request is the security-code store's, whichever call forgot to wrap it.
  if (redisUnavailable(e)) return 'security-code-store';
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC') return 'disk';
  if (code === 'SQLITE_BUSY') return 'database';
  if (PG_UNAVAILABLE.test(code) || code === '57014' || NODE_NETWORK.has(code)) return 'database';
  if (typeof e.message === 'string' && PG_CLIENT_MESSAGES.test(e.message)) return 'database';
  return undefined;
}
