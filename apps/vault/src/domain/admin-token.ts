import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import { hashSecret } from './api-keys.ts';

/**
 * The admin token's hash lives in the database so every process over one database agrees.
 * On first start one process wins the insert and gets the plaintext back to print once;
 * with CARDFRAME_ADMIN_TOKEN set, that value is used and nothing is stored.
 */
export async function ensureAdminToken(
  db: Kysely<Database>,
  configured: string | undefined,
  now: () => number = Date.now,
): Promise<{ hash: string; generated: string | undefined }> {
  if (configured !== undefined) return { hash: hashSecret(configured), generated: undefined };
  const token = `adm_${randomBytes(32).toString('base64url')}`;
  const inserted = await db
    .insertInto('settings')
    .values({ name: 'admin_token_sha256', value: hashSecret(token), created_at: now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 1n) return { hash: hashSecret(token), generated: token };
  const row = await db.selectFrom('settings').select('value').where('name', '=', 'admin_token_sha256').executeTakeFirstOrThrow();
  return { hash: row.value, generated: undefined };
}
