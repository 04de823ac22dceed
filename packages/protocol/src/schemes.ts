/**
 * Card schemes, spelled exactly as the Guardian API's `card.scheme` enum spells them.
 * Every package that names a brand (vault, card form, SDK events) uses these strings.
 */
export const SCHEMES = [
  'visa',
  'mastercard',
  'american express',
  'discover',
  'diners club',
  'jcb',
  'unionpay',
] as const;

export type Scheme = (typeof SCHEMES)[number];

export function isScheme(value: unknown): value is Scheme {
  return typeof value === 'string' && (SCHEMES as readonly string[]).includes(value);
}

/**
 * card-validator names brands in kebab case (`american-express`); the API speaks
 * the seed's names. Brands card-validator knows but Guardian does not (maestro, elo,
 * mir, hiper…) have no scheme and are therefore never tokenizable.
 */
const CARD_VALIDATOR_TYPES: ReadonlyMap<string, Scheme> = new Map([
  ['visa', 'visa'],
  ['mastercard', 'mastercard'],
  ['american-express', 'american express'],
  ['discover', 'discover'],
  ['diners-club', 'diners club'],
  ['jcb', 'jcb'],
  ['unionpay', 'unionpay'],
]);

export function schemeFromCardType(type: string | undefined | null): Scheme | undefined {
  // A Map, not an object literal: `constructor` or `__proto__` must not resolve to anything.
  return type ? CARD_VALIDATOR_TYPES.get(type) : undefined;
}
