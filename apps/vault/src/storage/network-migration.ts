import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Network tokens, cryptogram references and the sandbox token service (issue 12). */
export const networkTokensMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('network_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pci_token_id', 'text')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_ref', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('number_ct', 'text', (c) => c.notNull())
      .addColumn('token_expiry_month', 'integer', (c) => c.notNull())
      .addColumn('token_expiry_year', 'integer', (c) => c.notNull())
      .addColumn('scheme_reference', 'text')
      .addColumn('pan_ct', 'text', (c) => c.notNull())
      .addColumn('holder_ct', 'text')
      .addColumn('bin', 'text', (c) => c.notNull())
      .addColumn('last4', 'text', (c) => c.notNull())
      .addColumn('pan_length', 'integer', (c) => c.notNull())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('expiry_month', 'integer', (c) => c.notNull())
      .addColumn('expiry_year', 'integer', (c) => c.notNull())
      .addColumn('metadata', 'text')
      .addColumn('session_id', 'text', (c) => c.unique())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('network_tokens_provider_ref', ['provider', 'provider_ref'])
      .execute();
    await db.schema
      .createTable('network_cryptograms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('network_token_id', 'text', (c) => c.notNull())
      .addColumn('payload_ct', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('network_cryptograms_expires').on('network_cryptograms').column('expires_at').execute();
    await db.schema
      .createTable('sandbox_tsp_tokens')
      .addColumn('ref', 'text', (c) => c.primaryKey())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('number_ct', 'text', (c) => c.notNull())
      .addColumn('key_ct', 'text', (c) => c.notNull())
      .addColumn('pan_fingerprint', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('expiry_month', 'integer', (c) => c.notNull())
      .addColumn('expiry_year', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sandbox_tsp_tokens_pan').on('sandbox_tsp_tokens').column('pan_fingerprint').execute();
  },
};

/** The operator's BIN table and its disjoint lookup segments (issue 12, metadata inquiries). */
export const binRangesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('bin_ranges')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('start', 'text', (c) => c.notNull())
      .addColumn('end', 'text', (c) => c.notNull())
      .addColumn('scheme', 'text')
      .addColumn('type', 'text')
      .addColumn('segment', 'text')
      .addColumn('issuer_name', 'text')
      .addColumn('issuer_country_code', 'text')
      .addColumn('currency_code', 'text')
      .addColumn('product_code', 'text')
      .addColumn('product_name', 'text')
      .execute();
    // low is the primary key: the lookup is "the last segment starting at or before the prefix".
    await db.schema
      .createTable('bin_segments')
      .addColumn('low', 'bigint', (c) => c.primaryKey())
      .addColumn('high', 'bigint', (c) => c.notNull())
      .addColumn('range_id', 'integer', (c) => c.notNull())
      .execute();
  },
};

/** Session options a Hellgate-style integration sets: accepted schemes (issue 12 §3). */
export const sessionSchemesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('sessions').addColumn('allowed_schemes', 'text').execute();
  },
};
