import { Type } from 'typebox';
import { WEBHOOK_EVENTS } from './webhook-events.ts';

const Events = Type.Array(Type.Enum(WEBHOOK_EVENTS), { minItems: 1, uniqueItems: true });

export const WebhookCreateRequest = Type.Object(
  {
    events: Events,
    url: Type.String({ format: 'uri', maxLength: 2048, description: 'An http(s) URL that receives the events' }),
    hmac_key: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'Signing key; generated (64 hex characters) when absent' })),
  },
  { additionalProperties: false },
);

export const Webhook = Type.Object({
  id: Type.String({ format: 'uuid' }),
  created_at: Type.String({ format: 'date-time' }),
  events: Events,
  url: Type.String(),
  masked_hmac_key: Type.String({ description: 'The first characters of the key, e.g. "123xxxx"' }),
});

export const WebhookCreated = Type.Object({
  ...Webhook.properties,
  hmac_key: Type.String({ description: 'The signing key in clear, returned only once' }),
});
