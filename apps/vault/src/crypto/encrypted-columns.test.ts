import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedEncryptedRows } from '../test/seed-encrypted-rows.ts';
import { backend, createTestVault, type TestVault } from '../test/test-vault.ts';
import { ENCRYPTED_TABLES } from './encrypted-columns.ts';

// The rotation re-encrypts exactly the columns of ENCRYPTED_TABLES (issue 13 §2): these tests keep
// that list complete as the schema grows.
let v: TestVault;
beforeAll(async () => {
  v = await createTestVault();
});
afterAll(async () => {
  await v.close();
});

const registered = new Set(ENCRYPTED_TABLES.flatMap((t) => t.columns.map((c) => `${t.table}.${c.name}`)));

async function schemaColumns(): Promise<Map<string, string[]>> {
  const tables = await v.deps.db.introspection.getTables();
  const mine = tables.filter((t) => (backend === 'postgres' ? t.schema === v.schema : true) && !t.name.startsWith('kysely_'));
  return new Map(mine.map((t) => [t.name, t.columns.map((c) => c.name)]));
}

it('lists every *_ct column of the migrated schema, and each listed table, key and column exists', async () => {
  const columns = await schemaColumns();
  const ct = [...columns].flatMap(([table, names]) => names.filter((n) => n.endsWith('_ct')).map((n) => `${table}.${n}`));
  expect(ct.length).toBeGreaterThanOrEqual(11);
  expect(
    ct.filter((c) => !registered.has(c)),
    'encrypted columns missing from ENCRYPTED_TABLES',
  ).toEqual([]);
  for (const t of ENCRYPTED_TABLES) {
    for (const name of [...t.key, ...t.columns.map((c) => c.name), ...(t.fingerprint ? [t.fingerprint.column] : [])]) {
      expect(columns.get(t.table), `${t.table}.${name}`).toContain(name);
    }
  }
});

it('every value the API stores in the shape of a field ciphertext sits in a listed column', async () => {
  await seedEncryptedRows(v);
  const shape = /^v\d+\.[\w-]+\.[\w-]+\.[\w-]*$/;
  const found: string[] = [];
  for (const [table, names] of await schemaColumns()) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(v.deps.db);
    for (const row of rows.rows) for (const name of names) if (typeof row[name] === 'string' && shape.test(row[name] as string)) found.push(`${table}.${name}`);
  }
  const distinct = [...new Set(found)];
  // The master key's known answer is under a key derived from the master key itself, not a data
  // key: a master rotation rewrites it (rotate-master-key.ts).
  const notDataKeys = new Set(['settings.value']);
  expect(
    distinct.filter((c) => !registered.has(c) && !notDataKeys.has(c)),
    'ciphertexts outside ENCRYPTED_TABLES',
  ).toEqual([]);
  // The seed reaches every listed column (else this test would prove nothing for it).
  expect([...registered].filter((c) => !distinct.includes(c)).sort()).toEqual([]);
});
