import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { KeyPurpose, KeyRotationsTable } from '../storage/database.ts';
import { tablesFor, type EncryptedTable, type StoredPurpose } from './encrypted-columns.ts';
import type { FieldCipher } from './field-cipher.ts';
import { rotationId } from './rotation-id.ts';

/**
 * Rotation of the data keys without downtime (issue 13 §2; PCI DSS 3.6.4 cryptoperiods, 3.7.5
 * retired keys decrypt only). One rotation per kind:
 * - `field`: the field-encryption key and the fingerprint key together (the token pass has the
 *   PAN in hand to re-key its fingerprint);
 * - `generic_payload`: the generic tokens' key;
 * - `security_code`: the CVC key. Security codes live only in the ephemeral store, which cannot be
 *   listed, under a TTL: new writes use the new version and the old entries expire. The rotation
 *   is done once no entry under the old version can remain (settle time + CVC TTL after the start).
 *
 * 1. start: in one transaction the new versions become active and the rotation row is written, so
 *    a crash leaves either both or neither; new writes use the new version at once (other
 *    processes learn it at their next key refresh, every sweep interval);
 * 2. a background job walks every table of encrypted-columns.ts for the purpose, batch by batch in
 *    primary-key order, and re-encrypts what is not on the new version yet;
 * 3. reads work throughout: every version stays loaded for decryption;
 * 4. the job's cursor and counts are committed with each batch, and the job holds a lease, so after
 *    a crash any process resumes it where it stopped; a row already on the new version is skipped.
 */
export type RotationKind = Exclude<KeyRotationsTable['kind'], 'master'>;
export const ROTATION_KINDS: readonly RotationKind[] = ['field', 'generic_payload', 'security_code'];
const PURPOSES_OF: Record<RotationKind, readonly KeyPurpose[]> = {
  field: ['field', 'fingerprint'],
  generic_payload: ['generic_payload'],
  security_code: ['security_code'],
};

export const ROTATION_BATCH = 200;
/** Renewed with every batch; a holder that died is replaced this long after its last batch. */
const LEASE_MS = 15_000;

export interface RotationOptions {
  batchSize?: number;
  /** Pause between batches (CARDFRAME_KEY_ROTATION_PAUSE), to spare a busy database. */
  pauseMs?: number;
  /** Called after each committed batch (tests inject a crash here). */
  afterBatch?: (row: KeyRotationsTable) => void | Promise<void>;
}

export class RotationRunningError extends Error {
  override name = 'RotationRunningError';
  constructor(readonly rotationId: string) {
    super(`a key rotation of this kind is already running (${rotationId})`);
  }
}

const onVersion = (ct: unknown, version: number) => ct === null || (typeof ct === 'string' && ct.startsWith(`v${version}.`));

/** When no security code written under the old version can still be in the store. */
export const securityCodesGoneAt = (deps: VaultDeps, row: Pick<KeyRotationsTable, 'started_at'>) =>
  Number(row.started_at) + deps.keyRefreshMs + deps.securityCodeTtlSeconds * 1000;

/** The tables are walked by name from encrypted-columns.ts, which its test holds against the schema. */
export type UntypedDb = Kysely<Record<string, Record<string, unknown>>>;
const untyped = (deps: VaultDeps) => deps.db as unknown as UntypedDb;

async function countRows(db: UntypedDb, tables: readonly EncryptedTable[]): Promise<number> {
  let total = 0;
  for (const t of tables)
    total += Number(
      (
        await db
          .selectFrom(t.table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return total;
}

export interface StartOptions {
  /** Runs inside the start's transaction, after every write (tests inject a crash here). */
  beforeCommit?: () => void | Promise<void>;
}

export async function startRotation(
  deps: VaultDeps,
  kind: RotationKind,
  actor: string,
  client: string,
  options: StartOptions = {},
): Promise<KeyRotationsTable> {
  const store = deps.keyStore;
  if (!store) throw new Error('key rotation needs the key store');
  const tables = kind === 'security_code' ? [] : tablesFor(kind);
  const row = await deps.db.transaction().execute(async (trx) => {
    const running = await trx.selectFrom('key_rotations').select('id').where('kind', '=', kind).where('state', '=', 'running').executeTakeFirst();
    if (running) throw new RotationRunningError(running.id);
    let main: { from: number; to: number } | undefined;
    for (const purpose of PURPOSES_OF[kind]) {
      const added = await store.addVersion(purpose, trx);
      main ??= added;
    }
    const now = deps.now();
    const row: KeyRotationsTable = {
      id: randomUUID(),
      kind,
      state: 'running',
      from_version: main!.from,
      to_version: main!.to,
      cursor: null,
      done: 0,
      total: await countRows(trx as unknown as UntypedDb, tables),
      lease_until: null,
      started_at: now,
      updated_at: now,
      finished_at: null,
    };
    await trx.insertInto('key_rotations').values(row).execute();
    await options.beforeCommit?.();
    return row;
  });
  // Only now, committed, may the new versions encrypt in this process.
  await store.refresh();
  await recordAudit(deps, {
    actor,
    client,
    action: `key_rotation.${kind}`,
    resource: row.id,
    outcome: 'success',
    detail: { from: row.from_version, to: row.to_version },
  });
  return row;
}

/** Takes the lease when it is free or lapsed; false when another process holds it. */
async function claim(deps: VaultDeps, id: string): Promise<boolean> {
  const now = deps.now();
  const res = await deps.db
    .updateTable('key_rotations')
    .set({ lease_until: now + LEASE_MS })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

interface Cursor {
  table: string;
  key: string[] | null;
}

function readCursor(cursor: string | null, tables: readonly EncryptedTable[]): Cursor {
  if (cursor === null) return { table: tables[0]!.table, key: null };
  // A rotation started before the cursor named its table walked tokens only, by id.
  if (!cursor.startsWith('{')) return { table: 'tokens', key: [cursor] };
  return JSON.parse(cursor) as Cursor;
}

const getRow = (deps: VaultDeps, id: string) => deps.db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function finish(deps: VaultDeps, id: string): Promise<KeyRotationsTable> {
  const now = deps.now();
  await deps.db.updateTable('key_rotations').set({ state: 'done', finished_at: now, updated_at: now, lease_until: null }).where('id', '=', id).execute();
  return getRow(deps, id);
}

/** Hands the rotation back until `at`; a later sweep (in any process) resumes it. */
async function waitUntil(deps: VaultDeps, id: string, at: number): Promise<KeyRotationsTable> {
  await deps.db.updateTable('key_rotations').set({ lease_until: at, updated_at: deps.now() }).where('id', '=', id).execute();
  return getRow(deps, id);
}

/** The first row of `table` not yet on version `to`, if any. */
async function firstStale(db: UntypedDb, table: EncryptedTable, to: number) {
  return db
    .selectFrom(table.table)
    .select(table.key as string[])
    .where((eb) => eb.or(table.columns.map((c) => eb.and([eb(c.name, 'is not', null), eb(c.name, 'not like', `v${to}.%`)]))))
    .limit(1)
    .executeTakeFirst();
}

/** Runs (or resumes) one rotation to its end, batch by batch; undefined when another process holds it. */
export async function runRotation(deps: VaultDeps, id: string, options: RotationOptions = {}): Promise<KeyRotationsTable | undefined> {
  const store = deps.keyStore!;
  if (!(await claim(deps, id))) return undefined;
  await store.refresh();
  let rotation = await getRow(deps, id);
  // Processes that have not refreshed their keys yet still write with the old version: until they
  // all have (deps.keyRefreshMs after the start), the job cannot be sure of the last old row.
  const settledAt = Number(rotation.started_at) + deps.keyRefreshMs;
  if (rotation.kind === 'security_code') {
    const goneAt = securityCodesGoneAt(deps, rotation);
    return deps.now() < goneAt ? waitUntil(deps, id, goneAt) : finish(deps, id);
  }
  if (rotation.kind === 'master') return undefined;
  const purpose: StoredPurpose = rotation.kind;
  const tables = tablesFor(purpose);
  const cipher = purpose === 'field' ? deps.cipher : deps.genericCipher;
  const to = store.active(purpose);
  const batchSize = options.batchSize ?? deps.keyRotation.batchSize;
  const pauseMs = options.pauseMs ?? deps.keyRotation.pauseMs;
  const db = untyped(deps);
  let cursor = readCursor(rotation.cursor, tables);
  for (;;) {
    const index = tables.findIndex((t) => t.table === cursor.table);
    const table = tables[index];
    if (!table) {
      if (deps.now() < settledAt) return waitUntil(deps, id, settledAt);
      // Late writers (a process that had not refreshed its keys yet) may have left old rows behind: sweep again.
      let left = false;
      for (const t of tables) if (await firstStale(db, t, to)) left = true;
      if (!left) break;
      cursor = { table: tables[0]!.table, key: null };
      continue;
    }
    const batch = await selectBatch(db, table, cursor.key, batchSize);
    if (batch.length === 0) {
      cursor = { table: tables[index + 1]?.table ?? '', key: null };
      continue;
    }
    const last = table.key.map((k) => String(batch.at(-1)![k]));
    const next: Cursor = batch.length < batchSize ? { table: tables[index + 1]?.table ?? '', key: null } : { table: table.table, key: last };
    await deps.db.transaction().execute(async (trx) => {
      for (const row of batch) await reencryptRow(deps, trx as unknown as UntypedDb, table, row, cipher, to);
      const done = Number(rotation.done) + batch.length;
      const now = deps.now();
      const set = { cursor: JSON.stringify(next), done, total: Math.max(Number(rotation.total), done), updated_at: now, lease_until: now + LEASE_MS + pauseMs };
      await trx.updateTable('key_rotations').set(set).where('id', '=', id).execute();
      rotation = { ...rotation, ...set };
    });
    cursor = next;
    await options.afterBatch?.(rotation);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return finish(deps, id);
}

function selectBatch(db: UntypedDb, table: EncryptedTable, after: readonly string[] | null, limit: number): Promise<Record<string, unknown>[]> {
  const columns = [...new Set([...table.key, ...table.columns.map((c) => c.name), ...(table.fingerprint ? [table.fingerprint.column] : [])])];
  let query = db.selectFrom(table.table).select(columns).limit(limit);
  for (const k of table.key) query = query.orderBy(k);
  if (after) {
    query =
      table.key.length === 1
        ? query.where(table.key[0]!, '>', after[0])
        : query.where((eb) => eb(eb.refTuple(table.key[0]!, table.key[1]!), '>', eb.tuple(after[0]!, after[1]!)));
  }
  return query.execute();
}

/** Re-encrypts one row's columns, only if no writer changed them since they were read. */
async function reencryptRow(
  deps: VaultDeps,
  trx: UntypedDb,
  table: EncryptedTable,
  row: Record<string, unknown>,
  cipher: FieldCipher,
  to: number,
): Promise<void> {
  if (table.columns.every((c) => onVersion(row[c.name], to))) return;
  const key = table.key.map((k) => String(row[k]));
  const set: Record<string, string | null> = {};
  const clear: Record<string, string> = {};
  for (const c of table.columns) {
    const ct = row[c.name] as string | null;
    if (ct === null) continue;
    clear[c.name] = cipher.decrypt(ct, c.aad(key));
    set[c.name] = cipher.encrypt(clear[c.name]!, c.aad(key));
  }
  if (table.fingerprint) set[table.fingerprint.column] = deps.fingerprint(clear[table.fingerprint.of]!);
  let update = trx.updateTable(table.table).set(set);
  for (const [i, k] of table.key.entries()) update = update.where(k, '=', key[i]);
  for (const c of table.columns) update = row[c.name] === null ? update.where(c.name, 'is', null) : update.where(c.name, '=', row[c.name]);
  await update.execute();
}

/**
 * A key version that is active without a rotation row to re-encrypt for it: what a crash between
 * the two writes of a start left behind before they shared one transaction. Such a version gets
 * its rotation row now, so the old rows are re-encrypted as after any start.
 */
async function adoptOrphanVersions(deps: VaultDeps): Promise<void> {
  const store = deps.keyStore!;
  for (const kind of ROTATION_KINDS) {
    const to = store.active(PURPOSES_OF[kind][0]!);
    if (to === 1) continue;
    const latest = await deps.db
      .selectFrom('key_rotations')
      .select((eb) => eb.fn.max('to_version').as('to'))
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (latest?.to !== null && latest?.to !== undefined && Number(latest.to) >= to) continue;
    const now = deps.now();
    await deps.db
      .insertInto('key_rotations')
      .values({
        id: rotationId(`${kind}:${to}`),
        kind,
        state: 'running',
        from_version: to - 1,
        to_version: to,
        cursor: null,
        done: 0,
        total: kind === 'security_code' ? 0 : await countRows(untyped(deps), tablesFor(kind)),
        lease_until: null,
        started_at: now,
        updated_at: now,
        finished_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/**
 * Picks up rotations whose holder died (lease lapsed) or that wait for their settle time, and
 * adopts orphan key versions; called at start and on every sweep, after the keys are refreshed.
 */
export async function resumeRotations(deps: VaultDeps, options: RotationOptions = {}): Promise<number> {
  if (!deps.keyStore) return 0;
  await adoptOrphanVersions(deps);
  const running = await deps.db
    .selectFrom('key_rotations')
    .select('id')
    .where('kind', 'in', [...ROTATION_KINDS])
    .where('state', '=', 'running')
    .execute();
  let resumed = 0;
  for (const { id } of running) if (await runRotation(deps, id, options)) resumed += 1;
  return resumed;
}

/** How long a stopped rotation's lease keeps another process from resuming it (tests and docs). */
export const ROTATION_LEASE_MS = LEASE_MS;
