import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Issue 13, findings 6 and 7. `used_ciphertexts` makes a session JWE single-use across sessions
 * (kept while its JWE key exists); `sessions.failed_attempts` counts failed completions, so a
 * session that keeps failing is closed.
 */
export const sessionGuardMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('used_ciphertexts')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('used_ciphertexts_kid').on('used_ciphertexts').column('kid').execute();
    await db.schema
      .alterTable('sessions')
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
