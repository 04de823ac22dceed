import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from '../storage/database.ts';

/** The hash before the first event. */
export const GENESIS = '0'.repeat(64);

export type AuditOutcome = 'success' | 'failure';

/** One audit event as the caller describes it: who, from where, what, on which resource, how it ended. */
export interface AuditEventInput {
  /** API key id, `admin`, `session` (the shopper's frame) or `anonymous`: never a secret. */
  actor: string;
  /** The real client address (CARDFRAME_TRUST_PROXY). */
  client: string;
  action: string;
  resource?: string | undefined;
  outcome: AuditOutcome;
  /** Non-secret facts (a forward's destination, granted scopes); never card data or credentials. */
  detail?: Record<string, unknown> | undefined;
}

/** The chain link: SHA-256 over the previous hash and every stored field, in a fixed order. */
export function linkHash(event: Omit<AuditEventsTable, 'hash'>): string {
  const fields = [event.seq, event.id, event.at, event.actor, event.client, event.action, event.resource, event.outcome, event.detail, event.prev_hash];
  return hash('sha256', JSON.stringify(fields), 'hex');
}

const isConflict = (error: unknown) => /unique|duplicate/i.test(String((error as Error)?.message));

/**
 * Appends one event at the head of the chain. Processes race only on `seq` (the primary key): the
 * loser of a race re-reads the head and tries again, so the chain stays one line. One INSERT is the
 * whole write, so a crash leaves either the event or nothing, never a broken link.
 */
export async function appendToChain(
  db: Kysely<Database>,
  id: string,
  at: number,
  input: AuditEventInput,
  /** The head this process wrote last: saves the read when no other process appended since (a wrong guess costs one retry). */
  knownHead?: { seq: number; hash: string },
): Promise<AuditEventsTable> {
  let guess = knownHead;
  for (let attempt = 0; ; attempt++) {
    const head = guess ?? (await db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst());
    guess = undefined;
    const row: Omit<AuditEventsTable, 'hash'> = {
      seq: head ? Number(head.seq) + 1 : 1,
      id,
      at,
      actor: input.actor,
      client: input.client,
      action: input.action,
      resource: input.resource ?? null,
      outcome: input.outcome,
      detail: input.detail ? JSON.stringify(input.detail) : null,
      prev_hash: head?.hash ?? GENESIS,
    };
    const full = { ...row, hash: linkHash(row) };
    try {
      await db.insertInto('audit_events').values(full).execute();
      return full;
    } catch (error) {
      if (!isConflict(error) || attempt > 200) throw error;
    }
  }
}

export interface ChainVerdict {
  ok: boolean;
  /** Events checked (up to and including the first broken one). */
  checked: number;
  /** Hash of the last event: record it outside the vault to detect a wholesale rewrite later. */
  head: string;
  firstBroken?: { seq: number; reason: string };
}

/** Walks the chain from the first event and names the first broken link. */
export async function verifyChain(db: Kysely<Database>, pageSize = 1000): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prev = GENESIS;
  let checked = 0;
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) return { ok: true, checked, head: prev };
    for (const raw of page) {
      const row = { ...raw, seq: Number(raw.seq), at: Number(raw.at) };
      checked += 1;
      const broken = (reason: string): ChainVerdict => ({ ok: false, checked, head: prev, firstBroken: { seq: row.seq, reason } });
      if (row.seq !== expectedSeq) return { ok: false, checked, head: prev, firstBroken: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` } };
      if (row.prev_hash !== prev) return broken('its previous-hash does not match the event before it');
      const { hash: stored, ...rest } = row;
      if (linkHash(rest) !== stored) return broken('its content does not match its hash');
      prev = stored;
      expectedSeq += 1;
    }
  }
}
