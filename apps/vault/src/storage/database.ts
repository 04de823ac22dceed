import type { Generated } from 'kysely';
import type { ExtrasTables } from './extras-tables.ts';
import type { NetworkTables } from './network-tables.ts';

/** Timestamps are epoch milliseconds in both engines: one comparison semantics, no time-zone drift. */
type Millis = number;

export interface TokensTable {
  id: string;
  /** AES-256-GCM, AAD `tokens:<id>:pan`. */
  pan_ct: string;
  holder_ct: string | null;
  /** HMAC-SHA256 under a derived key; lets a later issue dedupe without decrypting. */
  fingerprint: string;
  bin: string;
  last4: string;
  pan_length: number;
  scheme: string;
  expiry_month: number;
  expiry_year: number;
  metadata: string | null;
  created_at: Millis;
  expires_at: Millis | null;
  /** When the ephemeral CVC lapses; the CVC itself never reaches this table. */
  security_code_expires_at: Millis | null;
  /** The session that created the token; UNIQUE, so one session can never create two tokens. */
  session_id: string | null;
  owner: string;
}

export interface SessionsTable {
  id: string;
  kind: 'tokenize' | 'refresh' | 'network';
  status: 'open' | 'completed';
  kid: string;
  /** Refresh sessions: the token to refresh. Completed tokenize sessions: the created token. */
  token_id: string | null;
  token_expires_in: number | null;
  metadata: string | null;
  owner: string;
  created_at: Millis;
  expires_at: Millis;
  completed_at: Millis | null;
  /** JSON array of schemes the session accepts (null: every scheme). */
  allowed_schemes?: string | null;
  /** Failed complete-actions so far; the session closes at the limit (session-guard.ts). */
  failed_attempts: number;
}

/** SHA-256 of every session JWE that decrypted, so none completes a second session (session-guard.ts). */
export interface UsedCiphertextsTable {
  hash: string;
  kid: string;
  session_id: string;
  created_at: Millis;
}

export interface JweKeysTable {
  kid: string;
  /** floor(created / rotation period): UNIQUE, so concurrent first starts agree on one key. */
  generation: number;
  public_jwk: string;
  private_ct: string;
  created_at: Millis;
}

export interface ApiKeysTable {
  id: string;
  lookup: string;
  secret_hash: string;
  masked: string;
  scopes: string;
  created_at: Millis;
  expires_at: Millis | null;
}

export interface IdempotencyTable {
  caller: string;
  key: string;
  request_hash: string;
  state: 'pending' | 'done';
  response_status: number | null;
  /** Encrypted: an API-key create response holds the plaintext key. */
  response_ct: string | null;
  /** Who holds a pending key (random per claim); a retry may take it over once the lease lapses. */
  lease_id: string | null;
  created_at: Millis;
  expires_at: Millis;
}

export interface SettingsTable {
  name: string;
  value: string;
  created_at: Generated<Millis>;
}

export interface Database extends ExtrasTables, NetworkTables {
  tokens: TokensTable;
  sessions: SessionsTable;
  jwe_keys: JweKeysTable;
  api_keys: ApiKeysTable;
  idempotency: IdempotencyTable;
  settings: SettingsTable;
  used_ciphertexts: UsedCiphertextsTable;
  audit_events: AuditEventsTable;
  data_keys: DataKeysTable;
  key_rotations: KeyRotationsTable;
}

export type KeyPurpose = 'field' | 'fingerprint' | 'security_code' | 'generic_payload';

/** A data-encryption key wrapped under the master key (crypto/key-store.ts). */
export interface DataKeysTable {
  purpose: KeyPurpose;
  version: number;
  /** AES-256-GCM under the master key, AAD `data_keys:<purpose>:<version>`. */
  wrapped: string;
  /** Which master key wrapped it: the first 16 hex of HMAC-SHA256(master, "cardframe/kek-id"). */
  kek_id: string;
  /** `active`: encrypts new data; `retired`: decrypts only (PCI DSS 3.7.5). */
  state: 'active' | 'retired';
  created_at: Millis;
}

/**
 * One key rotation and its resumable progress: a data key's (crypto/rotate-data-keys.ts; `field`
 * also re-keys the fingerprints) or the master key's re-wrap (crypto/rotate-master-key.ts).
 */
export interface KeyRotationsTable {
  id: string;
  kind: 'field' | 'generic_payload' | 'security_code' | 'master';
  state: 'running' | 'done';
  from_version: number | null;
  to_version: number | null;
  /** Where the job resumes: JSON `{ table, key }`, the last row re-encrypted (a bare token id before 0.2). */
  cursor: string | null;
  done: number;
  total: number;
  /** The process working on it holds it until then; a crashed holder's lease lapses. */
  lease_until: Millis | null;
  started_at: Millis;
  updated_at: Millis;
  finished_at: Millis | null;
}

/** One link of the audit chain (audit/audit-chain.ts). Append-only: triggers refuse UPDATE and DELETE. */
export interface AuditEventsTable {
  seq: number;
  id: string;
  at: Millis;
  actor: string;
  client: string;
  action: string;
  resource: string | null;
  outcome: 'success' | 'failure';
  /** JSON of non-secret facts. */
  detail: string | null;
  prev_hash: string;
  hash: string;
}
