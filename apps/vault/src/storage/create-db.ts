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
  /** PostgreSQL only: the pool, for its connection counts in the metrics. */
  pool?: pg.Pool;
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
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres', file: undefined, pool };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'vault.sqlite');
  // No wait on open: a data dir held by another process is an error now, not in five seconds.
  const sqlite = new SQLite(file, { timeout: 0 });
  try {
    // Card ciphertext is still card data: owner-only, like the master key (the -wal inherits the mode).
    chmodSync(file, 0o600);
    // One vault process owns an SQLite data dir (several processes share Postgres + Redis instead:
    // the in-memory security-code store could not be shared anyway). Holding the lock for the
    // process lifetime keeps WAL's index in heap memory: no -shm file and no fcntl lock pair around
    // every read, which halves a point lookup (ADR 0006).
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Deleted card ciphertext is overwritten, not left in free pages.
    sqlite.pragma('secure_delete = ON');
    // Take the write lock now; exclusive mode keeps it until close.
    sqlite.exec('BEGIN IMMEDIATE; COMMIT');
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`${file} is in use by another vault process; several vault processes need DATABASE_URL (Postgres) and REDIS_URL`);
    }
    throw error;
  }
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
