import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, DataKeysTable, KeyPurpose } from '../storage/database.ts';

/**
 * The vault's data-encryption keys, kept in the database wrapped under the master key (issue 13
 * §2; PCI DSS 3.6.1: a key-encrypting key stored apart from the data keys). Version 1 of each
 * purpose is the HKDF derivation the vault always used, so existing data stays readable; it is
 * written wrapped on the first start with this store. From then on:
 * - a master rotation re-wraps the rows (start with the new CARDFRAME_MASTER_KEY and the old one
 *   in CARDFRAME_PREVIOUS_MASTER_KEY; rotate-master-key.ts re-wraps them one by one, tracked, so a
 *   crash resumes);
 * - a data-key rotation adds a random version, makes it active for new writes and retires the old
 *   one to decrypt-only (PCI DSS 3.7.5); rotate-data-keys.ts re-encrypts old rows.
 */
export const PURPOSES: readonly KeyPurpose[] = ['field', 'fingerprint', 'security_code', 'generic_payload'];

export interface KeyStore {
  /** Every version per purpose, decrypt side; updated in place by refresh(). */
  readonly versions: Record<KeyPurpose, Map<number, Buffer>>;
  active(purpose: KeyPurpose): number;
  key(purpose: KeyPurpose): Buffer;
  /** Re-reads the table: another process may have rotated. */
  refresh(): Promise<void>;
  /**
   * Writes a new random version of `purpose` in `trx`, active from its commit on; the previous one
   * is retired. This process uses it after the caller commits and calls refresh(): a rolled-back
   * version must never encrypt anything.
   */
  addVersion(purpose: KeyPurpose, trx: Transaction<Database>): Promise<{ from: number; to: number }>;
  /** Rows this start re-wrapped from the previous master key (0 when none). */
  readonly rewrapped: number;
}

export class KeyStoreError extends Error {
  override name = 'KeyStoreError';
}

export function kekId(master: Buffer): string {
  return createHmac('sha256', master).update('cardframe/kek-id').digest('hex').slice(0, 16);
}

const aad = (purpose: string, version: number) => Buffer.from(`data_keys:${purpose}:${version}`, 'utf8');

function wrap(master: Buffer, purpose: string, version: number, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, iv).setAAD(aad(purpose, version));
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

function unwrap(master: Buffer, row: Pick<DataKeysTable, 'purpose' | 'version' | 'wrapped'>): Buffer {
  const [iv, tag, ct] = row.wrapped.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', master, iv!).setAAD(aad(row.purpose, row.version));
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(ct!), decipher.final()]);
}

/**
 * Re-wraps one data key from the previous master key to the new one, only if nobody did meanwhile;
 * returns the rows changed (0 or 1).
 */
export async function rewrapDataKey(
  db: Kysely<Database> | Transaction<Database>,
  row: Pick<DataKeysTable, 'purpose' | 'version' | 'wrapped'>,
  previous: Buffer,
  master: Buffer,
): Promise<number> {
  const version = Number(row.version);
  const res = await db
    .updateTable('data_keys')
    .set({ wrapped: wrap(master, row.purpose, version, unwrap(previous, row)), kek_id: kekId(master) })
    .where('purpose', '=', row.purpose)
    .where('version', '=', version)
    .where('kek_id', '=', kekId(previous))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The keys the vault derived before this store existed; version 1 stays exactly these. */
export function legacyKey(master: Buffer, purpose: KeyPurpose): Buffer {
  const info = { field: 'field/v1', fingerprint: 'fingerprint/v1', security_code: 'security-code/v1', generic_payload: 'generic-payload/v1' }[purpose];
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cardframe/${info}`, 32));
}

export async function openKeyStore(
  db: Kysely<Database>,
  master: Buffer,
  options: { previousMaster?: Buffer | undefined; now?: () => number } = {},
): Promise<KeyStore> {
  const now = options.now ?? Date.now;
  const current = kekId(master);
  const previous = options.previousMaster ? kekId(options.previousMaster) : undefined;

  // First start with the store: version 1 of each purpose, wrapped (concurrent starts agree via the PK).
  for (const purpose of PURPOSES) {
    await db
      .insertInto('data_keys')
      .values({ purpose, version: 1, wrapped: wrap(master, purpose, 1, legacyKey(master, purpose)), kek_id: current, state: 'active', created_at: now() })
      .onConflict((oc) => oc.columns(['purpose', 'version']).doNothing())
      .execute();
  }

  const versions = Object.fromEntries(PURPOSES.map((p) => [p, new Map<number, Buffer>()])) as Record<KeyPurpose, Map<number, Buffer>>;
  const activeVersion = Object.fromEntries(PURPOSES.map((p) => [p, 1])) as Record<KeyPurpose, number>;
  let rewrapped = 0;

  const load = async () => {
    const rows = await db.selectFrom('data_keys').selectAll().orderBy('purpose').orderBy('version').execute();
    for (const row of rows) {
      const version = Number(row.version);
      let key: Buffer;
      if (row.kek_id === current) key = unwrap(master, row);
      else if (row.kek_id === previous) {
        key = unwrap(options.previousMaster!, row);
        // A key the master rotation (rotate-master-key.ts) has not seen, e.g. one a process still on the old master added since.
        rewrapped += await rewrapDataKey(db, row, options.previousMaster!, master);
      } else {
        throw new KeyStoreError(
          `data key ${row.purpose} v${version} is wrapped under another master key (kek ${row.kek_id}); this vault's is ${current}` +
            (previous ? ` and the previous one ${previous}` : '; to rotate the master key, also set CARDFRAME_PREVIOUS_MASTER_KEY to the old one'),
        );
      }
      versions[row.purpose].set(version, key);
      if (row.state === 'active') activeVersion[row.purpose] = version;
    }
  };
  await load();

  return {
    versions,
    active: (purpose) => activeVersion[purpose],
    key: (purpose) => versions[purpose].get(activeVersion[purpose])!,
    get rewrapped() {
      return rewrapped;
    },
    refresh: load,
    async addVersion(purpose, trx) {
      const top = await trx
        .selectFrom('data_keys')
        .select('version')
        .where('purpose', '=', purpose)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const from = Number(top.version);
      const to = from + 1;
      await trx.updateTable('data_keys').set({ state: 'retired' }).where('purpose', '=', purpose).where('state', '=', 'active').execute();
      // A concurrent start computes the same version: the primary key lets only one commit.
      await trx
        .insertInto('data_keys')
        .values({ purpose, version: to, wrapped: wrap(master, purpose, to, randomBytes(32)), kek_id: current, state: 'active', created_at: now() })
        .execute();
      return { from, to };
    },
  };
}
