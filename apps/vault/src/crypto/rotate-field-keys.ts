import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { KeyRotationsTable } from '../storage/database.ts';

/**
 * Rotation of the field-encryption and fingerprint keys without downtime (issue 13 §2; PCI DSS
 * 3.6.4 cryptoperiods, 3.7.5 retired keys decrypt only):
 * 1. start: new versions of both keys become active, so new writes use them at once (other
 *    processes learn it at their next key refresh, every sweep interval);
 * 2. a background job re-encrypts old token rows in batches (PAN, holder name, fingerprint), then
 *    the small tables (webhook secrets, JWE private keys, idempotent responses);
 * 3. reads work throughout: every version stays loaded for decryption;
 * 4. the job's cursor and counts are committed with each batch, and the job holds a lease, so after
 *    a crash any process resumes it where it stopped; a row already on the new version is skipped.
 */
export const ROTATION_BATCH = 200;
const LEASE_MS = 60_000;

export interface RotationOptions {
  batchSize?: number;
  /** Called after each committed batch (tests inject a crash here). */
  afterBatch?: (row: KeyRotationsTable) => void | Promise<void>;
}

const onVersion = (ct: string | null, version: number) => ct === null || ct.startsWith(`v${version}.`);

export async function startFieldRotation(deps: VaultDeps, actor: string, client: string): Promise<KeyRotationsTable> {
  const store = deps.keyStore;
  if (!store) throw new Error('key rotation needs the key store');
  const running = await deps.db.selectFrom('key_rotations').select('id').where('kind', '=', 'field').where('state', '=', 'running').executeTakeFirst();
  if (running) throw Object.assign(new Error('a field key rotation is already running'), { rotationId: running.id });
  const field = await store.addVersion('field');
  await store.addVersion('fingerprint');
  const { count } = await deps.db.selectFrom('tokens').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  const now = deps.now();
  const row: KeyRotationsTable = {
    id: randomUUID(),
    kind: 'field',
    state: 'running',
    from_version: field.from,
    to_version: field.to,
    cursor: null,
    done: 0,
    total: Number(count),
    lease_until: null,
    started_at: now,
    updated_at: now,
    finished_at: null,
  };
  await deps.db.insertInto('key_rotations').values(row).execute();
  await recordAudit(deps, { actor, client, action: 'key_rotation.field', resource: row.id, outcome: 'success', detail: { from: field.from, to: field.to } });
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

/** Runs (or resumes) one rotation to its end, batch by batch. */
export async function runFieldRotation(deps: VaultDeps, id: string, options: RotationOptions = {}): Promise<KeyRotationsTable | undefined> {
  const store = deps.keyStore!;
  if (!(await claim(deps, id))) return undefined;
  await store.refresh();
  const batchSize = options.batchSize ?? ROTATION_BATCH;
  let rotation = await deps.db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const to = store.active('field');
  for (;;) {
    let query = deps.db.selectFrom('tokens').select(['id', 'pan_ct', 'holder_ct', 'fingerprint']).orderBy('id').limit(batchSize);
    if (rotation.cursor) query = query.where('id', '>', rotation.cursor);
    const batch = await query.execute();
    if (batch.length === 0) {
      // Processes that have not refreshed their keys yet still write with the old version: until
      // they all have (deps.keyRefreshMs after the start), hand the rotation back; a later sweep
      // resumes it for the final pass.
      const settledAt = Number(rotation.started_at) + deps.keyRefreshMs;
      if (deps.now() < settledAt) {
        await deps.db.updateTable('key_rotations').set({ lease_until: settledAt, updated_at: deps.now() }).where('id', '=', id).execute();
        return deps.db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      }
      // Late writers (a process that had not refreshed its keys yet) may have left old rows behind: sweep again.
      const left = await deps.db
        .selectFrom('tokens')
        .select('id')
        .where(sql<boolean>`pan_ct not like ${`v${to}.%`}`)
        .limit(1)
        .executeTakeFirst();
      if (!left) break;
      rotation = { ...rotation, cursor: null };
      continue;
    }
    await deps.db.transaction().execute(async (trx) => {
      for (const row of batch) {
        if (onVersion(row.pan_ct, to) && onVersion(row.holder_ct, to)) continue;
        const pan = deps.cipher.decrypt(row.pan_ct, `tokens:${row.id}:pan`);
        const holder = row.holder_ct === null ? null : deps.cipher.decrypt(row.holder_ct, `tokens:${row.id}:holder`);
        await trx
          .updateTable('tokens')
          .set({
            pan_ct: deps.cipher.encrypt(pan, `tokens:${row.id}:pan`),
            holder_ct: holder === null ? null : deps.cipher.encrypt(holder, `tokens:${row.id}:holder`),
            fingerprint: deps.fingerprint(pan),
          })
          .where('id', '=', row.id)
          .where('pan_ct', '=', row.pan_ct)
          .execute();
      }
      const cursor = batch.at(-1)!.id;
      const done = Math.min(rotation.done + batch.length, Math.max(rotation.total, rotation.done + batch.length));
      const now = deps.now();
      await trx.updateTable('key_rotations').set({ cursor, done, updated_at: now, lease_until: now + LEASE_MS }).where('id', '=', id).execute();
      rotation = { ...rotation, cursor, done, updated_at: now };
    });
    await options.afterBatch?.(rotation);
  }
  await reencryptSmallTables(deps, to);
  const now = deps.now();
  await deps.db.updateTable('key_rotations').set({ state: 'done', finished_at: now, updated_at: now, lease_until: null }).where('id', '=', id).execute();
  return deps.db.selectFrom('key_rotations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Webhook secrets, JWE private keys and stored idempotent responses: few rows, one pass each. */
async function reencryptSmallTables(deps: VaultDeps, to: number): Promise<void> {
  for (const hook of await deps.db.selectFrom('webhooks').select(['id', 'hmac_key_ct']).execute()) {
    if (onVersion(hook.hmac_key_ct, to)) continue;
    const aad = `webhooks:${hook.id}:hmac_key`;
    await deps.db.updateTable('webhooks').set({ hmac_key_ct: deps.cipher.encrypt(deps.cipher.decrypt(hook.hmac_key_ct, aad), aad) }).where('id', '=', hook.id).where('hmac_key_ct', '=', hook.hmac_key_ct).execute();
  }
  for (const key of await deps.db.selectFrom('jwe_keys').select(['kid', 'private_ct']).execute()) {
    if (onVersion(key.private_ct, to)) continue;
    const aad = `jwe_keys:${key.kid}:private`;
    await deps.db.updateTable('jwe_keys').set({ private_ct: deps.cipher.encrypt(deps.cipher.decrypt(key.private_ct, aad), aad) }).where('kid', '=', key.kid).where('private_ct', '=', key.private_ct).execute();
  }
  for (const row of await deps.db.selectFrom('idempotency').select(['caller', 'key', 'response_ct']).where('response_ct', 'is not', null).execute()) {
    if (onVersion(row.response_ct, to)) continue;
    const aad = `idempotency:${row.caller}:${row.key}:response`;
    await deps.db
      .updateTable('idempotency')
      .set({ response_ct: deps.cipher.encrypt(deps.cipher.decrypt(row.response_ct!, aad), aad) })
      .where('caller', '=', row.caller)
      .where('key', '=', row.key)
      .where('response_ct', '=', row.response_ct)
      .execute();
  }
}

/** Picks up rotations whose holder died (lease lapsed); called at start and on every sweep. */
export async function resumeRotations(deps: VaultDeps, options: RotationOptions = {}): Promise<number> {
  if (!deps.keyStore) return 0;
  const running = await deps.db.selectFrom('key_rotations').select('id').where('kind', '=', 'field').where('state', '=', 'running').execute();
  let resumed = 0;
  for (const { id } of running) if (await runFieldRotation(deps, id, options)) resumed += 1;
  return resumed;
}
