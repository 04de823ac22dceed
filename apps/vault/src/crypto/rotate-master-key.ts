import type { Kysely } from 'kysely';
import type { Database, KeyRotationsTable } from '../storage/database.ts';
import { kekId, rewrapDataKey } from './key-store.ts';
import { replaceMasterKeyRecord } from './master-key-check.ts';
import { rotationId } from './rotation-id.ts';

export interface MasterRotationOptions {
  now?: () => number;
  /** Called after each re-wrapped data key is committed (tests inject a crash here). */
  afterRow?: (done: number) => void | Promise<void>;
}

/**
 * A master-key rotation (PCI DSS 3.6.4), started by a restart with the new CARDFRAME_MASTER_KEY
 * and the old one in CARDFRAME_PREVIOUS_MASTER_KEY, after the database's known-answer record was
 * verified against one of them. It is tracked in `key_rotations` (kind `master`) like a data-key
 * rotation:
 * 1. a `running` row counts the data keys still wrapped under the previous master;
 * 2. each is re-wrapped under the new master in its own transaction with the row's `done`;
 * 3. the known-answer record is rewritten under the new master; only then is the row `done`, and
 *    only then may CARDFRAME_PREVIOUS_MASTER_KEY go.
 * A crash anywhere restarts cleanly with the same environment: step 2 skips what is re-wrapped,
 * and a row still `running` is finished even when nothing is left to re-wrap. Returns the row and
 * how many keys this call re-wrapped; undefined when there was no rotation to do.
 */
export async function rotateMasterKey(
  db: Kysely<Database>,
  master: Buffer,
  previous: Buffer | undefined,
  options: MasterRotationOptions = {},
): Promise<{ row: KeyRotationsTable; rewrapped: number } | undefined> {
  const now = options.now ?? Date.now;
  const current = kekId(master);
  const old = previous ? kekId(previous) : undefined;
  const pending = old ? await db.selectFrom('data_keys').selectAll().where('kek_id', '=', old).orderBy('purpose').orderBy('version').execute() : [];
  let row = await db.selectFrom('key_rotations').selectAll().where('kind', '=', 'master').where('state', '=', 'running').executeTakeFirst();
  if (!row && pending.length === 0) return undefined;
  if (!row) {
    const start = now();
    // One id per (new, previous) master pair: processes restarted together share one row.
    const id = rotationId(`master:${current}:${old}`);
    await db
      .insertInto('key_rotations')
      .values({
        id,
        kind: 'master',
        state: 'running',
        from_version: null,
        to_version: null,
        cursor: null,
        done: 0,
        total: pending.length,
        lease_until: null,
        started_at: start,
        updated_at: start,
        finished_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    // The same pair rotated again (a key brought back): the old row runs again.
    await db
      .updateTable('key_rotations')
      .set({ state: 'running', done: 0, total: pending.length, started_at: start, updated_at: start, finished_at: null })
      .where('id', '=', id)
      .where('state', '=', 'done')
      .execute();
    row = await db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  const id = row.id;
  let rewrapped = 0;
  for (const key of pending) {
    await db.transaction().execute(async (trx) => {
      const moved = await rewrapDataKey(trx, key, previous!, master);
      if (moved === 0) return;
      rewrapped += moved;
      await trx
        .updateTable('key_rotations')
        .set((eb) => ({ done: eb('done', '+', moved), updated_at: now() }))
        .where('id', '=', id)
        .execute();
    });
    await options.afterRow?.(rewrapped);
  }
  await replaceMasterKeyRecord(db, master);
  const end = now();
  const progress = await db.selectFrom('key_rotations').select(['done', 'total']).where('id', '=', id).executeTakeFirstOrThrow();
  await db
    .updateTable('key_rotations')
    .set({ state: 'done', finished_at: end, updated_at: end, lease_until: null, total: Math.max(Number(progress.total), Number(progress.done)) })
    .where('id', '=', id)
    .execute();
  return { row: await db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), rewrapped };
}
