import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/database.ts';
import type { WebhookDeliveriesTable } from '../storage/extras-tables.ts';
import type { TinyEvent, WebhookEventType } from './webhook-events.ts';

/**
 * Writes one outbox row per subscribed webhook. Called inside the transaction that records the
 * fact the event reports, so an event exists if and only if the fact was committed.
 */
export async function enqueueEvents(
  db: Kysely<Database> | Transaction<Database>,
  now: number,
  type: WebhookEventType,
  events: readonly Omit<TinyEvent, 'type' | 'created_at' | 'id'>[],
): Promise<number> {
  if (events.length === 0) return 0;
  const hooks = (await db.selectFrom('webhooks').select(['id', 'events']).execute()).filter((h) => (JSON.parse(h.events) as string[]).includes(type));
  const rows: WebhookDeliveriesTable[] = [];
  for (const event of events) {
    const tiny: TinyEvent = { id: randomUUID(), created_at: new Date(now).toISOString(), type, ...event };
    const body = JSON.stringify(tiny);
    for (const hook of hooks) {
      rows.push({
        id: randomUUID(),
        webhook_id: hook.id,
        event_id: tiny.id,
        event_type: type,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        locked_until: null,
        last_status: null,
        created_at: now,
        finished_at: null,
      });
    }
  }
  // Chunks keep every insert under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 50))
      .execute();
  return rows.length;
}
