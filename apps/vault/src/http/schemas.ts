import { Type } from 'typebox';
import { SCHEMES, SESSION_SCHEMES } from '@cardframe/protocol';
import { SCOPES } from '../domain/scopes.ts';

/** Seed `Metadata`: string values; the 20-pair / 20-char key / 80-char value limits (keys checked in code). */
/**
 * protocol's SchemeSchema is `Type.Union(SCHEMES.map(...))`, whose Static is `never`;
 * an enum of the same strings validates identically and types correctly.
 */
export const SchemeEnum = Type.Enum(SCHEMES);

export const Metadata = Type.Record(Type.String(), Type.String({ maxLength: 80 }), {
  maxProperties: 20,
  description: 'Metadata consisting of key-value entries. Maximum 20 pairs, 20 characters per key, 80 per value.',
});

export const ErrorGeneric = Type.Object({
  code: Type.Integer({ description: 'The corresponding HTTP status code for the error' }),
  classifier: Type.String({ description: 'Technical code that helps to identify the error' }),
  message: Type.String({ description: 'Human readable representation of the error' }),
});

export const ErrorValidation = Type.Object({
  code: Type.Integer(),
  classifier: Type.String(),
  message: Type.String(),
  validation_errors: Type.Array(
    Type.Object({
      path: Type.String({ description: 'Json-path in the request which points to the validation error' }),
      message: Type.String({ description: 'Human readable validation message' }),
    }),
  ),
});

export const Card = Type.Object({
  cardholder_name: Type.Optional(Type.String()),
  expiry_month: Type.Integer(),
  expiry_year: Type.Integer(),
  masked_account_number: Type.String(),
  scheme: SchemeEnum,
});

export const PciToken = Type.Object({
  id: Type.String({ format: 'uuid' }),
  card: Card,
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  metadata: Type.Optional(Metadata),
});

/** Either spelling: the API enum (`american express`) or the session's (`americanexpress`). */
export const AllowedSchemes = Type.Array(Type.Enum([...new Set([...SCHEMES, ...SESSION_SCHEMES])]), {
  minItems: 1,
  uniqueItems: true,
  description: 'Cardframe extension: the schemes this session accepts, enforced at completion (default all)',
});

export const FromSessionSource = Type.Object(
  { type: Type.Literal('session'), allowed_schemes: Type.Optional(AllowedSchemes) },
  { additionalProperties: false, title: 'From Session' },
);

export const FromPanSource = Type.Object(
  {
    type: Type.Literal('pan'),
    account_number: Type.String({ minLength: 1, maxLength: 64, description: 'The card number (without separators)' }),
    cardholder_name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    expiry_year: Type.Integer({ minimum: 2000, maximum: 2099 }),
    expiry_month: Type.Integer({ minimum: 1, maximum: 12 }),
    security_code: Type.Optional(Type.String({ minLength: 3, maxLength: 4, pattern: '^[0-9]{3,4}$' })),
  },
  { additionalProperties: false, title: 'From PAN' },
);

const ExpiresIn = Type.Integer({ minimum: 1, maximum: 2_592_000, description: 'Seconds after creation until the token expires' });

export const PciTokenCreateRequest = Type.Object(
  {
    source: Type.Union([FromSessionSource, FromPanSource]),
    expires_in: Type.Optional(ExpiresIn),
    expiration_time: Type.Optional({ ...ExpiresIn, description: 'EAP spelling of expires_in' }),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);

export const SessionCreated = Type.Object({ session_id: Type.String({ format: 'uuid' }) }, { title: 'Session' });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    after: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const Links = Type.Object({
  next: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
    description:
      'The next page. Deviation: `null` on the last page, where the documented schema says string; Guardian leaves the last page undocumented, and null tells a client to stop without guessing (ADR 0004).',
  }),
});

export const ScopeList = Type.Array(Type.Enum(SCOPES), { minItems: 1 });

export const ApiKey = Type.Object({
  id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  masked_key_value: Type.String(),
  scopes: ScopeList,
});

const KeyExpiresIn = Type.Integer({ minimum: 1, maximum: 7_776_000 });

export const ApiKeyCreateRequest = Type.Object(
  {
    scopes: ScopeList,
    expires_in: Type.Optional(KeyExpiresIn),
    expiration_time: Type.Optional(KeyExpiresIn),
  },
  { additionalProperties: false },
);

export const ApiKeyCreated = Type.Object({
  id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  masked_key_value: Type.String(),
  key_value: Type.String({ description: 'The plaintext key, returned only once' }),
  scopes: ScopeList,
});

export const ApiKeyUpdateRequest = Type.Object({ scopes: ScopeList }, { additionalProperties: false });

/** Both spellings: Guardian's `x-idempotency-key` and the `Idempotency-Key` most APIs use (IETF draft). */
export const IdempotencyHeaders = Type.Object({
  'x-idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});

export const errorResponses = {
  401: ErrorGeneric,
  403: ErrorGeneric,
} as const;
