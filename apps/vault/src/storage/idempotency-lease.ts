import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Migration 0004: a pending idempotency key carries a lease (who holds it, since `created_at`).
 * A request cut by a crash leaves its key pending; once the lease lapses a retry takes the key
 * over instead of getting 409 for the whole retention window. Keys pending before this migration
 * have no holder and can be taken over as soon as their lease (from created_at) lapses.
 */
export const idempotencyLease: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('idempotency').addColumn('lease_id', 'text').execute();
  },
};
