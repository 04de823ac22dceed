import { ApiError } from '../http/api-error.ts';

/** The placeholders of digest §2 (P8); the network forward route has its own (network-forward.ts). */
export const PLACEHOLDERS = ['account_number', 'cardholder_name', 'expiry_month', 'expiry_year', 'security_code'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A value as its string form (expiry month 2-digit, year 4-digit) and, for `| unwrap`, its native JSON type. */
export interface InjectedValue {
  text: string;
  native: string | number;
}

export type InjectedValues = Partial<Record<Placeholder, InjectedValue>>;

// `{{ name }}` or `{{ name | filter }}`, spaces optional; names and filters are lower-case words.
const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*(?:\|\s*([a-z_]+)\s*)?\}\}/g;
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

export type BodyKind = 'json' | 'form' | 'other';

export function bodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/(?:[\w.-]+\+)?json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return 'other';
}

/**
 * The placeholders a body uses, checked: an unknown name or filter is a 400 (a typo would otherwise
 * reach the PSP as literal text). Lets the caller decrypt only what is needed.
 */
export function placeholdersIn<P extends string = Placeholder>(text: string, known: readonly P[] = PLACEHOLDERS as unknown as readonly P[]): Set<P> {
  const used = new Set<P>();
  const isKnown = (name: string): name is P => (known as readonly string[]).includes(name);
  for (const [, name, filter] of text.matchAll(PLACEHOLDER)) {
    if (!isKnown(name!)) {
      throw new ApiError(400, 'INVALID_PLACEHOLDER', `Unknown placeholder "{{ ${name} }}"; known: ${known.join(', ')}`);
    }
    if (filter !== undefined && filter !== 'unwrap') {
      throw new ApiError(400, 'INVALID_PLACEHOLDER', `Unknown filter "| ${filter}"; the only filter is "| unwrap"`);
    }
    used.add(name);
  }
  return used;
}

function injectedValue(values: Partial<Record<string, InjectedValue>>, name: string): InjectedValue {
  const value = values[name];
  if (!value) throw new Error(`placeholder ${name} was not resolved`);
  return value;
}

/**
 * Injects card values into a request body. JSON bodies are edited as text, string literal by string
 * literal, so every other byte (spacing, key order, big numbers) reaches the destination unchanged:
 * a literal that is exactly `"{{ name | unwrap }}"` becomes the native JSON value (`12`), any other
 * placeholder is replaced by the JSON-escaped string. Form bodies get URL-encoded values; anything
 * else gets the plain strings (`| unwrap` changes nothing there). The body must be valid JSON before
 * and after. Callers have already resolved every name {@link placeholdersIn} returned.
 */
export function renderForwardBody(text: string, kind: BodyKind, values: Partial<Record<string, InjectedValue>>): string {
  if (kind !== 'json') {
    const encode = kind === 'form' ? encodeURIComponent : (s: string) => s;
    return text.replace(PLACEHOLDER, (_m, name: string) => encode(injectedValue(values, name).text));
  }
  return text.replace(JSON_STRING, (literal) => {
    if (!literal.includes('{{')) return literal;
    const whole = /^"\{\{\s*([a-z_]+)\s*\|\s*unwrap\s*\}\}"$/.exec(literal);
    if (whole) return JSON.stringify(injectedValue(values, whole[1]!).native);
    return literal.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(injectedValue(values, name).text).slice(1, -1));
  });
}
