import type { CardState, FieldName, Scheme } from '@cardframe/protocol';
import type { CollectedFullCard } from './card-form-types.ts';
import { cardTypeInfo } from './match-card-types.ts';
import { fullYear, parseExpiry } from './parse-expiry.ts';

/**
 * What a split CVC field asks for once the number field has named the brand: credit-card-type's
 * code name and length for it (the data card-validator detects brands with). The CVC frame never
 * sees the number, only the brand the number frame detected. Until a brand is known the CVC may
 * be 3 or 4 digits, as in the combined form.
 */
export function cvcForBrand(brand: Scheme | 'unknown' | undefined): { name: string | undefined; lengths: readonly number[] } {
  const code = brand && brand !== 'unknown' ? cardTypeInfo(brand.replace(' ', '-'))?.code : undefined;
  return code ? { name: code.name, lengths: [code.size] } : { name: undefined, lengths: [3, 4] };
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
