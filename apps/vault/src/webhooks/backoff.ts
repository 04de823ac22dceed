export interface BackoffPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Cap on the exponential growth. */
  maxMs: number;
}

/** 10 s, 20 s, 40 s … capped at 6 h: a day-long receiver outage costs about a dozen attempts. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 6 * 60 * 60 * 1000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
 * many rows spread out without ever coming back sooner than half the nominal delay.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + random() * (nominal / 2));
}
