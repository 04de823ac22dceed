/**
 * The session protocol between the card frame and the vault, as Hellgate's SDKs speak it:
 * `GET /api/sessions/{id}` and `POST /api/sessions/{id}/complete-action`.
 *
 * These TypeBox schemas are the single source for the vault's validation and OpenAPI
 * document and, through `Static`, for the frame's types (imported with `import type`, so
 * no schema code reaches the frame bundle).
 */
import { Type, type Static } from 'typebox';
import { SCHEMES, SESSION_SCHEMES } from './schemes.ts';

// Type.Enum keeps the literal union in `Static` (a mapped Type.Union widens to `never`).
export const SchemeSchema = Type.Enum(SCHEMES);
/** Session data spells schemes as Hellgate's SDKs expect (`americanexpress`, `dinersclub`). */
export const SessionSchemeSchema = Type.Enum(SESSION_SCHEMES);
const Uuid = Type.String({ format: 'uuid' });

/** The session's public key: RSA, for RSA-OAEP-256 key wrapping. */
export const SessionJwk = Type.Object({
  kty: Type.Literal('RSA'),
  n: Type.String(),
  e: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('RSA-OAEP-256'),
  use: Type.Literal('enc'),
});

export const TokenizeCardState = Type.Object({
  next_action: Type.Literal('tokenize_card'),
  data: Type.Object({
    provider: Type.Literal('guardian'),
    jwk: SessionJwk,
    allowed_schemes: Type.Array(SessionSchemeSchema),
    expires_at: Type.String({ format: 'date-time' }),
  }),
});

export const RefreshSecurityCodeState = Type.Object({
  next_action: Type.Literal('refresh_security_code'),
  data: Type.Object({
    jwk: SessionJwk,
    scheme: SessionSchemeSchema,
    /** `••••1234`: the last four only. The BIN and the length are not the CVC form's business (issue 13, finding 8). */
    masked_account_number: Type.String(),
    account_number_last_four: Type.String(),
    /** In Hellgate's state; Cardframe's vault omits it: whoever holds the session id (the merchant page) would learn it. */
    account_number_length: Type.Optional(Type.Integer()),
    /** Likewise omitted by Cardframe's vault. */
    issuer_identification_number: Type.Optional(Type.String()),
    expiry_month: Type.Integer(),
    expiry_year: Type.Integer(),
    expires_at: Type.String({ format: 'date-time' }),
  }),
});

export const FinishedState = Type.Object({
  next_action: Type.Null(),
  status: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  data: Type.Object({
    token_id: Type.Optional(Uuid),
    reason: Type.Optional(Type.String()),
    reason_code: Type.Optional(Type.String()),
  }),
});

export const SessionState = Type.Union([TokenizeCardState, RefreshSecurityCodeState, FinishedState]);

export const CompleteActionRequest = Type.Object(
  {
    action: Type.Union([Type.Literal('tokenize_card'), Type.Literal('refresh_security_code')]),
    result: Type.Object(
      { enc_payload: Type.String({ minLength: 1, maxLength: 16384, description: 'Compact JWE (RSA-OAEP-256, A256GCM) of the card claims' }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const CompleteActionResponse = Type.Object({
  status: Type.Literal('success'),
  data: Type.Object({ token_id: Uuid }),
});

/**
 * The JWE's claims for `tokenize_card`. `expiry_year` has four digits (2000 + YY).
 * For `refresh_security_code` only `security_code` is sent.
 */
export const CardClaims = Type.Object({
  account_number: Type.String({ pattern: '^[0-9]{12,19}$' }),
  expiry_month: Type.Integer({ minimum: 1, maximum: 12 }),
  expiry_year: Type.Integer({ minimum: 2000, maximum: 2099 }),
  security_code: Type.Optional(Type.String({ pattern: '^[0-9]{3,4}$' })),
  cardholder_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  /** How Hellgate Web SDK 3.8.1 sends the name; other keys of it are refused (the vault stores no address or email). */
  additional_data: Type.Optional(Type.Object({ cardholder_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) })),
  /** Lifecycle claims (Hellgate SDK 3.11): a short-lived token, or one that expires at a date (wins over `ephemeral`). */
  ephemeral: Type.Optional(Type.Boolean()),
  expiration_date: Type.Optional(Type.String({ minLength: 10, maxLength: 40, description: 'ISO 8601' })),
});

export const SecurityCodeClaims = Type.Object({
  security_code: Type.String({ pattern: '^[0-9]{3,4}$' }),
});

export type SessionJwk = Static<typeof SessionJwk>;
export type TokenizeCardState = Static<typeof TokenizeCardState>;
export type RefreshSecurityCodeState = Static<typeof RefreshSecurityCodeState>;
export type FinishedState = Static<typeof FinishedState>;
export type SessionState = Static<typeof SessionState>;
export type CompleteActionRequest = Static<typeof CompleteActionRequest>;
export type CompleteActionResponse = Static<typeof CompleteActionResponse>;
export type CardClaims = Static<typeof CardClaims>;
export type SecurityCodeClaims = Static<typeof SecurityCodeClaims>;
