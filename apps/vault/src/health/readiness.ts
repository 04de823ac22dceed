import { statfsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { unavailableDependency, type Dependency } from '../http/dependency-errors.ts';
import type { SecurityCodeStore } from '../ephemeral/security-code-store.ts';
import type { DbEngine } from '../storage/create-db.ts';
import type { Database } from '../storage/database.ts';

/** /readyz answers within this, whatever a dependency does (a stalled one counts as down). */
export const READINESS_BUDGET_MS = 800;

/** Below this much free space in an SQLite data dir the vault reports not ready (default 16 MiB). */
export const DEFAULT_MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;

export interface ReadinessInput {
  db: Kysely<Database>;
  engine: DbEngine;
  /** SQLite: the directory holding the database file, whose free space is checked. */
  dataDir: string | undefined;
  store: SecurityCodeStore;
  minFreeDiskBytes?: number;
}

/** Resolves to the first dependency that is down, or undefined when all answer. */
export type ReadinessCheck = () => Promise<Dependency | undefined>;

class ProbeRolledBack extends Error {}

/**
 * Readiness is "could a request that writes succeed now": Postgres answers `select 1`; SQLite can
 * allocate a page (an insert rolled back at once, which fails with SQLITE_FULL when the file may not
 * grow) and its disk has room; the security-code store answers a ping. Each check is bounded by
 * {@link READINESS_BUDGET_MS}, so the probe itself never hangs with the dependency.
 */
export function createReadinessCheck(input: ReadinessInput): ReadinessCheck {
  const minFree = input.minFreeDiskBytes ?? DEFAULT_MIN_FREE_DISK_BYTES;
  const database = async (): Promise<Dependency | undefined> => {
    if (input.engine === 'postgres') {
      await sql`select 1`.execute(input.db);
      return undefined;
    }
    if (input.dataDir) {
      const fs = statfsSync(input.dataDir);
      if (fs.bavail * fs.bsize < minFree) return 'disk';
    }
    await input.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ name: 'readyz-probe', value: 'x'.repeat(8192), created_at: 0 })
          .execute();
        throw new ProbeRolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof ProbeRolledBack)) throw error;
      });
    return undefined;
  };
  const bounded = async (dependency: Dependency, check: () => Promise<Dependency | undefined>) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Dependency>((resolve) => {
      timer = setTimeout(() => resolve(dependency), READINESS_BUDGET_MS);
    });
    try {
      return await Promise.race([check().catch((error: unknown) => unavailableDependency(error) ?? dependency), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return async () => {
    const [db, store] = await Promise.all([
      bounded('database', database),
      bounded('security-code-store', async () => {
        await input.store.ping();
        return undefined;
      }),
    ]);
    return db ?? store;
  };
}
