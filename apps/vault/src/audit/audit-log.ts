import { randomUUID } from 'node:crypto';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { appendToChain, type AuditEventInput } from './audit-chain.ts';

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Records an audit event (issue 13 §3). Appends from one process are queued, so they do not race
 * each other for the head of the chain; processes over one database still race, and `seq`
 * settles that (audit-chain.ts).
 */
export function recordAudit(deps: VaultDeps, input: AuditEventInput): Promise<void> {
  const previous = queues.get(deps.db) ?? Promise.resolve();
  const next = previous.then(
    () => appendToChain(deps.db, randomUUID(), deps.now(), input),
    () => appendToChain(deps.db, randomUUID(), deps.now(), input),
  );
  queues.set(deps.db, next.catch(() => undefined));
  return next.then(() => undefined);
}
