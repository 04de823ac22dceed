import type { Compilable, CompiledQuery, Kysely, QueryResult, Transaction } from 'kysely';
import type { Database } from './database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface PreparedQuery<V extends readonly unknown[], R> {
  /**
   * Runs the query with `values` in place of the builder's parameters. `db` names the database
   * (and so the SQL dialect) the query is compiled for; `executor` may be a transaction on it.
   */
  run(db: Kysely<Database>, values: V, executor?: Executor): Promise<QueryResult<R>>;
}

const marker = (i: number) => `\u0000cardframe-param-${i}\u0000`;

/**
 * A Kysely query compiled once per database instead of on every call. Kysely rebuilds the
 * operation tree and the SQL text each time a builder runs, which on a point lookup costs more
 * than SQLite's own work. `build` runs once with a unique marker in place of each value; the
 * compiled parameters found equal to a marker are then filled from `values` on every run, all
 * other parameters (constants the builder wrote itself) are kept. Values are still bound as
 * parameters, never spliced into SQL.
 */
export function preparedQuery<V extends readonly unknown[], R>(
  arity: V['length'],
  build: (db: Kysely<Database>, ...params: V) => Compilable<R>,
): PreparedQuery<V, R> {
  const compiledFor = new WeakMap<Kysely<Database>, { query: CompiledQuery<R>; slots: number[] }>();
  const markers = Array.from({ length: arity }, (_, i) => marker(i));

  function compile(db: Kysely<Database>) {
    let entry = compiledFor.get(db);
    if (!entry) {
      const query = build(db, ...(markers as unknown as V)).compile();
      const slots = query.parameters.map((p) => markers.indexOf(p as string));
      for (let i = 0; i < arity; i++) {
        if (!slots.includes(i)) throw new Error(`prepared query does not use parameter ${i}: ${query.sql}`);
      }
      entry = { query, slots };
      compiledFor.set(db, entry);
    }
    return entry;
  }

  return {
    run(db, values, executor = db) {
      const { query, slots } = compile(db);
      const parameters = query.parameters.map((p, j) => (slots[j]! >= 0 ? values[slots[j]!] : p));
      return executor.executeQuery<R>({ ...query, parameters });
    },
  };
}
