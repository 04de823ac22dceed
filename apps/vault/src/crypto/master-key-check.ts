import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import { deriveKeys } from './derive-keys.ts';
import { createFieldCipher, type FieldCipher } from './field-cipher.ts';

/** The one sentence an operator sees when the key and the database disagree. */
export const MASTER_KEY_MISMATCH = 'the master key does not match this database';

export class MasterKeyMismatchError extends Error {
  override name = 'MasterKeyMismatchError';
  constructor() {
    super(MASTER_KEY_MISMATCH);
  }
}

const CHECK_NAME = 'master_key_check';
const CHECK_AAD = `settings:${CHECK_NAME}`;
/** The known answer: decrypting the stored record under the right key yields exactly this. */
const KNOWN_ANSWER = 'cardframe master key check v1';

const fieldCipher = (masterKey: Buffer): FieldCipher => {
  const keys = deriveKeys(masterKey);
  return createFieldCipher(keys.field, keys.fieldVersion);
};

const decrypts = (cipher: FieldCipher, ciphertext: string, aad: string, expected?: string) => {
  try {
    const clear = cipher.decrypt(ciphertext, aad);
    return expected === undefined || clear === expected;
  } catch {
    return false;
  }
};

/** Undefined when the table does not exist yet (a database this vault has never migrated). */
async function readOrMissing<T>(query: () => Promise<T>): Promise<T | undefined> {
  try {
    return await query();
  } catch (error) {
    if (/no such table|does not exist/i.test(String((error as Error).message))) return undefined;
    throw error;
  }
}

export type KeyState =
  /** Nothing is encrypted yet: any key may be the first. */
  | 'empty'
  /** The database names a master key and `masterKey` is it. */
  | 'verified';

/**
 * Read-only: checks `masterKey` against the database before anything is written. The known-answer
 * record decides; a database from before the record existed is checked against its own
 * ciphertext (a JWE private key, else a token's PAN). Throws {@link MasterKeyMismatchError} on a
 * mismatch. `masterKey` undefined asks only whether the database holds data under some key.
 */
export async function checkMasterKey(db: Kysely<Database>, masterKey: Buffer | undefined): Promise<KeyState | 'has-data'> {
  const check = await readOrMissing(() => db.selectFrom('settings').select('value').where('name', '=', CHECK_NAME).executeTakeFirst());
  const jweKey = check ? undefined : await readOrMissing(() => db.selectFrom('jwe_keys').select(['kid', 'private_ct']).limit(1).executeTakeFirst());
  const token = check || jweKey ? undefined : await readOrMissing(() => db.selectFrom('tokens').select(['id', 'pan_ct']).limit(1).executeTakeFirst());
  if (!check && !jweKey && !token) return 'empty';
  if (!masterKey) return 'has-data';
  const cipher = fieldCipher(masterKey);
  const matches = check
    ? decrypts(cipher, check.value, CHECK_AAD, KNOWN_ANSWER)
    : jweKey
      ? decrypts(cipher, jweKey.private_ct, `jwe_keys:${jweKey.kid}:private`)
      : decrypts(cipher, token!.pan_ct, `tokens:${token!.id}:pan`);
  if (!matches) throw new MasterKeyMismatchError();
  return 'verified';
}

/**
 * After migrations: writes the known-answer record if there is none, then verifies it, so two
 * first starts with different keys cannot both win (the loser refuses to start).
 */
export async function recordMasterKey(db: Kysely<Database>, masterKey: Buffer, now: () => number = Date.now): Promise<void> {
  const cipher = fieldCipher(masterKey);
  await db
    .insertInto('settings')
    .values({ name: CHECK_NAME, value: cipher.encrypt(KNOWN_ANSWER, CHECK_AAD), created_at: now() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('name', '=', CHECK_NAME).executeTakeFirstOrThrow();
  if (!decrypts(cipher, row.value, CHECK_AAD, KNOWN_ANSWER)) throw new MasterKeyMismatchError();
}

/**
 * A master-key rotation (CARDFRAME_PREVIOUS_MASTER_KEY): once the data keys are re-wrapped under
 * the new key, the known-answer record is rewritten under it too, so the next start verifies the
 * new key alone. Called only after `previous` was verified against the record.
 */
export async function replaceMasterKeyRecord(db: Kysely<Database>, masterKey: Buffer): Promise<void> {
  await db
    .updateTable('settings')
    .set({ value: fieldCipher(masterKey).encrypt(KNOWN_ANSWER, CHECK_AAD) })
    .where('name', '=', CHECK_NAME)
    .execute();
}
