import type { KeyPurpose } from '../storage/database.ts';

/** The data-key purposes whose ciphertexts live in database tables (security codes live in the ephemeral store). */
export type StoredPurpose = Extract<KeyPurpose, 'field' | 'generic_payload'>;

export interface EncryptedColumn {
  name: string;
  /** The AAD its ciphertext was written with, from the row's primary key values (in `key` order). */
  aad: (key: readonly string[]) => string;
}

export interface EncryptedTable {
  table: string;
  /** Primary-key columns, in order: the rotation job walks the table by them. */
  key: readonly string[];
  purpose: StoredPurpose;
  columns: readonly EncryptedColumn[];
  /** A keyed fingerprint of one decrypted column, recomputed under the active fingerprint key. */
  fingerprint?: { column: string; of: string };
}

const column = (name: string, aad: EncryptedColumn['aad']): EncryptedColumn => ({ name, aad });

/**
 * Every database column that holds a ciphertext under a rotatable data key, with its AAD: the
 * one list the key rotation re-encrypts (rotate-data-keys.ts). encrypted-columns.test.ts holds it
 * against the migrated schema (every `*_ct` column) and against the rows the API writes (every
 * value shaped like a field ciphertext), so a new encrypted column cannot be left out of a
 * rotation unnoticed.
 *
 * Not here, because no data key encrypts them: `data_keys.wrapped` (under the master key:
 * rotate-master-key.ts re-wraps it) and the `settings` row `master_key_check` (the master key's
 * known answer, rewritten by a master rotation).
 */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  {
    table: 'tokens',
    key: ['id'],
    purpose: 'field',
    columns: [column('pan_ct', ([id]) => `tokens:${id}:pan`), column('holder_ct', ([id]) => `tokens:${id}:holder`)],
    fingerprint: { column: 'fingerprint', of: 'pan_ct' },
  },
  {
    table: 'network_tokens',
    key: ['id'],
    purpose: 'field',
    columns: [
      column('number_ct', ([id]) => `network_tokens:${id}:number`),
      column('pan_ct', ([id]) => `network_tokens:${id}:pan`),
      column('holder_ct', ([id]) => `network_tokens:${id}:holder`),
    ],
  },
  { table: 'network_cryptograms', key: ['id'], purpose: 'field', columns: [column('payload_ct', ([id]) => `network_cryptograms:${id}:payload`)] },
  {
    table: 'sandbox_tsp_tokens',
    key: ['ref'],
    purpose: 'field',
    columns: [column('number_ct', ([ref]) => `sandbox_tsp_tokens:${ref}:number`), column('key_ct', ([ref]) => `sandbox_tsp_tokens:${ref}:key`)],
  },
  { table: 'webhooks', key: ['id'], purpose: 'field', columns: [column('hmac_key_ct', ([id]) => `webhooks:${id}:hmac_key`)] },
  { table: 'jwe_keys', key: ['kid'], purpose: 'field', columns: [column('private_ct', ([kid]) => `jwe_keys:${kid}:private`)] },
  {
    table: 'idempotency',
    key: ['caller', 'key'],
    purpose: 'field',
    columns: [column('response_ct', ([caller, key]) => `idempotency:${caller}:${key}:response`)],
  },
  { table: 'generic_tokens', key: ['id'], purpose: 'generic_payload', columns: [column('payload_ct', ([id]) => `generic_tokens:${id}:payload`)] },
];

export const tablesFor = (purpose: StoredPurpose) => ENCRYPTED_TABLES.filter((t) => t.purpose === purpose);
