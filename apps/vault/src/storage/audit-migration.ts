import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The audit trail (issue 13 §3; PCI DSS 10.2, 10.3). `seq` is the chain position and primary key,
 * so two processes can never append the same link; triggers refuse UPDATE and DELETE in both
 * engines, so rewriting history needs DDL rights (and still breaks the hash chain).
 */
export const auditMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('audit_events')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('resource', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'seq']).execute();
    await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor', 'seq']).execute();
    await db.schema.createIndex('audit_events_resource').on('audit_events').columns(['resource', 'seq']).execute();
    // Of the two engines only PostgreSQL has transactional DDL: the adapter tells them apart without a failing query.
    const postgres = db.getExecutor().adapter.supportsTransactionalDdl;
    if (!postgres) {
      await sql`create trigger audit_events_no_update before update on audit_events begin select raise(abort, 'audit events are append-only'); end`.execute(db);
      await sql`create trigger audit_events_no_delete before delete on audit_events begin select raise(abort, 'audit events are append-only'); end`.execute(db);
    } else {
      await sql`create function audit_events_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit events are append-only'; end $$`.execute(
        db,
      );
      await sql`create trigger audit_events_no_change before update or delete on audit_events for each row execute function audit_events_append_only()`.execute(
        db,
      );
    }
  },
};
