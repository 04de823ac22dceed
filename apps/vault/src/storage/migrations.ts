import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { dropUnusedTokenIndexes } from './drop-unused-token-indexes.ts';
import { extrasMigration } from './extras-migration.ts';
import { idempotencyLease } from './idempotency-lease.ts';
import { binRangesMigration, networkTokensMigration, sessionSchemesMigration } from './network-migration.ts';
import { sessionGuardMigration } from './session-guard-migration.ts';
import { auditMigration } from './audit-migration.ts';
import { keyRotationMigration } from './key-rotation-migration.ts';

/** bigint so epoch milliseconds fit in Postgres; SQLite integers are 64-bit anyway. */
const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pan_ct', 'text', (c) => c.notNull())
      .addColumn('holder_ct', 'text')
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('bin', 'text', (c) => c.notNull())
      .addColumn('last4', 'text', (c) => c.notNull())
      .addColumn('pan_length', 'integer', (c) => c.notNull())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('expiry_month', 'integer', (c) => c.notNull())
      .addColumn('expiry_year', 'integer', (c) => c.notNull())
      .addColumn('metadata', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('security_code_expires_at', 'bigint')
      .addColumn('session_id', 'text', (c) => c.unique())
      .addColumn('owner', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('tokens_created_id').on('tokens').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('tokens_fingerprint').on('tokens').column('fingerprint').execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('token_id', 'text')
      .addColumn('token_expires_in', 'integer')
      .addColumn('metadata', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .execute();
    await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    await db.schema
      .createTable('jwe_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('generation', 'bigint', (c) => c.notNull().unique())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('private_ct', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lookup', 'text', (c) => c.notNull().unique())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('masked', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .execute();
    await db.schema.createIndex('api_keys_created_id').on('api_keys').columns(['created_at', 'id']).execute();
    await db.schema
      .createTable('idempotency')
      .addColumn('caller', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_ct', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['caller', 'key'])
      .execute();
    await db.schema
      .createTable('settings')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/** Migrations live in code (not files on disk) so the bundled server carries them. */
const provider: MigrationProvider = {
  async getMigrations() {
    return {
      '0001_initial': initial,
      '0002_extras': extrasMigration,
      '0003_drop_unused_token_indexes': dropUnusedTokenIndexes,
      '0004_idempotency_lease': idempotencyLease,
      '0005_1_session_guard': sessionGuardMigration,
      '0005_2_audit': auditMigration,
      '0005_3_key_rotation': keyRotationMigration,
      '0006_network_tokens': networkTokensMigration,
      '0006_1_bin_ranges': binRangesMigration,
      '0006_2_session_schemes': sessionSchemesMigration,
    };
  },
};

/** Brings the schema up to date; Kysely's Migrator takes a lock, so concurrent starts are safe. */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  // With a schema, Kysely must look for its bookkeeping tables there, not in any schema it can see.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}

/**
 * Postgres: the schema the connection writes to. Kysely's Migrator otherwise looks for its
 * bookkeeping tables in every visible schema and can mistake another schema's for its own.
 */
export async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}
