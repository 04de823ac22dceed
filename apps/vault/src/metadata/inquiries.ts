import { Type, type Static } from 'typebox';
import type { Scheme } from '@cardframe/protocol';
import { findToken } from '../domain/tokens.ts';
import { validateCard } from '../domain/validate-card.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { errors } from '../http/api-error.ts';
import { FromPanSource, SchemeEnum } from '../http/schemas.ts';
import { findNetworkToken } from '../network/network-tokens.ts';
import { FUNDING_TYPES, SEGMENTS } from './bin-table.ts';
import { lookupBinRange } from './bin-store.ts';

const Uuid = Type.String({ format: 'uuid' });

export const InquiryRequest = Type.Object(
  {
    source: Type.Union([
      FromPanSource,
      Type.Object({ type: Type.Literal('pci_token'), pci_token_id: Uuid }, { additionalProperties: false, title: 'From PCI token' }),
      Type.Object({ type: Type.Literal('network_token'), network_token_id: Uuid }, { additionalProperties: false, title: 'From network token' }),
    ]),
  },
  { additionalProperties: false },
);

/** Only `bin` and `scheme` are always known; every other field is present only when the BIN table has it. */
export const InquiryResponse = Type.Object(
  {
    bin: Type.String({ minLength: 6, maxLength: 8, description: '8 digits for PANs of 16 or more digits, else 6' }),
    scheme: SchemeEnum,
    type: Type.Optional(Type.Enum(FUNDING_TYPES)),
    segment: Type.Optional(Type.Enum(SEGMENTS)),
    billing_currency_code: Type.Optional(Type.String({ description: 'ISO 4217 alpha-3' })),
    issuer_name: Type.Optional(Type.String()),
    issuer_country_code: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2' })),
    product_code: Type.Optional(Type.String()),
    product_name: Type.Optional(Type.String()),
  },
  { title: 'Inquiry' },
);

export type InquiryRequest = Static<typeof InquiryRequest>;
export type InquiryResponse = Static<typeof InquiryResponse>;

/** The card behind the source: its PAN (clear only in this process) and the scheme the vault knows. */
async function cardOf(deps: VaultDeps, source: InquiryRequest['source']): Promise<{ pan: string; scheme: Scheme }> {
  if (source.type === 'pan') return { pan: source.account_number, scheme: validateCard(source, '$.source') };
  if (source.type === 'pci_token') {
    const row = await findToken(deps, source.pci_token_id);
    if (!row) throw errors.validation([{ path: '$.source.pci_token_id', message: 'no such PCI token' }]);
    return { pan: deps.cipher.decrypt(row.pan_ct, `tokens:${row.id}:pan`), scheme: row.scheme as Scheme };
  }
  const row = await findNetworkToken(deps, source.network_token_id);
  if (!row) throw errors.validation([{ path: '$.source.network_token_id', message: 'no such network token' }]);
  return { pan: deps.cipher.decrypt(row.pan_ct, `network_tokens:${row.id}:pan`), scheme: row.scheme as Scheme };
}

/** Answers from the operator's BIN table; what it does not know is left out, never guessed. */
export async function createInquiry(deps: VaultDeps, source: InquiryRequest['source']): Promise<InquiryResponse> {
  const { pan, scheme } = await cardOf(deps, source);
  const range = await lookupBinRange(deps.db, pan);
  const out: InquiryResponse = { bin: pan.slice(0, pan.length >= 16 ? 8 : 6), scheme: (range?.scheme as Scheme | null) ?? scheme };
  if (!range) return out;
  if (range.type !== null) out.type = range.type as InquiryResponse['type'];
  if (range.segment !== null) out.segment = range.segment as InquiryResponse['segment'];
  if (range.currency_code !== null) out.billing_currency_code = range.currency_code;
  if (range.issuer_name !== null) out.issuer_name = range.issuer_name;
  if (range.issuer_country_code !== null) out.issuer_country_code = range.issuer_country_code;
  if (range.product_code !== null) out.product_code = range.product_code;
  if (range.product_name !== null) out.product_name = range.product_name;
  return out;
}
