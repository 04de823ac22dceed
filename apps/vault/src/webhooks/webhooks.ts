import { randomBytes, randomUUID } from 'node:crypto';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { WebhooksTable } from '../storage/extras-tables.ts';
import type { WebhookEventType } from './webhook-events.ts';

export interface WebhookView {
  id: string;
  created_at: string;
  events: WebhookEventType[];
  url: string;
  masked_hmac_key: string;
}

const keyAad = (id: string) => `webhooks:${id}:hmac_key`;

/** The seed's `123xxxx`: enough to recognise a key, not to use it. */
export const maskHmacKey = (key: string) => `${key.slice(0, 3)}xxxx`;

export function toWebhookView(row: WebhooksTable): WebhookView {
  return {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    events: JSON.parse(row.events) as WebhookEventType[],
    url: row.url,
    masked_hmac_key: row.masked_hmac_key,
  };
}

/**
 * Stores a webhook with its HMAC key encrypted (it must be usable for signing, so it cannot be
 * hashed). The key is generated when absent and returned in clear here only.
 */
export async function createWebhook(
  deps: VaultDeps,
  input: { url: string; events: WebhookEventType[]; hmacKey?: string | undefined },
): Promise<WebhookView & { hmac_key: string }> {
  const id = randomUUID();
  const key = input.hmacKey ?? randomBytes(32).toString('hex');
  const row: WebhooksTable = {
    id,
    url: input.url,
    events: JSON.stringify(input.events),
    hmac_key_ct: deps.cipher.encrypt(key, keyAad(id)),
    masked_hmac_key: maskHmacKey(key),
    created_at: deps.now(),
  };
  await deps.db.insertInto('webhooks').values(row).execute();
  return { ...toWebhookView(row), hmac_key: key };
}

export function webhookKey(deps: VaultDeps, row: WebhooksTable): string {
  return deps.cipher.decrypt(row.hmac_key_ct, keyAad(row.id));
}

export async function findWebhook(deps: VaultDeps, id: string): Promise<WebhooksTable | undefined> {
  return deps.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listWebhooks(deps: VaultDeps, limit: number, after: string | undefined) {
  let query = deps.db
    .selectFrom('webhooks')
    .selectAll()
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where('id', '>', after);
  const rows = await query.execute();
  return { page: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Deleting a webhook drops its undelivered events too: nobody is left to receive them. */
export async function deleteWebhook(deps: VaultDeps, id: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return false;
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).where('status', '=', 'pending').execute();
    return true;
  });
}
