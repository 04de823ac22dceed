import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
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
  /** Postgres only: the bound on one connect and on one statement (default {@link PG_TIMEOUTS}). */
  timeouts?: Partial<typeof PG_TIMEOUTS>;
  /** Postgres only: told about connection errors the pool absorbed (a restart, pg_terminate_backend). */
  onConnectionError?: (error: Error) => void;
  /** Postgres only: the application_name connections announce (operators and tests find them by it). */
  applicationName?: string;
}

/**
 * Every Postgres call is bounded: a stalled network or server turns into an error (and a 503)
 * within these, never a request that hangs as long as the stall. A request makes a handful of
 * statements, so its worst case stays well under the HTTP request timeout.
 */
export const PG_TIMEOUTS = { connectMs: 2000, statementMs: 5000 };

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
    const timeouts = { ...PG_TIMEOUTS, ...options.timeouts };
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes as pg.CustomTypesConfig,
      connectionTimeoutMillis: timeouts.connectMs,
      // Client side: a paused network answers nothing, so the server's own timeout never fires.
      query_timeout: timeouts.statementMs,
      // Server side: a statement stuck on a lock is cancelled by Postgres, releasing the lock too.
      statement_timeout: timeouts.statementMs,
      // A transaction left open by a stalled process must not hold row locks for ever.
      idle_in_transaction_session_timeout: timeouts.statementMs * 2,
      keepAlive: true,
      application_name: options.applicationName ?? 'cardframe-vault',
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const report = options.onConnectionError ?? (() => {});
    // Without these listeners, a connection killed by a restart, a failover or pg_terminate_backend
    // emits an unhandled 'error' and the process exits. The pool drops the dead client by itself;
    // the next query opens a new connection, which is all "reconnecting" needs to mean here.
    pool.on('error', report);
    pool.on('connect', (client) => client.on('error', report));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingTimedOutClients(pool) }) }),
      engine: 'postgres',
      file: undefined,
      pool,
    };
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
 * A client whose query hit the client-side timeout may still have that query running or its
 * answer in flight on a stalled socket; handing it to the next caller would queue that caller
 * behind the stall. Such a client is released with the error, so the pool destroys it.
 */
function discardingTimedOutClients(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let broken: Error | undefined;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      return {
        query(...args: unknown[]) {
          // Once broken, fail at once: Kysely's ROLLBACK on a stalled socket would wait out another timeout.
          if (broken && typeof args[0] === 'string') return Promise.reject(broken);
          const result = query(...args);
          if (result instanceof Promise) {
            result.catch((error: Error) => {
              if (isBrokenConnection(error)) broken = error;
            });
          }
          return result;
        },
        release() {
          client.release(broken);
        },
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
    options: pool.options,
  };
}

/** pg's own messages for a connection that can no longer be trusted with the next query. */
function isBrokenConnection(error: Error): boolean {
  return /Query read timeout|Connection terminated|ECONNRESET|EPIPE/i.test(error.message ?? '');
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a point lookup. The
 * vault's queries come from a fixed set of builders, so a bounded cache by SQL text stays small.
 */
const alreadyRolledBack = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) } as unknown as SQLite.Statement;

function cachingStatements(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      // SQLite rolls a transaction back by itself on SQLITE_FULL and some I/O errors; Kysely's own
      // ROLLBACK then fails with "no transaction is active" and hides the real error (a full disk
      // would answer 500 instead of 503). With no transaction open there is nothing to roll back.
      if (sql === 'rollback' && !sqlite.inTransaction) return alreadyRolledBack;
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
