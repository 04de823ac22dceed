import type { ExpressionBuilder } from 'kysely';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { Database } from '../storage/database.ts';
import type { WebhookDeliveriesTable } from '../storage/extras-tables.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { postWebhook } from './post-webhook.ts';
import { signBody } from './sign-body.ts';
import { findWebhook, webhookKey } from './webhooks.ts';

export interface DeliveryOptions {
  /** Per request (AbortSignal.timeout). */
  timeoutMs: number;
  /** Rows claimed per run. */
  batchSize: number;
  /** After this many attempts, or this age, a row is given up ('failed'). */
  maxAttempts: number;
  maxAgeMs: number;
  backoff: BackoffPolicy;
  random: () => number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 10_000,
  batchSize: 20,
  maxAttempts: 15,
  maxAgeMs: 3 * 24 * 60 * 60 * 1000,
  backoff: DEFAULT_BACKOFF,
  random: Math.random,
};

export interface DeliveryCounts {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Claims due outbox rows with a lease and sends them. The claim is one conditional UPDATE …
 * RETURNING whose conditions are repeated outside the sub-select, so under concurrency (Postgres
 * re-checks them on the locked row; SQLite serialises writers) a row leased by one process is
 * never taken by another until the lease lapses. The lease outlives the request timeout, and a
 * process that dies mid-send leaves the row pending for the next claim: delivery is at least once.
 */
export async function deliverDueWebhooks(deps: VaultDeps, options: Partial<DeliveryOptions> = {}): Promise<DeliveryCounts> {
  const o = { ...DEFAULT_DELIVERY, ...options };
  const now = deps.now();
  const lease = now + o.timeoutMs + 30_000;
  const due = (eb: ExpressionBuilder<Database, 'webhook_deliveries'>) =>
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now), eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)])]);
  const claimed = await deps.db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ locked_until: lease, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', deps.db.selectFrom('webhook_deliveries').select('id').where(due).orderBy('next_attempt_at').limit(o.batchSize))
    .where(due)
    .returningAll()
    .execute();

  const counts: DeliveryCounts = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (row) => {
      const status = await send(deps, row, o.timeoutMs);
      const finishedAt = deps.now();
      let update: Partial<WebhookDeliveriesTable>;
      if (typeof status === 'number' && status >= 200 && status < 300) {
        update = { status: 'delivered', finished_at: finishedAt, locked_until: null };
        counts.delivered++;
      } else if (status === 'gone' || row.attempts >= o.maxAttempts || finishedAt - row.created_at >= o.maxAgeMs) {
        update = { status: 'failed', finished_at: finishedAt, locked_until: null };
        counts.failed++;
      } else {
        update = { next_attempt_at: finishedAt + backoffDelay(row.attempts, o.backoff, o.random), locked_until: null };
        counts.retrying++;
      }
      // Only while the lease is still ours: a process that overran it must not overwrite a newer attempt.
      await deps.db
        .updateTable('webhook_deliveries')
        .set({ ...update, last_status: typeof status === 'number' ? status : null })
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .where('locked_until', '=', lease)
        .execute();
    }),
  );
  return counts;
}

/** The receiver's status, undefined when it could not be reached in time, 'gone' when the webhook was deleted. */
async function send(deps: VaultDeps, row: WebhookDeliveriesTable, timeoutMs: number): Promise<number | 'gone' | undefined> {
  const hook = await findWebhook(deps, row.webhook_id);
  if (!hook) return 'gone';
  try {
    const headers = { 'content-type': 'application/json', 'x-hmac-signature': signBody(webhookKey(deps, hook), row.body) };
    return await postWebhook(hook.url, headers, row.body, timeoutMs, deps.webhookNetworkPolicy);
  } catch {
    return undefined;
  }
}
