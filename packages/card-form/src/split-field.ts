import type { CardState, FieldName, Scheme } from '@cardframe/protocol';
import type { CollectedFullCard } from './card-form-types.ts';
import { fullYear, parseExpiry } from './parse-expiry.ts';

/**
 * What a split CVC field asks for once the number field has named the brand. Lengths and names
 * are card-validator's (credit-card-type `code`); kept as a table keyed by Guardian scheme because
 * the CVC frame never sees the number, only the brand the number frame detected.
 */
const CVC_BY_BRAND: Readonly<Record<Scheme, { name: string; lengths: readonly number[] }>> = {
  visa: { name: 'CVV', lengths: [3] },
  mastercard: { name: 'CVC', lengths: [3] },
  'american express': { name: 'CID', lengths: [4] },
  discover: { name: 'CID', lengths: [3] },
  'diners club': { name: 'CVV', lengths: [3] },
  jcb: { name: 'CVV', lengths: [3] },
  unionpay: { name: 'CVN', lengths: [3] },
};

/** Until a brand is known the CVC may be 3 or 4 digits, as in the combined form. */
export function cvcForBrand(brand: Scheme | 'unknown' | undefined): { name: string | undefined; lengths: readonly number[] } {
  return brand && brand !== 'unknown' ? CVC_BY_BRAND[brand] : { name: undefined, lengths: [3, 4] };
}

/** The raw text of each field as the shopper left it (the frame's side of the card, never the page's). */
export type CardParts = Partial<Record<FieldName, string>>;

/** One split field's answer to a collect: its value when valid, else its coarse state. */
export type PartResult = { ok: true; value: string } | { ok: false; state: CardState };

/**
 * Builds the card the frame encrypts from field texts: digits only, month and four-digit year.
 * The one place this happens, for the combined form and for split fields alike.
 */
export function assembleCard(parts: CardParts): CollectedFullCard {
  const { month, year } = parseExpiry(parts.expiry ?? '');
  const card: CollectedFullCard = {
    accountNumber: (parts.number ?? '').replace(/\D/g, ''),
    expiryMonth: Number(month),
    expiryYear: fullYear(year),
    securityCode: parts.cvc ?? '',
  };
  if (parts.name !== undefined) card.cardholderName = parts.name.trim();
  return card;
}
