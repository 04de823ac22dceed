import { Type } from 'typebox';
import { Card, FromPanSource, FromSessionSource, Metadata } from '../http/schemas.ts';
import { NETWORK_TOKEN_STATUSES } from './token-service-provider.ts';

const Uuid = Type.String({ format: 'uuid' });

export const FromPciTokenSource = Type.Object(
  { type: Type.Literal('pci_token'), pci_token_id: { ...Uuid, description: 'The PCI token whose card is tokenized' } },
  { additionalProperties: false, title: 'From PCI token' },
);

export const NetworkTokenCreateRequest = Type.Object(
  {
    source: Type.Union([FromSessionSource, FromPanSource, FromPciTokenSource]),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);

export const NetworkToken = Type.Object(
  {
    id: Uuid,
    created_at: Type.String({ format: 'date-time' }),
    card: Card,
    network_token: Type.Object({
      status: Type.Enum(NETWORK_TOKEN_STATUSES),
      type: Type.String({ description: 'The token service: vts, mdes, aets (Amex), dts (Discover)' }),
      expiry_month: Type.Integer({ description: "The network token's own expiry" }),
      expiry_year: Type.Integer(),
      scheme_reference: Type.Optional(Type.String({ description: 'Only when Delegated Authentication is active' })),
    }),
    pci_token_id: Type.Optional(Uuid),
    metadata: Type.Optional(Metadata),
  },
  { title: 'Network token' },
);

export const CryptogramRequest = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 999_999_999_999, description: 'Minor units; zero-decimal currencies in whole units' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 alpha-3' }),
    mode: Type.Optional(
      Type.Union([Type.Literal('inline'), Type.Literal('reference')], {
        description: '`inline` only where CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS=allow (SAQ-D instances); default `reference` otherwise',
      }),
    ),
    type: Type.Optional(
      Type.Union([Type.Literal('ecom'), Type.Literal('dauth')], { description: '`dauth` needs Delegated Authentication activated by the scheme' }),
    ),
    metadata: Type.Optional(Metadata),
  },
  { additionalProperties: false },
);

export const TavvCryptogram = Type.Object(
  {
    cryptogram: Type.String(),
    eci: Type.String(),
    expiry_month: Type.Integer(),
    expiry_year: Type.Integer(),
    number: Type.String({ description: 'The network token number' }),
    metadata: Type.Optional(Metadata),
  },
  { title: 'TAVV' },
);

export const DynamicCvvCryptogram = Type.Object(
  {
    dynamic_cvv: Type.String(),
    expiry_month: Type.Integer(),
    expiry_year: Type.Integer(),
    number: Type.String({ description: 'The network token number' }),
    metadata: Type.Optional(Metadata),
  },
  { title: 'Dynamic CVV' },
);

export const CryptogramReference = Type.Object(
  { cryptogram_reference: { ...Uuid, description: 'Single use, valid 10 minutes: the x-cryptogram-reference of the forward route' } },
  { title: 'Reference' },
);

export const CryptogramResponse = Type.Union([TavvCryptogram, DynamicCvvCryptogram, CryptogramReference]);

export const SandboxLifecycleRequest = Type.Union([
  Type.Object({ event: Type.Union([Type.Literal('suspend'), Type.Literal('resume'), Type.Literal('delete')]) }, { additionalProperties: false }),
  Type.Object(
    {
      event: Type.Literal('card_updated'),
      expiry_month: Type.Integer({ minimum: 1, maximum: 12 }),
      expiry_year: Type.Integer({ minimum: 2000, maximum: 2099 }),
    },
    { additionalProperties: false },
  ),
]);
