import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { admin, backend, createTestVault, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';
import { readGenericPayload } from '../generic/generic-tokens.ts';
import { kekId, openKeyStore, KeyStoreError } from './key-store.ts';
import { checkMasterKey, MasterKeyMismatchError, recordMasterKey } from './master-key-check.ts';
import { rotateMasterKey } from './rotate-master-key.ts';
import { ENCRYPTED_TABLES } from './encrypted-columns.ts';
import { resumeRotations, runRotation, startRotation, type UntypedDb } from './rotate-data-keys.ts';
import { readSeeded, seedEncryptedRows } from '../test/seed-encrypted-rows.ts';

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
/** Every non-null ciphertext of every listed column under `purpose`, as `table.column: version`. */
async function versionsOf(v: TestVault, purpose: 'field' | 'generic_payload'): Promise<string[]> {
  const db = v.deps.db as unknown as UntypedDb;
  const out: string[] = [];
  for (const t of ENCRYPTED_TABLES.filter((t) => t.purpose === purpose)) {
    for (const row of await db
      .selectFrom(t.table)
      .select(t.columns.map((c) => c.name))
      .execute()) {
      for (const c of t.columns) if (row[c.name] !== null) out.push(`${t.table}.${c.name}: ${String(row[c.name]).split('.')[0]}`);
    }
  }
  return out;
}

it('rotates the field and fingerprint keys under concurrent reads and writes from two processes; every card stays readable', async () => {
  const a = await vault({ poolSize: 10 });
  const b = await vault({ peerOf: a, poolSize: 10 });
  const before = await Promise.all(Array.from({ length: 25 }, (_, i) => createToken(i % 2 ? a : b, i % 3 ? VISA : MASTERCARD)));
  // One row of every table with a field ciphertext (network tokens, cryptograms, the sandbox TSP, webhooks, idempotency, JWE keys).
  const seeded = await seedEncryptedRows(a);

  const started = await a.app.inject({ method: 'POST', url: '/api/admin/key-rotations', headers: admin, payload: { kind: 'field' } });
  expect(started.statusCode).toBe(202);
  const rotation = started.json();
  expect(rotation).toMatchObject({ kind: 'field', state: 'running', from_version: 1, to_version: 2 });
  expect(rotation.total).toBe(26 + 6); // 26 tokens, one row of each other table

  // While the job runs: reads of old rows and new writes on both processes.
  await b.deps.keyStore!.refresh();
  const during = await Promise.all([
    ...before.map((id) => readToken(a, id).then((t) => t.card.masked_account_number)),
    ...Array.from({ length: 10 }, (_, i) =>
      createToken(i % 2 ? a : b)
        .then((id) => readToken(b, id))
        .then((t) => t.card.masked_account_number),
    ),
  ]);
  expect(during.every((m: string) => /^(411111|555555)\*{6}(1111|4444)$/.test(m))).toBe(true);

  await expect
    .poll(async () => (await a.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${rotation.id}`, headers: admin })).json().state, { timeout: 10_000 })
    .toBe('done');
  const rows = await stored(a);
  expect(rows).toHaveLength(36);
  for (const row of rows) {
    expect(row.pan_ct.startsWith('v2.')).toBe(true);
    expect(row.holder_ct!.startsWith('v2.')).toBe(true);
    expect(row.fingerprint.startsWith('f2.')).toBe(true);
    expect([VISA, MASTERCARD]).toContain(a.deps.cipher.decrypt(row.pan_ct, `tokens:${row.id}:pan`));
  }
  // Webhook secrets and JWE private keys moved too; the old key remains for decryption only.
  const keys = await a.deps.db.selectFrom('data_keys').select(['purpose', 'version', 'state']).where('purpose', '=', 'field').orderBy('version').execute();
  expect(keys.map((k) => [Number(k.version), k.state])).toEqual([
    [1, 'retired'],
    [2, 'active'],
  ]);
  for (const k of await a.deps.db.selectFrom('jwe_keys').select('private_ct').execute()) expect(k.private_ct.startsWith('v2.')).toBe(true);
  // Every column of every table under the field key is on the new version, and reads back.
  const versions = await versionsOf(a, 'field');
  expect(versions.filter((c) => !c.endsWith(': v2'))).toEqual([]);
  for (const column of [
    'network_tokens.pan_ct',
    'network_tokens.number_ct',
    'network_cryptograms.payload_ct',
    'sandbox_tsp_tokens.key_ct',
    'webhooks.hmac_key_ct',
    'idempotency.response_ct',
  ]) {
    expect(versions).toContain(`${column}: v2`);
  }
  await readSeeded(b, seeded);
  const trail = (await a.app.inject({ method: 'GET', url: '/api/admin/audit-events?action=key_rotation.field', headers: admin })).json();
  expect(trail.data[0]).toMatchObject({ actor: 'admin', resource: rotation.id, detail: { from: 1, to: 2 } });
});

it('fingerprints are looked up under every live key while the rotation is under way (dual lookup)', async () => {
  const v = await vault();
  const old = await createToken(v);
  await startRotation(v.deps, 'field', 'admin', '127.0.0.1'); // new keys active; job not run yet
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
  const row = await startRotation(v.deps, 'field', 'admin', '127.0.0.1');
  let batches = 0;
  await expect(
    runRotation(v.deps, row.id, {
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
  const hook = await a.app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin,
    payload: { events: ['pci.token.security-code.expired'], url: 'https://merchant.example/hooks' },
  });
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
  const row = await startRotation(a.deps, 'field', 'admin', '127.0.0.1');
  const first = await runRotation(a.deps, row.id);
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

it('rotates the generic-payload key: generic tokens are re-encrypted by the job and read back; the field key is left alone', async () => {
  const v = await vault();
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    ids.push(
      (await v.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { iban: `DE8937040044053201300${i}` } } })).json()
        .id,
    );
  }
  const started = await v.app.inject({ method: 'POST', url: '/api/admin/key-rotations', headers: admin, payload: { kind: 'generic_payload' } });
  expect(started.statusCode).toBe(202);
  expect(started.json()).toMatchObject({ kind: 'generic_payload', from_version: 1, to_version: 2, total: 7 });
  await expect
    .poll(async () => (await v.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${started.json().id}`, headers: admin })).json().state, {
      timeout: 10_000,
    })
    .toBe('done');
  expect((await versionsOf(v, 'generic_payload')).every((c) => c.endsWith(': v2'))).toBe(true);
  for (const [i, id] of ids.entries()) {
    const row = await v.deps.db.selectFrom('generic_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(readGenericPayload(v.deps, row).iban).toBe(`DE8937040044053201300${i}`);
  }
  expect(v.deps.keyStore!.active('field')).toBe(1);
  expect(v.deps.keyStore!.active('generic_payload')).toBe(2);
});

it('rotates the security-code key: new codes use the new version, old ones stay readable until they expire, and the rotation is done once none can remain', async () => {
  const v = await vault();
  const pan = { type: 'pan', account_number: VISA, expiry_month: 2, expiry_year: FUTURE_YEAR, security_code: '737' };
  const old = (await v.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } })).json().id as string;
  expect((await v.deps.securityCodeStore.get(old))!.startsWith('v1.')).toBe(true);

  const started = await v.app.inject({ method: 'POST', url: '/api/admin/key-rotations', headers: admin, payload: { kind: 'security_code' } });
  expect(started.statusCode).toBe(202);
  const rotation = started.json();
  // The store cannot be listed: the old entries are left to their TTL (3600 s here), which the state names.
  expect(Date.parse(rotation.old_entries_expire_at) - Date.parse(rotation.started_at)).toBe(3600_000);
  const fresh = (await v.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } })).json().id as string;
  expect((await v.deps.securityCodeStore.get(fresh))!.startsWith('v2.')).toBe(true);
  expect(await v.deps.securityCodes.reveal(old)).toBe('737');
  expect(await v.deps.securityCodes.reveal(fresh)).toBe('737');

  await expect
    .poll(async () => (await v.deps.db.selectFrom('key_rotations').select('lease_until').where('id', '=', rotation.id).executeTakeFirstOrThrow()).lease_until)
    .toBe(Date.parse(rotation.old_entries_expire_at));
  expect(await resumeRotations(v.deps)).toBe(0); // not before: old entries may remain
  expect((await v.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${rotation.id}`, headers: admin })).json().state).toBe('running');
  v.advance(3600_000 + 1);
  expect(await resumeRotations(v.deps)).toBe(1);
  expect((await v.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${rotation.id}`, headers: admin })).json().state).toBe('done');
  if (backend === 'sqlite') expect(await v.deps.securityCodeStore.get(old)).toBeUndefined(); // the memory store runs on the test clock
});

it('a crash while a rotation starts leaves no active key version without its rotation: the start is one transaction', async () => {
  const v = await vault();
  const before = await createToken(v);
  await expect(
    startRotation(v.deps, 'field', 'admin', '127.0.0.1', {
      beforeCommit: () => {
        throw new Error('simulated crash before commit');
      },
    }),
  ).rejects.toThrow('simulated crash');
  const keys = await v.deps.db.selectFrom('data_keys').select(['purpose', 'version', 'state']).where('purpose', 'in', ['field', 'fingerprint']).execute();
  expect(keys.map((k) => [k.purpose, Number(k.version), k.state]).sort()).toEqual([
    ['field', 1, 'active'],
    ['fingerprint', 1, 'active'],
  ]);
  expect(await v.deps.db.selectFrom('key_rotations').selectAll().execute()).toEqual([]);
  // Nothing was encrypted under the version that never committed.
  expect(v.deps.keyStore!.active('field')).toBe(1);
  const after = await createToken(v);
  expect((await stored(v)).find((r) => r.id === after)!.pan_ct.startsWith('v1.')).toBe(true);
  // The next start works and carries both tokens over.
  const row = await startRotation(v.deps, 'field', 'admin', '127.0.0.1');
  expect((await runRotation(v.deps, row.id))!.state).toBe('done');
  expect((await stored(v)).map((r) => r.pan_ct.slice(0, 3))).toEqual(['v2.', 'v2.']);
  for (const id of [before, after]) expect((await readToken(v, id)).card.masked_account_number).toBe('411111******1111');
});

it('a key version activated without its rotation row (what the two-step start could leave) is adopted and re-encrypted for at the next sweep', async () => {
  const v = await vault();
  const id = await createToken(v);
  // The old start's first step alone: new versions active, no rotation row.
  await v.deps.db.transaction().execute(async (trx) => {
    await v.deps.keyStore!.addVersion('field', trx);
    await v.deps.keyStore!.addVersion('fingerprint', trx);
  });
  await v.deps.keyStore!.refresh();
  expect(await resumeRotations(v.deps)).toBe(1);
  const rows = await v.deps.db.selectFrom('key_rotations').selectAll().execute();
  expect(rows).toMatchObject([{ kind: 'field', state: 'done', from_version: 1, to_version: 2 }]);
  expect((await stored(v))[0]!.pan_ct.startsWith('v2.')).toBe(true);
  expect((await readToken(v, id)).card.masked_account_number).toBe('411111******1111');
  expect(await resumeRotations(v.deps)).toBe(0); // adopted once
});

it('a crash in the middle of a master re-wrap restarts cleanly with the same keys and finishes; the admin route shows its progress', async () => {
  const oldMaster = randomBytes(32);
  const newMaster = randomBytes(32);
  const a = await vault({ masterKey: oldMaster });
  await recordMasterKey(a.deps.db, oldMaster);
  const seeded = await seedEncryptedRows(a);
  // More data keys than the four first versions: a field rotation first.
  const field = await startRotation(a.deps, 'field', 'admin', '127.0.0.1');
  await runRotation(a.deps, field.id);
  const wrapped = await a.deps.db.selectFrom('data_keys').select(['purpose', 'version']).execute();
  expect(wrapped).toHaveLength(6);

  // The restart with the new key and the previous one dies after two keys are re-wrapped…
  await expect(checkMasterKey(a.deps.db, newMaster)).rejects.toThrow(MasterKeyMismatchError);
  await expect(
    rotateMasterKey(a.deps.db, newMaster, oldMaster, {
      afterRow: (done) => {
        if (done === 2) throw new Error('simulated crash');
      },
    }),
  ).rejects.toThrow('simulated crash');
  const list = (await a.app.inject({ method: 'GET', url: '/api/admin/key-rotations', headers: admin })).json();
  const master = list.data.find((r: { kind: string }) => r.kind === 'master');
  expect(master).toMatchObject({ kind: 'master', state: 'running', done: 2, total: 6 });
  const keks = await a.deps.db.selectFrom('data_keys').select('kek_id').execute();
  expect(keks.filter((k) => k.kek_id === kekId(newMaster))).toHaveLength(2);
  // …the vault is still the old master's (its record), so the same environment starts again…
  expect(await checkMasterKey(a.deps.db, oldMaster)).toBe('verified');
  const second = await rotateMasterKey(a.deps.db, newMaster, oldMaster);
  expect(second!.rewrapped).toBe(4);
  expect(second!.row).toMatchObject({ id: master.id, kind: 'master', state: 'done' });
  expect(Number(second!.row.done)).toBe(6);
  // …and afterwards the new key alone opens the vault and reads everything.
  expect(await checkMasterKey(a.deps.db, newMaster)).toBe('verified');
  await expect(checkMasterKey(a.deps.db, oldMaster)).rejects.toThrow(MasterKeyMismatchError);
  const b = await vault({ peerOf: a, masterKey: newMaster });
  expect(b.deps.keyStore!.rewrapped).toBe(0);
  await readSeeded(b, seeded);
  expect((await b.app.inject({ method: 'GET', url: `/api/admin/key-rotations/${master.id}`, headers: admin })).json()).toMatchObject({
    state: 'done',
    done: 6,
    total: 6,
  });
  // A restart that still names the previous key finds nothing left to do.
  expect(await rotateMasterKey(a.deps.db, newMaster, oldMaster)).toBeUndefined();
});

it('a crash after the last re-wrap but before the known-answer record moved also finishes on restart, and only then is the rotation done', async () => {
  const oldMaster = randomBytes(32);
  const newMaster = randomBytes(32);
  const a = await vault({ masterKey: oldMaster });
  await recordMasterKey(a.deps.db, oldMaster);
  await expect(
    rotateMasterKey(a.deps.db, newMaster, oldMaster, {
      afterRow: (done) => {
        if (done === 4) throw new Error('simulated crash');
      },
    }),
  ).rejects.toThrow('simulated crash');
  expect(await a.deps.db.selectFrom('key_rotations').select(['state', 'done', 'total']).execute()).toMatchObject([{ state: 'running' }]);
  expect(await checkMasterKey(a.deps.db, oldMaster)).toBe('verified'); // the record has not moved yet
  const second = await rotateMasterKey(a.deps.db, newMaster, oldMaster);
  expect(second).toMatchObject({ rewrapped: 0, row: { state: 'done' } });
  expect(await checkMasterKey(a.deps.db, newMaster)).toBe('verified');
});

it('walks every listed table one row per batch, across table boundaries and composite keys, and resumes between tables', async () => {
  const v = await vault();
  const seeded = [await seedEncryptedRows(v, 0), await seedEncryptedRows(v, 1), await seedEncryptedRows(v, 2)];
  const row = await startRotation(v.deps, 'field', 'admin', '127.0.0.1');
  let batches = 0;
  let crashedAt: string | null = null;
  // Crash once the cursor has left the first table: the resumed job starts from the second.
  await expect(
    runRotation(v.deps, row.id, {
      batchSize: 1,
      afterBatch: (r) => {
        batches += 1;
        if (!JSON.parse(r.cursor!).table.startsWith('tokens')) {
          crashedAt = r.cursor;
          throw new Error('simulated crash');
        }
      },
    }),
  ).rejects.toThrow('simulated crash');
  expect(JSON.parse(crashedAt!)).toMatchObject({ table: 'network_tokens' });
  v.advance(16_000);
  const count = () => {
    batches += 1;
  };
  expect(await resumeRotations(v.deps, { batchSize: 1, afterBatch: count })).toBe(1);
  const done = await v.deps.db.selectFrom('key_rotations').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  expect(done.state).toBe('done');
  expect(Number(done.done)).toBe(Number(row.total));
  expect(batches).toBe(Number(row.total));
  expect((await versionsOf(v, 'field')).filter((c) => !c.endsWith(': v2'))).toEqual([]);
  expect((await v.deps.db.selectFrom('idempotency').select('key').execute()).length).toBe(3);
  for (const s of seeded) await readSeeded(v, s);
});
