import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type DbEngine = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: DbEngine;
  /** For tests and the log scan: the SQLite file, if any. */
  file: string | undefined;
}

export interface DbOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Postgres only: confine every connection to this schema (tests use one per app). */
  schema?: string;
  poolSize?: number;
}

/** bigint columns hold epoch milliseconds, which fit a JS number; pg returns int8 as strings otherwise. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Postgres with DATABASE_URL, else SQLite in WAL mode in the data dir. */
export function createDb(options: DbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres', file: undefined };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'vault.sqlite');
  const sqlite = new SQLite(file);
  // Card ciphertext is still card data: owner-only, like the master key (-wal/-shm inherit the mode).
  chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted card ciphertext is overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) }), engine: 'sqlite', file };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a point lookup. The
 * vault's queries come from a fixed set of builders, so a bounded cache by SQL text stays small.
 */
function cachingStatements(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
