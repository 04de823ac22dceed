import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Generic tokens, types, webhooks and their outbox (issue 5); the tokens index serves the CVC-lapse claim. */
export const extrasMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('types')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('schema', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('generic_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('payload_ct', 'text', (c) => c.notNull())
      .addColumn('type_id', 'text')
      .addColumn('metadata', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .execute();
    await db.schema.createIndex('generic_tokens_type_id').on('generic_tokens').columns(['type_id', 'id']).execute();
    await db.schema.createIndex('generic_tokens_expires').on('generic_tokens').column('expires_at').execute();
    await db.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('hmac_key_ct', 'text', (c) => c.notNull())
      .addColumn('masked_hmac_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('locked_until', 'bigint')
      .addColumn('last_status', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .addUniqueConstraint('webhook_deliveries_once', ['webhook_id', 'event_id'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('tokens_security_code_expires').on('tokens').column('security_code_expires_at').execute();
  },
};
