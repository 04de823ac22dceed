import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh Postgres schema for vault processes started by a test, and the client that made it. */
export interface ThrowawaySchema {
  schema: string;
  /** The connection that created the schema: reads the vault's tables behind its back (`${schema}.tokens`). */
  admin: pg.Client;
  /** `url` (default: the database's; a TCP proxy's in the fault tests) with the schema as search_path: a child's DATABASE_URL. */
  databaseUrl(url?: string): string;
  /** Drops the schema and closes the client. */
  drop(): Promise<void>;
}

/**
 * Child vault processes take their database from DATABASE_URL only, so a test that spawns them isolates its tables
 * in a schema of its own through the URL's `options=-c search_path=…` (createTestVault, in-process, passes the
 * schema to createDb instead).
 */
export async function throwawaySchema(pgUrl: string, prefix: string): Promise<ThrowawaySchema> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    admin,
    databaseUrl(url = pgUrl) {
      const withPath = new URL(url);
      withPath.searchParams.set('options', `-c search_path=${schema}`);
      return withPath.toString();
    },
    async drop() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
