import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * Runs `work` in a transaction on `db`, or inside the one `db` already is (an idempotent request
 * runs its whole work and the stored response in one; Kysely does not nest transactions). Side
 * effects outside the database that must not outlive a rollback go last inside `work`.
 */
export async function atomically<T>(db: Kysely<Database>, work: (trx: Transaction<Database> | Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
