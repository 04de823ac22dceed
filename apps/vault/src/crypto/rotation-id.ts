import { createHash } from 'node:crypto';

/**
 * A rotation id in UUID form derived from what the rotation is, so processes that create the same
 * rotation at once (a restart of several processes, two sweeps adopting one key version) insert
 * one row: the primary key keeps the second out.
 */
export function rotationId(what: string): string {
  const h = createHash('sha256').update(`cardframe/rotation:${what}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
