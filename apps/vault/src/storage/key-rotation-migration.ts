import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Key management (issue 13 §2; PCI DSS 3.6, 3.7). `data_keys` holds every data-encryption key,
 * wrapped (AES-256-GCM) under the master key, so a master rotation only re-wraps rows; `kek_id`
 * says which master wrapped a row. `key_rotations` is the resumable state of a re-encryption job.
 */
export const keyRotationMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('data_keys')
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('wrapped', 'text', (c) => c.notNull())
      .addColumn('kek_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('data_keys_pk', ['purpose', 'version'])
      .execute();
    await db.schema
      .createTable('key_rotations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('from_version', 'integer')
      .addColumn('to_version', 'integer')
      .addColumn('cursor', 'text')
      .addColumn('done', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('lease_until', 'bigint')
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .execute();
  },
};
