import { expect, it } from 'vitest';
import { createMemoryAuthFailureLimiter, failOpenAuthFailureLimiter, MAX_LOCAL_WINDOWS, type AuthFailureLimiter } from './auth-failure-limiter.ts';

it('fails open to a per-process count while the shared limiter fails, and returns to it afterwards', async () => {
  let now = 0;
  let down = true;
  let sharedCalls = 0;
  const shared: AuthFailureLimiter = {
    async retryAfter() {
      sharedCalls++;
      if (down) throw new Error('Command timed out');
      return 0;
    },
    async recordFailure() {
      sharedCalls++;
      if (down) throw new Error('Command timed out');
      return 0;
    },
    async close() {},
  };
  const states: string[] = [];
  const limiter = failOpenAuthFailureLimiter(
    shared,
    createMemoryAuthFailureLimiter({ maxFailures: 3, windowSeconds: 60 }, () => now),
    {
      retryMs: 2000,
      now: () => now,
      onStateChange: (state) => states.push(state),
    },
  );
  expect(await limiter.retryAfter('1.2.3.4')).toBe(0);
  expect(await limiter.recordFailure('1.2.3.4')).toBe(0);
  expect(await limiter.recordFailure('1.2.3.4')).toBe(0);
  expect(await limiter.recordFailure('1.2.3.4')).toBeGreaterThan(0);
  expect(await limiter.retryAfter('1.2.3.4')).toBeGreaterThan(0);
  // Redis is not asked again until retryMs has passed: a stalled Redis costs one bounded call per 2 s.
  expect(sharedCalls).toBe(1);
  expect(states).toEqual(['local']);
  down = false;
  now += 2000;
  expect(await limiter.retryAfter('5.6.7.8')).toBe(0);
  expect(states).toEqual(['local', 'shared']);
});

it('holds at most MAX_LOCAL_WINDOWS client windows, however many addresses fail', async () => {
  const limiter = createMemoryAuthFailureLimiter({ maxFailures: 2, windowSeconds: 60 });
  for (let i = 0; i < MAX_LOCAL_WINDOWS + 10; i++) await limiter.recordFailure(`client-${i}`);
  // The newest windows are kept: the last client is still counted.
  expect(await limiter.recordFailure(`client-${MAX_LOCAL_WINDOWS + 9}`)).toBeGreaterThan(0);
});
