import type { CardframeErrorData } from './errors.ts';

/**
 * Merchant styling for the card form, checked against an allowlist on the merchant
 * page (so a mistake fails at `card()`), and again inside the frame (so nothing the
 * page sends is trusted). Fail closed: one bad entry rejects the whole style.
 *
 * Why so strict: CSS can exfiltrate typed values (`input[value^="4"]{background:url(…)}`)
 * and redress the UI. Values here are plain tokens: no `url(`, no `@import`, no
 * escapes, no `;`/`{`/`}`, and only colour functions.
 */
export const STYLE_VARIANTS = ['base', 'complete', 'empty', 'invalid'] as const;
export type StyleVariant = (typeof STYLE_VARIANTS)[number];

export const STYLE_PSEUDOS = [':hover', ':focus', '::placeholder', '::selection', ':disabled'] as const;
export type StylePseudo = (typeof STYLE_PSEUDOS)[number];

export const STYLE_PROPERTIES = [
  'backgroundColor',
  'borderColor',
  'borderRadius',
  'borderStyle',
  'borderWidth',
  'boxShadow',
  'caretColor',
  'color',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'letterSpacing',
  'lineHeight',
  'outlineColor',
  'padding',
  'textAlign',
  'textDecoration',
  'textShadow',
  'textTransform',
] as const;
export type StyleProperty = (typeof STYLE_PROPERTIES)[number];

export type StyleRules = Partial<Record<StyleProperty, string>>;
export type StyleBlock = StyleRules & Partial<Record<StylePseudo, StyleRules>>;
export type CardStyle = Partial<Record<StyleVariant, StyleBlock>>;

/** The only functions a value may call: colours. Everything else (url, image-set, var, attr, expression…) is refused. */
const ALLOWED_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla']);
/**
 * Letters, digits, the space and the punctuation of colours, lengths and font lists. No `\`, `;`,
 * `:`, `{`, `}`, `@`, `<`, `!`, and no other whitespace: a raw newline ends a CSS string early
 * (a "bad string"), which restructures the stylesheet around it.
 */
const SAFE_CHARACTERS = /^[a-zA-Z0-9#.,% '"()\-+/]*$/;
/**
 * A font list: families separated by commas, each a quoted name (no quotes inside) or unquoted
 * identifiers (`Helvetica Neue`, `-apple-system`). Every quote is closed by its own kind, so no
 * string can swallow the rest of the declaration.
 */
const FONT_FAMILY = (() => {
  const ident = '-?[a-zA-Z_][a-zA-Z0-9_-]*';
  const family = `(?:"[^"']*"|'[^"']*'|${ident}(?: ${ident})*)`;
  return new RegExp(`^ *${family} *(?:, *${family} *)*$`);
})();
const FUNCTION_CALL = /([a-zA-Z-]*)\s*\(/g;
const MAX_VALUE_LENGTH = 120;

type Result<T> = { ok: true; value: T } | { ok: false; error: CardframeErrorData };

function invalid(path: string, why: string): { ok: false; error: CardframeErrorData } {
  return { ok: false, error: { code: 'INVALID_STYLE', message: `style${path}: ${why}` } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Checks one CSS value; returns the reason it is refused, or undefined when it is safe. */
export function styleValueProblem(property: StyleProperty, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'not a string';
  if (value.trim() === '') return 'empty';
  if (value.length > MAX_VALUE_LENGTH) return `over ${MAX_VALUE_LENGTH} characters`;
  if (!SAFE_CHARACTERS.test(value)) return 'character not allowed';
  if (value.includes('/*')) return 'comment not allowed';
  if (/["']/.test(value) && property !== 'fontFamily') return 'quotes only in fontFamily';
  // A comma-separated list of font names, each unquoted or in matching quotes.
  if (property === 'fontFamily' && !FONT_FAMILY.test(value)) return 'not a font list';
  if (value.split('(').length !== value.split(')').length) return 'unbalanced parentheses';
  for (const [, name] of value.matchAll(FUNCTION_CALL)) {
    // The group is always there (possibly empty: a bare `(`).
    if (!ALLOWED_FUNCTIONS.has(name!.toLowerCase())) return `${name}() not allowed`;
  }
  return undefined;
}

function sanitizeRules(input: Record<string, unknown>, path: string, allowPseudos: boolean): Result<StyleBlock> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((STYLE_PROPERTIES as readonly string[]).includes(key)) {
      const problem = styleValueProblem(key as StyleProperty, value);
      if (problem) return invalid(`${path}.${key}`, problem);
      out[key] = (value as string).trim();
    } else if (allowPseudos && (STYLE_PSEUDOS as readonly string[]).includes(key)) {
      if (!isPlainObject(value)) return invalid(`${path}["${key}"]`, 'not an object');
      const nested = sanitizeRules(value, `${path}["${key}"]`, false);
      if (!nested.ok) return nested;
      out[key] = nested.value;
    } else {
      return invalid(`${path}`, `"${key.slice(0, 40)}" not allowed`);
    }
  }
  return { ok: true, value: out as StyleBlock };
}

/**
 * Returns a fresh, plain copy of an allowed style, or an `INVALID_STYLE` error that
 * names the first offending path. Never throws.
 */
export function sanitizeCardStyle(input: unknown): Result<CardStyle> {
  if (input === undefined) return { ok: true, value: {} };
  if (!isPlainObject(input)) return invalid('', 'not an object');
  const out: CardStyle = {};
  for (const [variant, block] of Object.entries(input)) {
    if (!(STYLE_VARIANTS as readonly string[]).includes(variant)) {
      return invalid('', `"${variant.slice(0, 40)}" not a variant`);
    }
    if (!isPlainObject(block)) return invalid(`.${variant}`, 'not an object');
    const rules = sanitizeRules(block, `.${variant}`, true);
    if (!rules.ok) return rules;
    out[variant as StyleVariant] = rules.value;
  }
  return { ok: true, value: out };
}

const kebab = (property: string): string => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Declarations for one rule block, e.g. `color: #111; font-size: 16px;`. Input must be sanitized. */
export function styleRulesToCss(rules: StyleRules): string {
  return Object.entries(rules)
    .filter(([key]) => (STYLE_PROPERTIES as readonly string[]).includes(key))
    .map(([key, value]) => `${kebab(key)}: ${value};`)
    .join(' ');
}
