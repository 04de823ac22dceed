import { sanitizeCardStyle, type CardStyle } from './card-style.ts';
import type { CardframeErrorData } from './errors.ts';
import type { FontSource } from './font-sources.ts';
import { isLocaleOption, type CardLocale } from './locales.ts';

export const FIELD_NAMES = ['number', 'expiry', 'cvc', 'name'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** What a merchant may configure about the card element. Everything is optional. */
export interface CardElementOptions {
  style?: CardStyle;
  /** Per-field placeholder text, e.g. `{ number: '1234 1234 1234 1234' }`. */
  placeholder?: Partial<Record<FieldName, string>>;
  /** Show the cardholder name field (sent encrypted with the card). */
  showCardholderName?: boolean;
  disabled?: boolean;
  /**
   * Language of every label, placeholder, error and announcement: `'auto'` (default, the
   * shopper's browser languages) or a BCP 47 tag; unsupported tags fall back along their
   * chain (`fr-BE` → `fr` → English). See SUPPORTED_LOCALES.
   */
  locale?: CardLocale;
  /**
   * Brand fonts for `style.base.fontFamily` to name (see FontSource). Checked entry by entry in
   * the frame (parseFontSources), not here: this function also runs in the SDK, whose 4 KB budget
   * the checks would not fit, and the frame never trusts the page's checks anyway. A refused
   * entry rejects mount() or update() with INVALID_STYLE.
   */
  fonts?: FontSource[];
}

const OPTION_KEYS = ['style', 'placeholder', 'showCardholderName', 'disabled', 'locale', 'fonts'] as const;
const MAX_TEXT = 60;
/** Printable text without markup characters; placeholders are rendered as text, this is defence in depth. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const PLAIN_TEXT = /^[^<>\\\u0000-\u001f]*$/;

type Result<T> = { ok: true; value: T } | { ok: false; error: CardframeErrorData };
const bad = (message: string): { ok: false; error: CardframeErrorData } => ({
  ok: false,
  error: { code: 'INVALID_OPTIONS', message },
});

/**
 * Validates options from an untrusted caller (the merchant page, or the bridge as seen
 * from the frame) and returns a fresh plain copy. Unknown keys are refused so a typo is
 * loud, not silently ignored.
 */
export function parseCardElementOptions(input: unknown): Result<CardElementOptions> {
  if (input === undefined) return { ok: true, value: {} };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('options: not an object');
  const source = input as Record<string, unknown>;
  const out: CardElementOptions = {};
  for (const key of Object.keys(source)) {
    if (!(OPTION_KEYS as readonly string[]).includes(key)) return bad(`unknown option "${key.slice(0, 40)}"`);
  }
  if (source.style !== undefined) {
    const style = sanitizeCardStyle(source.style);
    if (!style.ok) return style;
    out.style = style.value;
  }
  if (source.placeholder !== undefined) {
    const placeholder = source.placeholder;
    if (typeof placeholder !== 'object' || placeholder === null || Array.isArray(placeholder)) {
      return bad('placeholder: not an object');
    }
    out.placeholder = {};
    for (const [field, text] of Object.entries(placeholder)) {
      if (!(FIELD_NAMES as readonly string[]).includes(field)) return bad(`placeholder.${field.slice(0, 40)}: not a field`);
      if (typeof text !== 'string' || text.length > MAX_TEXT || !PLAIN_TEXT.test(text)) {
        return bad(`placeholder.${field}: not text of <= ${MAX_TEXT} characters`);
      }
      out.placeholder[field as FieldName] = text;
    }
  }
  for (const key of ['showCardholderName', 'disabled'] as const) {
    if (source[key] !== undefined) {
      if (typeof source[key] !== 'boolean') return bad(`${key}: not a boolean`);
      out[key] = source[key];
    }
  }
  if (source.locale !== undefined) {
    if (!isLocaleOption(source.locale)) return bad("locale must be 'auto' or a BCP 47 tag");
    out.locale = source.locale;
  }
  // Passed on as given: the frame checks every entry (parseFontSources) before it loads any.
  if (source.fonts !== undefined) out.fonts = source.fonts as FontSource[];
  return { ok: true, value: out };
}
