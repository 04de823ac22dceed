import { Type } from 'typebox';
import { Metadata } from '../http/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

/** Seed G1: string values ≤ 80 characters, ≤ 20 pairs (keys ≤ 20 characters are checked in code). */
export const GenericPayload = Type.Record(Type.String(), Type.String({ maxLength: 80 }), {
  maxProperties: 20,
  description: 'A key-value map. Maximum 20 pairs, 20 characters per key, 80 per value. Never returned by the API.',
});

export const GenericTokenCreateRequest = Type.Object(
  {
    payload: GenericPayload,
    expiration_time: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_592_000, description: 'Seconds after creation until the token is deleted' })),
    metadata: Type.Optional(Metadata),
    type_id: Type.Optional({ ...Uuid, description: 'Validate the payload against this type and allow filtering by it' }),
  },
  { additionalProperties: false },
);

export const GenericToken = Type.Object({
  id: Uuid,
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.Optional(Type.String({ format: 'date-time' })),
  metadata: Type.Optional(Metadata),
});

export const GenericTokenListQuery = Type.Object(
  {
    type_id: Type.Optional(Uuid),
    schema_id: Type.Optional({ ...Uuid, description: 'Older EAP name of type_id' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    after: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const TypeCreateRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Display name' }),
    schema: Type.Record(Type.String(), Type.Unknown(), { description: 'A JSON Schema (draft 2020-12) for generic token payloads' }),
  },
  { additionalProperties: false },
);

export const TypeObject = Type.Object({
  id: Uuid,
  created_at: Type.String({ format: 'date-time' }),
  name: Type.String(),
  schema: Type.Record(Type.String(), Type.Unknown()),
});
