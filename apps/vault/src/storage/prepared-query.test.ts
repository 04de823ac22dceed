import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../test/test-vault.ts';
import { preparedQuery } from './prepared-query.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const row = (name: string, value: string) => ({ name, value, created_at: 1 });

// Markers in the middle of builder constants (the literal 'fixed' and 1): only markers are replaced.
const find = preparedQuery(2, (db, name: string, minCreated: number) =>
  db
    .selectFrom('settings')
    .select(['name', 'value'])
    .where('name', '=', name)
    .where('value', '!=', 'fixed')
    .where('created_at', '>=', minCreated)
    .where('created_at', '<=', 1),
);

it('binds each run’s values in place of the markers, keeping the builder’s own constants', async () => {
  const { db } = vault.deps;
  await db
    .insertInto('settings')
    .values([row('pq-a', 'one'), row('pq-b', 'two'), row('pq-c', 'fixed')])
    .execute();
  expect((await find.run(db, ['pq-a', 0])).rows).toEqual([{ name: 'pq-a', value: 'one' }]);
  expect((await find.run(db, ['pq-b', 1])).rows).toEqual([{ name: 'pq-b', value: 'two' }]);
  expect((await find.run(db, ['pq-b', 2])).rows).toEqual([]);
  expect((await find.run(db, ['pq-c', 0])).rows).toEqual([]);
  // A value that looks like SQL stays a value.
  expect((await find.run(db, ["pq-a' or '1'='1", 0])).rows).toEqual([]);
});

it('runs inside a transaction on the same database, and rolls back with it', async () => {
  const { db } = vault.deps;
  const insert = preparedQuery(2, (d, name: string, value: string) => d.insertInto('settings').values({ name, value, created_at: 1 }));
  await expect(
    db.transaction().execute(async (trx) => {
      await insert.run(db, ['pq-t', 'x'], trx);
      expect((await find.run(db, ['pq-t', 0], trx)).rows).toHaveLength(1);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect((await find.run(db, ['pq-t', 0])).rows).toEqual([]);
});

it('refuses a builder that ignores one of its parameters', async () => {
  const broken = preparedQuery(2, (d, name: string, _forgotten: number) => d.selectFrom('settings').selectAll().where('name', '=', name));
  await expect(async () => broken.run(vault.deps.db, ['x', 1])).rejects.toThrow(/does not use parameter 1/);
});
