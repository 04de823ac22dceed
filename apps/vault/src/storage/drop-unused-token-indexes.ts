import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Two indexes of the initial schema that no query reads: token lists page by id (ADR 0004), not by
 * creation time, and nothing looks tokens up by PAN fingerprint yet. Each one was another B-tree
 * page to write on every token insert, i.e. on every session completion and its WAL checkpoint.
 * The fingerprint column stays; an index comes back with the first query that needs it.
 */
export const dropUnusedTokenIndexes: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('tokens_created_id').execute();
    await db.schema.dropIndex('tokens_fingerprint').execute();
  },
};
