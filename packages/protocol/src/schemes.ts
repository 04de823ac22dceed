/**
 * Card schemes, spelled exactly as the Guardian API's `card.scheme` enum spells them.
 * Every package that names a brand (vault, card form, SDK events) uses these strings.
 */
export const SCHEMES = ['visa', 'mastercard', 'american express', 'discover', 'diners club', 'jcb', 'unionpay'] as const;

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

/**
 * How Hellgate's SDKs spell schemes in session data (`allowed_schemes`, the refresh session's
 * `scheme`): without spaces. The REST API keeps the seed's enum ({@link SCHEMES}).
 */
export const SESSION_SCHEME_NAMES = {
  visa: 'visa',
  mastercard: 'mastercard',
  'american express': 'americanexpress',
  discover: 'discover',
  'diners club': 'dinersclub',
  jcb: 'jcb',
  unionpay: 'unionpay',
} as const satisfies Record<Scheme, string>;

export type SessionSchemeName = (typeof SESSION_SCHEME_NAMES)[Scheme];
export const SESSION_SCHEMES = Object.values(SESSION_SCHEME_NAMES) as SessionSchemeName[];

/** A scheme named either way (session spelling or API enum); undefined for anything else. */
export function schemeFromSessionName(name: unknown): Scheme | undefined {
  if (isScheme(name)) return name;
  for (const scheme of SCHEMES) if (SESSION_SCHEME_NAMES[scheme] === name) return scheme;
  return undefined;
}
