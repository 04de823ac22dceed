/**
 * What a merchant reads in GET /openapi.json and GET /docs beyond the schemas: a description and an example for every
 * operation, the responses every route shares (413, 415, 429) and the webhook request the vault sends. Kept here, keyed
 * by method and path, and merged into the document by @fastify/swagger's transformObject, so route files stay about
 * behaviour. A test fails when an operation has no entry or an example does not match its schema.
 */

import { type AuditOutcome, GENESIS, linkHash } from '../audit/audit-chain.ts';
import { DEFAULT_COMPLETION_FAILURE_POLICY, tooManyCompletionFailures } from '../domain/session-guard.ts';
import { type ApiError, errors } from './api-error.ts';

const TOKEN_ID = '2c6d4a1e-8b3f-4f7a-9c21-5e0d7b3a9f14';
const SESSION_ID = '7f3e2b1a-6c5d-4e8f-9a0b-1c2d3e4f5a6b';
const CREATED = '2026-11-30T10:15:30.000Z';
const EXPIRES = '2026-12-30T10:15:30.000Z';
const MASKED_CARD = { cardholder_name: 'Jane Roe', expiry_month: 12, expiry_year: 2029, masked_account_number: '424242******4242', scheme: 'visa' };
const PCI_TOKEN = { id: TOKEN_ID, card: MASKED_CARD, created_at: CREATED, expires_at: EXPIRES, metadata: { order: 'A-1001' } };
const API_KEY_VIEW = {
  id: '0b8e5f3c-1d2a-4c6b-8e9f-7a6b5c4d3e2f',
  created_at: CREATED,
  masked_key_value: 'key_Ab3xxxx',
  scopes: ['pci:tokens:create', 'pci:tokens:read'],
};
const TYPE_VIEW = {
  id: '5e4d3c2b-1a09-4f8e-a7d6-c5b4a3928170',
  created_at: CREATED,
  name: 'iban',
  schema: { type: 'object', properties: { iban: { type: 'string' } }, required: ['iban'] },
};
const GENERIC_TOKEN = { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', created_at: CREATED, expires_at: EXPIRES, metadata: { customer: 'c-42' } };
const WEBHOOK_VIEW = {
  id: '3f2e1d0c-9b8a-4776-8655-443322110099',
  created_at: CREATED,
  events: ['pci.token.security-code.expired'],
  url: 'https://shop.example/hooks/cardframe',
  masked_hmac_key: 'whk_9Qxxxx',
};
const NETWORK_TOKEN_ID = '8d1f0a6b-3c2e-4b7d-9e5f-0a1b2c3d4e5f';
const NETWORK_TOKEN = {
  id: NETWORK_TOKEN_ID,
  created_at: CREATED,
  card: MASKED_CARD,
  network_token: { status: 'active', type: 'vts', expiry_month: 11, expiry_year: 2029 },
  pci_token_id: TOKEN_ID,
  metadata: { customer: 'c-42' },
};
const CRYPTOGRAM_REFERENCE = '4b3a2918-0f7e-4d6c-8b5a-49382716a5b4';
const page = (item: object) => ({ data: [item], links: { next: null } });

/**
 * A real start of an audit chain, hashed as audit-chain.ts hashes it, so the example `prev_hash`/`hash` links check out:
 * the operator creates a key, the key forwards a card, a wrong key is refused, the operator reads this page (reading the
 * trail is audited too).
 */
const AUDIT_EVENTS = (() => {
  const at = Date.parse(CREATED);
  const events: { actor: string; client: string; action: string; resource: string | null; outcome: AuditOutcome; detail: Record<string, unknown> }[] = [
    {
      actor: 'admin',
      client: '10.0.4.12',
      action: 'api_key.create',
      resource: API_KEY_VIEW.id,
      outcome: 'success',
      detail: { scopes: API_KEY_VIEW.scopes, status: 200 },
    },
    {
      actor: API_KEY_VIEW.id,
      client: '203.0.113.24',
      action: 'pci_token.forward',
      resource: TOKEN_ID,
      outcome: 'success',
      detail: {
        destination: 'https://api.psp.example/v1/payments',
        fields: ['account_number', 'security_code', 'expiry_month', 'expiry_year'],
        security_code: 'single-use',
        status: 201,
      },
    },
    {
      actor: 'anonymous',
      client: '198.51.100.77',
      action: 'auth.failure',
      resource: null,
      outcome: 'failure',
      detail: { credential: 'x-api-key', route: 'GET /api/pci/tokens/:id', locked_out: false },
    },
    { actor: 'admin', client: '10.0.4.12', action: 'audit.read', resource: null, outcome: 'success', detail: { status: 200 } },
  ];
  const ids = [
    '6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
    'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
    'd6e7f8a9-b0c1-4d2e-9f3a-4b5c6d7e8f90',
  ];
  let prev = GENESIS;
  return events.map((event, i) => {
    const row = { seq: i + 1, id: ids[i]!, at: at + i * 7000, ...event, detail: JSON.stringify(event.detail), prev_hash: prev };
    prev = linkHash(row);
    const { actor, client, action, resource, outcome, detail } = event;
    return {
      seq: row.seq,
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor,
      client,
      action,
      resource,
      outcome,
      detail,
      prev_hash: row.prev_hash,
      hash: prev,
    };
  });
})();
const ROTATION_ID = 'e8f9a0b1-c2d3-4e4f-a5b6-c7d8e9f0a1b2';
const FIELD_ROTATION = {
  id: ROTATION_ID,
  kind: 'field',
  state: 'running',
  from_version: 1,
  to_version: 2,
  done: 0,
  total: 18240,
  started_at: CREATED,
  updated_at: CREATED,
  finished_at: null,
};
const MASTER_ROTATION = {
  id: 'f0a1b2c3-d4e5-4f6a-b7c8-d9e0f1a2b3c4',
  kind: 'master',
  state: 'done',
  from_version: null,
  to_version: null,
  done: 4,
  total: 4,
  started_at: '2026-11-02T07:00:12.000Z',
  updated_at: '2026-11-02T07:00:12.000Z',
  finished_at: '2026-11-02T07:00:12.000Z',
};

export interface OperationDoc {
  description: string;
  request?: unknown;
  response?: unknown;
}

export const OPERATION_DOCS: Record<string, OperationDoc> = {
  'get /readyz': {
    description: 'Readiness for a load balancer: 200 while the database and the ephemeral store answer, 503 while either does not. Liveness is `GET /healthz`.',
    response: { status: 'ok' },
  },
  'post /api/pci/tokens': {
    description:
      'With `source.type = "session"`: opens a card session for the card frame and returns its id (hand it to the page; the key stays on your server). With `source.type = "pan"`: tokenizes card data your server already holds (it must be PCI DSS compliant to do so). Send `x-idempotency-key` to make a retry return the first answer.',
    request: { source: { type: 'session' }, metadata: { order: 'A-1001' } },
    response: { session_id: SESSION_ID },
  },
  'get /api/pci/tokens': {
    description: 'Lists PCI tokens, newest first, `limit` per page (default 20); follow `links.next` for the next page.',
    response: page(PCI_TOKEN),
  },
  'get /api/pci/tokens/{id}': {
    description:
      'The masked card of a token: first six and last four digits, scheme, expiry and holder name. The full number never leaves the vault; use forward to charge it.',
    response: PCI_TOKEN,
  },
  'delete /api/pci/tokens/{id}': { description: 'Deletes the token, its encrypted card data and any security code it holds. The id is not reused.' },
  'get /api/pci/tokens/{id}/security-code': {
    description:
      'Whether a security code (CVC) is still held for the token. It is kept, encrypted, in the ephemeral store for `CARDFRAME_SECURITY_CODE_TTL` seconds, never in durable storage.',
    response: { security_code_available: true },
  },
  'post /api/pci/tokens/{id}/security-code': {
    description: 'Opens a `refresh_security_code` session so the shopper can re-enter only the CVC of a saved card in the card frame.',
    response: { session_id: SESSION_ID },
  },
  'delete /api/pci/tokens/{id}/security-code': { description: 'Forgets the security code now instead of at the end of its TTL.' },
  'get /api/sessions/{id}': {
    description:
      'The session state the card frame reads: `tokenize_card` (the public key (JWK) to encrypt the card to and the schemes the session accepts, spelled as Hellgate’s SDKs spell them: `americanexpress`, `dinersclub`), `refresh_security_code` (the key and the masked card whose CVC is re-entered), or, once completed, `next_action: null` with the `token_id` (a network token id for a network-token session). The session id is the credential. An unknown or expired session answers 404 (classifier tells which; Hellgate’s SDK treats only 404 as expired).',
    response: {
      next_action: 'tokenize_card',
      data: {
        provider: 'guardian',
        jwk: { kty: 'RSA', n: 'sXch…base64url…', e: 'AQAB', kid: 'k-2026-11-30', alg: 'RSA-OAEP-256', use: 'enc' },
        allowed_schemes: ['visa', 'mastercard', 'americanexpress'],
        expires_at: '2026-11-30T10:30:30.000Z',
      },
    },
  },
  'post /api/sessions/{id}/complete-action': {
    description: `Called by the card frame, not by merchants: the card as a compact JWE (RSA-OAEP-256, or RSA-OAEP from Hellgate SDK 3.8.1, with A256GCM) to the session key. Completes the session at most once (409 after that); \`token_id\` is a PCI token, or a network token for a session opened by \`POST /api/network/tokens\`. Claims the vault cannot honour are refused with 422 at their path. Each failed completion counts against the session (the fifth closes it: 404 \`SESSION_EXPIRED\`) and against the client address: past ${DEFAULT_COMPLETION_FAILURE_POLICY.maxFailures} failures in ${DEFAULT_COMPLETION_FAILURE_POLICY.windowSeconds} s, 429 \`TOO_MANY_REQUESTS\` with \`Retry-After\` before anything is decrypted.`,
    request: { action: 'tokenize_card', result: { enc_payload: 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIiwia2lkIjoiay0yMDI2LTExLTMwIn0.…' } },
    response: { status: 'success', data: { token_id: TOKEN_ID } },
  },
  'post /api/admin/api-keys': {
    description: 'Creates an API key with the given scopes. `key_value` is shown only in this answer; the vault keeps a hash.',
    request: { scopes: ['pci:tokens:create', 'pci:tokens:read'], expires_in: 7776000 },
    response: { ...API_KEY_VIEW, expires_at: EXPIRES, key_value: 'key_Ab3dEf6gHi9j0kLmNoPqRsTuVwXyZ0123456789abcd' },
  },
  'get /api/admin/api-keys': { description: 'Lists API keys (masked), newest first.', response: page(API_KEY_VIEW) },
  'get /api/admin/api-keys/{id}': { description: 'One API key, masked, with its scopes.', response: API_KEY_VIEW },
  'patch /api/admin/api-keys/{id}': {
    description: 'Replaces the scopes of a key; the key value does not change.',
    request: { scopes: ['pci:tokens:read'] },
    response: { ...API_KEY_VIEW, scopes: ['pci:tokens:read'] },
  },
  'delete /api/admin/api-keys/{id}': { description: 'Revokes the key at once, in every vault process.' },
  'post /api/generic/tokens': {
    description: 'Stores any JSON payload encrypted under its own key, optionally validated by a type (`type_id`), and returns a token for it.',
    request: { payload: { iban: 'DE89370400440532013000' }, type_id: TYPE_VIEW.id, metadata: { customer: 'c-42' } },
    response: GENERIC_TOKEN,
  },
  'get /api/generic/tokens': { description: 'Lists generic tokens, newest first, optionally of one type.', response: page(GENERIC_TOKEN) },
  'get /api/generic/tokens/{id}': { description: 'A generic token’s metadata (the payload is only used through the vault).', response: GENERIC_TOKEN },
  'delete /api/generic/tokens/{id}': { description: 'Deletes the generic token and its encrypted payload.' },
  'post /api/admin/types': {
    description: 'Registers a JSON Schema that generic token payloads of this type must match.',
    request: { name: TYPE_VIEW.name, schema: TYPE_VIEW.schema },
    response: TYPE_VIEW,
  },
  'get /api/admin/types': { description: 'Lists types, newest first.', response: page(TYPE_VIEW) },
  'get /api/admin/types/{id}': { description: 'One type and its schema.', response: TYPE_VIEW },
  'delete /api/admin/types/{id}': { description: 'Deletes a type that no generic token uses (409 otherwise).' },
  'post /api/pci/tokens/{id}/forward': {
    description:
      'Sends your request to an allowlisted destination with the card data filled in by the vault, and returns the destination’s answer unchanged. Example body (any content type): `{"card":{"number":"{{ account_number }}","cvc":"{{ security_code }}","exp":"{{ expiry_month }}/{{ expiry_year }}"},"amount":1000}` with `x-destination-url: https://api.psp.example/v1/payments`.',
  },
  'post /api/network/tokens': {
    description:
      'Provisions a network token for a Visa, Mastercard, American Express or Discover card at the token service provider (scope `network:tokens:create`). Three sources: `session` opens a card-frame session and answers `{ "session_id": … }` (the token is provisioned when the shopper completes it; `allowed_schemes` narrows it); `pan` tokenizes card data your PCI DSS compliant server holds; `pci_token` (`pci_token_id`) tokenizes the card of an existing PCI token and links it. Other schemes, expired cards and unknown PCI tokens get 422 at the path; a card the scheme will not tokenize gets 422 `NETWORK_TOKEN_NOT_ELIGIBLE` or `NETWORK_TOKEN_DECLINED`; the provider failing or not answering in time gets 502 `TOKEN_SERVICE_UNAVAILABLE` or 504 `TOKEN_SERVICE_TIMEOUT`, so retry with the same `x-idempotency-key` to avoid a second token.',
    request: { source: { type: 'pci_token', pci_token_id: TOKEN_ID }, metadata: { customer: 'c-42' } },
    response: NETWORK_TOKEN,
  },
  'get /api/network/tokens': {
    description:
      'Lists network tokens, newest first, `limit` per page (default 20); follow `links.next` (null on the last page). Each shows the masked card and the token’s own status, service (`vts`, `mdes`, `aets`, `dts`) and expiry, never the token number. Scope `network:tokens:read`.',
    response: page(NETWORK_TOKEN),
  },
  'get /api/network/tokens/{id}': {
    description:
      'One network token: the masked card (updated when the issuer renews it) and the token’s status. The status changes only when the scheme says so (`active`, `suspended`, `deleted`); subscribe to `network.token.updated` rather than polling. Scope `network:tokens:read`; 404 for an unknown id.',
    response: NETWORK_TOKEN,
  },
  'delete /api/network/tokens/{id}': {
    description:
      'Deletes the token at the token service provider, then in the vault, with any unused cryptogram references. If the provider fails (502) or times out (504) nothing is deleted here: retry. Scope `network:tokens:delete`.',
  },
  'post /api/network/tokens/{id}/cryptograms': {
    description:
      'A cryptogram for one payment of `amount` (minor units) in `currency`, for an `active` token (409 `NETWORK_TOKEN_NOT_ACTIVE` when suspended or deleted). Scope `network:tokens:use`. `mode: reference` (the default, and the only mode unless the operator set `CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS=allow`) answers a `cryptogram_reference`, single use and valid 10 minutes, for `POST /api/network/tokens/{id}/forward`: the token number and cryptogram never reach your server. `mode: inline` (SAQ-D merchants only; 422 at `$.mode` otherwise) answers the token number with a TAVV and ECI (Visa, Mastercard) or a dynamic CVV (Amex, Discover). `type: dauth` gets 422: Delegated Authentication is not activated. Send `x-idempotency-key` to retry safely.',
    request: { amount: 1999, currency: 'EUR', mode: 'reference', metadata: { order: 'A-1001' } },
    response: { cryptogram_reference: CRYPTOGRAM_REFERENCE },
  },
  'post /api/network/tokens/{id}/forward': {
    description:
      'Sends your request to an allowlisted destination (`x-destination-url`, else 403 `DESTINATION_NOT_ALLOWED`) with the network token number and the cryptogram of `x-cryptogram-reference` filled in, and returns the destination’s answer with any echo of the injected token number, cryptogram or dynamic CVV masked by asterisks (in the body, headers and reason phrase; a compressed body is relayed decompressed, an encoding the vault cannot read is 502). Scope `network:tokens:forward`. The reference is used up once the request is sent, even if the destination fails; a request refused before that keeps it. A used, expired or other token’s reference is 409 `CRYPTOGRAM_REFERENCE_NOT_AVAILABLE`; an unknown placeholder (`{{ account_number }}` is for PCI tokens) is 400 `INVALID_PLACEHOLDER`; a placeholder the cryptogram has no value for (`{{ dynamic_cvv }}` on a Visa token) is 409 `PLACEHOLDER_NOT_AVAILABLE`. Example body: `{"card":{"number":"{{ number }}","exp_month":"{{ expiry_month | unwrap }}","exp_year":"{{ expiry_year }}"},"token_cryptogram":"{{ cryptogram }}","eci":"{{ eci }}","amount":1999}`.',
  },
  'post /api/sandbox/network/tokens/{id}/lifecycle': {
    description:
      'For testing only: with the sandbox token service provider (404 otherwise) and the admin token (403 for API keys), makes the scheme suspend, resume or delete the token, or the issuer update its card expiry (`card_updated`). The vault records the change as it would a real scheme notification and raises `network.token.updated` to your webhooks, so you can test your handling. 409 when the change does not apply (suspending a suspended token).',
    request: { event: 'card_updated', expiry_month: 9, expiry_year: 2031 },
    response: { ...NETWORK_TOKEN, card: { ...NETWORK_TOKEN.card, expiry_month: 9, expiry_year: 2031 } },
  },
  'post /api/metadata/inquiries': {
    description:
      'Card metadata (funding type, segment, issuer, country, billing currency, product) for a card number (`pan`), a PCI token (`pci_token_id`) or a network token (`network_token_id`), from the BIN range table the vault operator imported. `bin` (8 digits for numbers of 16 or more digits, else 6) and `scheme` are always answered; any other field is absent when the table does not know it, so treat absence as unknown. Scope `metadata:inquiries:create`; an unknown token id is 422 at its path.',
    request: { source: { type: 'pci_token', pci_token_id: TOKEN_ID } },
    response: {
      bin: '42424242',
      scheme: 'visa',
      type: 'credit',
      segment: 'consumer',
      billing_currency_code: 'USD',
      issuer_name: 'Test Bank, N.A.',
      issuer_country_code: 'US',
      product_code: 'F',
      product_name: 'Visa Classic',
    },
  },
  'post /api/admin/webhooks': {
    description:
      'Subscribes a URL to events. The vault POSTs each event (see `webhooks` in this document) with `x-hmac-signature`, retrying with backoff for up to three days; `hmac_key` is shown only here.',
    request: { url: WEBHOOK_VIEW.url, events: WEBHOOK_VIEW.events },
    response: { ...WEBHOOK_VIEW, hmac_key: 'whk_9Qk2mLp4rT7vX0zB3dF6hJ8' },
  },
  'get /api/admin/webhooks': { description: 'Lists webhooks (keys masked), newest first.', response: page(WEBHOOK_VIEW) },
  'get /api/admin/webhooks/{id}': { description: 'One webhook and its events.', response: WEBHOOK_VIEW },
  'delete /api/admin/webhooks/{id}': { description: 'Deletes the webhook; pending deliveries to it are dropped.' },
  'get /api/admin/audit-events': {
    description:
      'The audit trail, for the vault operator: the admin token only (an API key gets 403 whatever its scopes). Every access to card data and every administrative act, oldest first by `seq`: who (`actor`: an API key id, `admin`, `session` for the card frame, `anonymous` for a failed authentication, `operator` for a master key rotation at start-up; never a secret), from where (`client`, the real address), what (`action`, e.g. `pci_token.read`, `pci_token.forward`, `api_key.create`, `auth.failure`, `key_rotation.field`), on which `resource`, how it ended (`outcome`) and non-secret facts (`detail`: a forward’s destination without its query, the placeholders filled in and the upstream status; granted scopes; never card data or credentials). Filter by exact `action`, `actor`, `resource`, `outcome` or `client` and by `since` (inclusive) and `until` (exclusive); `limit` per page (default 50, at most 500), and follow `links.next` (it resumes `after` the last `seq`; null on the last page). Each event carries `prev_hash` and `hash`, the SHA-256 chain checked by `GET /api/admin/audit-events/verify`. Reading the trail is itself an event (`audit.read`).',
    response: { data: AUDIT_EVENTS.slice(0, 3), links: { next: 'https://vault.example/api/admin/audit-events?limit=3&after=3' } },
  },
  'get /api/admin/audit-events/export': {
    description: `Every audit event that matches the filters (the same as the list, without paging), oldest first, as JSON lines (\`application/x-ndjson\`, saved as \`cardframe-audit.jsonl\`): one event per line, each as the list shows it, for your SIEM or archive. An empty body when none matches. Admin token only. Example line: \`${JSON.stringify(AUDIT_EVENTS[2])}\``,
  },
  'get /api/admin/audit-events/verify': {
    description:
      'Walks the hash chain from the first event and answers whether it is intact: each event’s `prev_hash` must be the `hash` of the one before (the first one’s is 64 zeros) and its `hash` the SHA-256 of its own fields, with no `seq` missing. When it is not, `ok` is false and `first_broken` names the first bad `seq` and why (`its content does not match its hash`, `its previous-hash does not match the event before it`, `event 17 is missing`); `checked` counts events up to it. `head` is the hash of the last good event: record it outside the vault, since a trail rewritten from scratch would verify again but no longer hold the hash you recorded at that point. Admin token only; `npm run audit -w @cardframe/vault -- verify` does the same from the command line.',
    response: { ok: true, checked: AUDIT_EVENTS.length, head: AUDIT_EVENTS.at(-1)!.hash },
  },
  'post /api/admin/key-rotations': {
    description:
      'Rotates the field-encryption and fingerprint keys (`kind: field`, the only kind started here): new key versions encrypt new data at once, and a background job re-encrypts the existing tokens in batches (`total` of them) while every read keeps working. Answers 202 with the rotation, `state: running`; follow it with `GET /api/admin/key-rotations/{id}`. If the process stops, any vault process resumes the job from its last finished batch about a minute later. 409 while a field rotation is still running. The master key is rotated by restarting with the new `CARDFRAME_MASTER_KEY` and the old one as `CARDFRAME_PREVIOUS_MASTER_KEY`, not here. Admin token only; recorded in the audit trail.',
    request: { kind: 'field' },
    response: FIELD_ROTATION,
  },
  'get /api/admin/key-rotations': {
    description:
      'The last 100 key rotations, newest first: `kind: field` ones started by `POST /api/admin/key-rotations` (`from_version` and `to_version` of the keys, `done` of `total` tokens re-encrypted) and `kind: master` ones done at start-up with `CARDFRAME_PREVIOUS_MASTER_KEY` (versions null, `done`/`total` count the data keys re-wrapped). `state` is `running` or `done`; `finished_at` is null until done. Admin token only.',
    response: { data: [{ ...FIELD_ROTATION, done: 8000, updated_at: '2026-11-30T10:16:41.000Z' }, MASTER_ROTATION] },
  },
  'get /api/admin/key-rotations/{id}': {
    description:
      'One key rotation and its progress: `done` of `total` tokens re-encrypted so far, `state` (`running`, then `done` with `finished_at` set) and when it last moved (`updated_at`). 404 for an unknown id. Admin token only.',
    response: { ...FIELD_ROTATION, state: 'done', done: 18240, updated_at: '2026-11-30T10:18:02.000Z', finished_at: '2026-11-30T10:18:02.000Z' },
  },
};

const errorBody = (code: number, classifier: string, message: string) => ({
  description: message,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['code', 'classifier', 'message'],
        properties: { code: { type: 'integer' }, classifier: { type: 'string' }, message: { type: 'string' } },
      },
      example: { code, classifier, message },
    },
  },
});

/** A 429 with Retry-After whose example is the body the vault sends. */
function tooManyRequests(description: string, example: ApiError, retryAfter: string) {
  const body = errorBody(429, 'TOO_MANY_REQUESTS', description);
  body.content['application/json'].example = example.toJSON() as (typeof body.content)['application/json']['example'];
  return { ...body, headers: { 'Retry-After': { description: retryAfter, schema: { type: 'integer' } } } };
}

const SHARED_RESPONSES = {
  413: errorBody(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KiB'),
  415: errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json'),
  429: tooManyRequests(
    'Too many failed authentications from this address; retry after the time in Retry-After',
    errors.tooManyAuthFailures(60),
    'Seconds until credentials from this address are checked again',
  ),
};

/**
 * The forward routes relay a body of any content type (their own `*` parser): no schema can say "any bytes", so the
 * request body is documented here. It is held to the same 64 KiB (413); no content type is refused, so no 415.
 */
const FORWARD_BODY = {
  required: false,
  description: 'The request for `x-destination-url`, in any content type, with placeholders where card data goes; at most 64 KiB.',
  content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
};
const FORWARD_OPERATIONS = new Set(['post /api/pci/tokens/{id}/forward', 'post /api/network/tokens/{id}/forward']);

/** Responses one route answers beyond the shared ones, keyed like OPERATION_DOCS. */
const OWN_RESPONSES: Record<string, Record<string, unknown>> = {
  'post /api/sessions/{id}/complete-action': {
    429: tooManyRequests(
      `Too many failed completions from this client address (${DEFAULT_COMPLETION_FAILURE_POLICY.maxFailures} per ${DEFAULT_COMPLETION_FAILURE_POLICY.windowSeconds} s, across sessions): nothing is decrypted until the time in Retry-After has passed`,
      tooManyCompletionFailures(DEFAULT_COMPLETION_FAILURE_POLICY.windowSeconds),
      'Seconds until this address may complete sessions again',
    ),
  },
};

/** The event the vault POSTs to a webhook URL (OpenAPI 3.1 `webhooks`). */
const WEBHOOK_EVENT = {
  post: {
    summary: 'Event delivered to a webhook URL',
    description:
      'A tiny event: context only, fetch details through the API. `x-hmac-signature` is the hex HMAC-SHA256 of the raw body under the webhook’s `hmac_key`: verify it before trusting the body. Answer 2xx within 10 s; anything else is retried with backoff (at least once delivery: deduplicate on `id`).',
    parameters: [{ name: 'x-hmac-signature', in: 'header', required: true, schema: { type: 'string' } }],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['id', 'created_at', 'type', 'reason', 'related_object'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              created_at: { type: 'string', format: 'date-time' },
              type: { type: 'string', enum: ['pci.token.security-code.expired', 'network.token.updated'] },
              reason: { type: 'string' },
              related_object: { type: 'object', required: ['id', 'url'], properties: { id: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
            },
          },
          example: {
            id: 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9',
            created_at: CREATED,
            type: 'pci.token.security-code.expired',
            reason: 'The security code of the PCI token expired.',
            related_object: { id: TOKEN_ID, url: `https://vault.example/api/pci/tokens/${TOKEN_ID}` },
          },
        },
      },
    },
    responses: { '2XX': { description: 'Received; any other answer is retried' } },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the generated OpenAPI document is untyped JSON walked by key
type Json = Record<string, any>;
const PUBLIC = [/^\/api\/sessions\//, /^\/readyz$/, /^\/healthz$/];

/** Merges the docs into the generated document (mutates and returns it). */
export function enrichOpenApi(document: Json): Json {
  for (const [path, operations] of Object.entries<Json>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<Json>(operations)) {
      const doc = OPERATION_DOCS[`${method} ${path}`];
      if (doc) {
        // The merchant-facing text here wins over a route's short schema description: one place to read and keep.
        operation.description = doc.description;
        const request = operation.requestBody?.content?.['application/json'];
        if (request && doc.request !== undefined) request.example = doc.request;
        // The success answer: 200, or 201/202 for a route that creates or starts something.
        const success = ['200', '201', '202'].find((code) => operation.responses?.[code]?.content?.['application/json']);
        const ok = success ? operation.responses[success].content['application/json'] : undefined;
        if (ok && doc.response !== undefined) ok.example = doc.response;
      }
      operation.responses ??= {};
      for (const [code, response] of Object.entries(OWN_RESPONSES[`${method} ${path}`] ?? {})) operation.responses[code] ??= response;
      if (FORWARD_OPERATIONS.has(`${method} ${path}`)) operation.requestBody ??= FORWARD_BODY;
      if (operation.requestBody) operation.responses['413'] ??= SHARED_RESPONSES[413];
      // Only a JSON body is refused by its content type (app.ts); the forward routes take any.
      if (operation.requestBody?.content?.['application/json']) operation.responses['415'] ??= SHARED_RESPONSES[415];
      if (!PUBLIC.some((pattern) => pattern.test(path))) operation.responses['429'] ??= SHARED_RESPONSES[429];
    }
  }
  document.webhooks = { ...document.webhooks, securityCodeExpired: WEBHOOK_EVENT };
  return document;
}
