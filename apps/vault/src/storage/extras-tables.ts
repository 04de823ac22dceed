/** Tables of the Guardian surface beyond card tokens (issue 5). Timestamps are epoch milliseconds, as in the core. */
type Millis = number;

export interface TypesTable {
  id: string;
  name: string;
  /** The JSON Schema (2020-12) as JSON text; it holds no secrets, so it is stored in the clear. */
  schema: string;
  created_at: Millis;
}

export interface GenericTokensTable {
  id: string;
  /** AES-256-GCM under the generic-payload key, AAD `generic_tokens:<id>:payload`. */
  payload_ct: string;
  type_id: string | null;
  metadata: string | null;
  owner: string;
  created_at: Millis;
  expires_at: Millis | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** Encrypted (not hashed): the vault must sign with it. AAD `webhooks:<id>:hmac_key`. */
  hmac_key_ct: string;
  masked_hmac_key: string;
  created_at: Millis;
}

/** The outbox: one row per webhook x event, delivered at least once. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  /** The exact bytes that are signed and sent, so every retry carries the same body and signature. */
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Millis;
  /** A lease: while in the future, one dispatcher owns the row and no other may send it. */
  locked_until: Millis | null;
  last_status: number | null;
  created_at: Millis;
  finished_at: Millis | null;
}

export interface ExtrasTables {
  types: TypesTable;
  generic_tokens: GenericTokensTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
