import { randomUUID } from 'node:crypto';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { appendToChain, type AuditEventInput } from './audit-chain.ts';

const queues = new WeakMap<object, Promise<unknown>>();
const heads = new WeakMap<object, { seq: number; hash: string }>();

/**
 * Records an audit event (issue 13 §3). Appends from one process are queued, so they do not race
 * each other for the head of the chain; processes over one database still race, and `seq`
 * settles that (audit-chain.ts).
 */
export function recordAudit(deps: VaultDeps, input: AuditEventInput): Promise<void> {
  const previous = queues.get(deps.db) ?? Promise.resolve();
  const append = async () => {
    // A stale guess (another process appended) only costs the conflict and a re-read.
    const row = await appendToChain(deps.db, randomUUID(), deps.now(), input, heads.get(deps.db)).catch((error: unknown) => {
      heads.delete(deps.db);
      throw error;
    });
    heads.set(deps.db, { seq: Number(row.seq), hash: row.hash });
  };
  const next = previous.then(append, append);
  queues.set(
    deps.db,
    next.catch(() => undefined),
  );
  return next.then(() => undefined);
}
