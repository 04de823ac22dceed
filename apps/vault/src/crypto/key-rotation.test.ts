import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { admin, createTestVault, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';
import { openKeyStore, KeyStoreError } from './key-store.ts';
import { resumeRotations, runFieldRotation, startFieldRotation } from './rotate-field-keys.ts';

// Issue 13 §2: rotate every key without downtime; a crash mid-rotation loses nothing and resumes.
const vaults: TestVault[] = [];
afterEach(async () => {
  for (const v of vaults.splice(0).reverse()) await v.close();
});
async function vault(options: Parameters<typeof createTestVault>[0] = {}) {
  const v = await createTestVault(options);
  vaults.push(v);
  return v;
}

const createToken = async (v: TestVault, pan = VISA) =>
  (
    await v.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: admin,
      payload: { source: { type: 'pan', account_number: pan, expiry_month: 2, expiry_year: FUTURE_YEAR, cardholder_name: 'Ada Lovelace' } },
    })
  ).json().id as string;
const readToken = async (v: TestVault, id: string) => (await v.app.inject({ method: 'GET', url: `/api/pci/tokens/${id}`, headers: admin })).json();
const stored = (v: TestVault) => v.deps.db.selectFrom('tokens').select(['id', 'pan_ct', 'holder_ct', 'fingerprint']).execute();

it('rotates the field and fingerprint keys under concurrent reads and writes from two processes; every card stays readable', async () => {
  const a = await vault({ poolSize: 10 });
  const b = await vault({ peerOf: a, poolSize: 10 });
  const before = await Promise.all(Array.from({ length: 25 }, (_, i) => createToken(i % 2 ? a : b, i % 3 ? VISA : MASTERCARD)));

  const started = await a.app.inject({ method: 'POST', url: '/api/admin/key-rotations', headers: admin, payload: { kind: 'field' } });
  expect(started.statusCode).toBe(202);
  const rotation = started.json();
  expect(rotation).toMatchObject({ kind: 'field', state: 'running', from_version: 1, to_version: 2, total: 25 });

  // While the job runs: reads of old rows and new writes on both processes.
  await b.deps.keyStore!.refresh();
  const during = await Promise.all([
    ...before.map((id) => readToken(a, id).then((t) => t.card.masked_account_number)),
    ...Array.from({ length: 10 }, (_, i) => createToken(i % 2 ? a : b).then((id) => readToken(b, id)).then((t) => t.card.masked_account_number)),
  ]);
  expect(during.every((m: string) => /^(411111|555555)\*{6}(1111|4444)$/.test(m))).toBe(true);

  await expect.poll(async () => (await a.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${rotation.id}`, headers: admin })).json().state, { timeout: 10_000 }).toBe('done');
  const rows = await stored(a);
  expect(rows).toHaveLength(35);
  for (const row of rows) {
    expect(row.pan_ct.startsWith('v2.')).toBe(true);
    expect(row.holder_ct!.startsWith('v2.')).toBe(true);
    expect(row.fingerprint.startsWith('f2.')).toBe(true);
    expect([VISA, MASTERCARD]).toContain(a.deps.cipher.decrypt(row.pan_ct, `tokens:${row.id}:pan`));
  }
  // Webhook secrets and JWE private keys moved too; the old key remains for decryption only.
  const keys = await a.deps.db.selectFrom('data_keys').select(['purpose', 'version', 'state']).where('purpose', '=', 'field').orderBy('version').execute();
  expect(keys.map((k) => [Number(k.version), k.state])).toEqual([[1, 'retired'], [2, 'active']]);
  for (const k of await a.deps.db.selectFrom('jwe_keys').select('private_ct').execute()) expect(k.private_ct.startsWith('v2.')).toBe(true);
  const trail = (await a.app.inject({ method: 'GET', url: '/api/admin/audit-events?action=key_rotation.field', headers: admin })).json();
  expect(trail.data[0]).toMatchObject({ actor: 'admin', resource: rotation.id, detail: { from: 1, to: 2 } });
});

it('fingerprints are looked up under every live key while the rotation is under way (dual lookup)', async () => {
  const v = await vault();
  const old = await createToken(v);
  await startFieldRotation(v.deps, 'admin', '127.0.0.1'); // new keys active; job not run yet
  const fresh = await createToken(v);
  const rows = await stored(v);
  expect(rows.find((r) => r.id === old)!.fingerprint.startsWith('f2.')).toBe(false);
  expect(rows.find((r) => r.id === fresh)!.fingerprint.startsWith('f2.')).toBe(true);
  const matches = await v.deps.db.selectFrom('tokens').select('id').where('fingerprint', 'in', v.deps.fingerprintCandidates(VISA)).execute();
  expect(matches.map((m) => m.id).sort()).toEqual([old, fresh].sort());
});

it('a crash mid-rotation loses nothing: the job resumes from its cursor once the lease lapses', async () => {
  const v = await vault();
  const ids = await Promise.all(Array.from({ length: 9 }, () => createToken(v)));
  const row = await startFieldRotation(v.deps, 'admin', '127.0.0.1');
  let batches = 0;
  await expect(
    runFieldRotation(v.deps, row.id, {
      batchSize: 4,
      afterBatch: () => {
        batches += 1;
        if (batches === 1) throw new Error('simulated crash');
      },
    }),
  ).rejects.toThrow('simulated crash');
  const halfway = await v.deps.db.selectFrom('key_rotations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  expect(halfway).toMatchObject({ state: 'running' });
  expect(Number(halfway.done)).toBe(4);
  const moved = (await stored(v)).filter((r) => r.pan_ct.startsWith('v2.'));
  expect(moved).toHaveLength(4);
  // Every card still reads while half the rows are on each key.
  for (const id of ids) expect((await readToken(v, id)).card.masked_account_number).toBe('411111******1111');

  // No second rotation while one is unfinished.
  expect((await v.app.inject({ method: 'POST', url: '/api/admin/key-rotations', headers: admin, payload: { kind: 'field' } })).statusCode).toBe(409);
  // Another process cannot take it while the lease holds; after it lapses the job completes.
  expect(await resumeRotations(v.deps)).toBe(0);
  v.advance(61_000);
  expect(await resumeRotations(v.deps, { batchSize: 4 })).toBe(1);
  const done = await v.deps.db.selectFrom('key_rotations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  expect(done.state).toBe('done');
  expect(Number(done.done)).toBe(9);
  expect((await stored(v)).every((r) => r.pan_ct.startsWith('v2.'))).toBe(true);
  for (const id of ids) expect((await readToken(v, id)).card.masked_account_number).toBe('411111******1111');
});

it('rotates the master key by re-wrapping the data keys: the new key alone then opens the vault, the old one no longer does', async () => {
  const oldMaster = randomBytes(32);
  const newMaster = randomBytes(32);
  const a = await vault({ masterKey: oldMaster });
  const id = await createToken(a);
  const hook = await a.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: admin, payload: { events: ['pci.token.security-code.expired'], url: 'https://merchant.example/hooks' } });
  expect(hook.statusCode).toBe(200);

  // A second process starts with the new master and the previous one: it re-wraps every data key.
  const b = await vault({ peerOf: a, masterKey: newMaster, previousMasterKey: oldMaster });
  expect(b.deps.keyStore!.rewrapped).toBe(4);
  expect((await readToken(b, id)).card.cardholder_name).toBe('Ada Lovelace');
  // The old master process keeps running on the keys it loaded (no downtime)…
  expect((await readToken(a, id)).card.cardholder_name).toBe('Ada Lovelace');
  // …a restart with only the new key works, and one with only the old key is refused in words.
  const c = await openKeyStore(a.deps.db, newMaster);
  expect(c.rewrapped).toBe(0);
  await expect(openKeyStore(a.deps.db, oldMaster)).rejects.toThrow(KeyStoreError);
  await expect(openKeyStore(a.deps.db, oldMaster)).rejects.toThrow(/CARDFRAME_PREVIOUS_MASTER_KEY/);
});

it('waits for processes that have not learned the rotation yet, and re-encrypts what they wrote meanwhile', async () => {
  const a = await vault({ keyRefreshMs: 120_000 });
  const b = await vault({ peerOf: a, keyRefreshMs: 120_000 });
  await createToken(a);
  const row = await startFieldRotation(a.deps, 'admin', '127.0.0.1');
  const first = await runFieldRotation(a.deps, row.id);
  expect(first!.state).toBe('running'); // handed back until every process has had time to refresh
  // Process b has not refreshed: it still writes with version 1.
  const stale = await createToken(b);
  const staleRow = (await stored(a)).find((r) => r.id === stale)!;
  expect(staleRow.pan_ct.startsWith('v1.')).toBe(true);
  expect(await resumeRotations(a.deps)).toBe(0); // not before the settle time
  a.advance(121_000);
  expect(await resumeRotations(a.deps)).toBe(1);
  const done = await a.deps.db.selectFrom('key_rotations').select('state').where('id', '=', row.id).executeTakeFirstOrThrow();
  expect(done.state).toBe('done');
  expect((await stored(a)).every((r) => r.pan_ct.startsWith('v2.'))).toBe(true);
});
