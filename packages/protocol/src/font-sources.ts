import type { CardframeErrorData } from './errors.ts';

/**
 * A merchant's brand font for the card form (`card({ fonts: [...] })`); `style.base.fontFamily`
 * then names its `family`. The frame builds the `FontFace` itself from a checked URL, so no
 * merchant CSS text is ever parsed, and the frame's CSP `font-src` decides which origins load:
 * `'self'` plus the origins the vault operator lists in CARDFRAME_FONT_ORIGINS (ADR 0034).
 */
export interface FontSource {
  /** The name `fontFamily` uses: letters, digits, spaces, `-` and `_`, up to 64 characters. */
  family: string;
  /**
   * The font file (not a stylesheet): an absolute `https:` URL on an origin in the vault's
   * CARDFRAME_FONT_ORIGINS, or a font the vault serves itself, `/frame/v1/fonts/<name>.woff2`.
   * `http:` only on loopback hosts, for development.
   */
  src: string;
  /** `normal`, `bold`, a weight (`400`) or a variable font's range (`100 900`). */
  weight?: string;
  style?: 'normal' | 'italic' | 'oblique';
  /** `swap` when absent: the shopper reads the fallback font at once, never invisible text. */
  display?: 'auto' | 'block' | 'swap' | 'fallback' | 'optional';
}

/** Where the vault serves fonts from CARDFRAME_FONT_DIR: same origin as the frame, so `font-src 'self'` covers them. */
export const FONTS_PATH = '/frame/v1/fonts/';
/** Enough for a family's regular, bold and italic cuts twice over; each is one request per frame. */
export const MAX_FONTS = 8;
const MAX_SRC = 512;
/** Safe in CSS unquoted or quoted: no quotes, spaces, parentheses, backslashes or angle brackets. */
const FAMILY = /^[A-Za-z][A-Za-z0-9 _-]{0,63}$/;
/**
 * Names CSS reads as keywords, not as a family: a face called `serif` would never be used,
 * and `inherit`/`initial` would change what `fontFamily` means.
 */
const RESERVED_FAMILIES =
  /^(?:serif|sans-serif|monospace|cursive|fantasy|math|emoji|fangsong|system-ui|ui-[a-z-]+|inherit|initial|unset|revert|revert-layer|default)$/i;
/**
 * The characters of a URL (RFC 3986) less `'`, `(` and `)`: with no quote, parenthesis, backslash,
 * space or newline, nothing can leave the `url("…")` the frame wraps it in.
 */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&*+,;=%]+$/;
/** A vault-served font: one flat file name under FONTS_PATH, woff2 only (what the vault's route serves). */
const VAULT_FONT = /^\/frame\/v1\/fonts\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.woff2$/;
const WEIGHT = /^(?:normal|bold|[1-9]\d{0,2}(?: [1-9]\d{0,2})?)$/;
const STYLES: readonly string[] = ['normal', 'italic', 'oblique'];
const DISPLAYS: readonly string[] = ['auto', 'block', 'swap', 'fallback', 'optional'];
const KEYS: readonly string[] = ['family', 'src', 'weight', 'style', 'display'];

type Result<T> = { ok: true; value: T } | { ok: false; error: CardframeErrorData };
const refuse = (path: string, why: string): { ok: false; error: CardframeErrorData } => ({
  ok: false,
  error: { code: 'INVALID_STYLE', message: `fonts${path}: ${why}` },
});

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: the hosts where plain http is still a secure context. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(?:(?:[a-z0-9-]+\.)*localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(hostname);
}

/** Why a `src` is refused, or undefined. The URL is resolved against nothing: relative URLs are only the vault's font path. */
function srcProblem(src: unknown): string | undefined {
  if (typeof src !== 'string') return 'not a string';
  if (src.length > MAX_SRC) return `over ${MAX_SRC} characters`;
  // Checked on the raw text, before any parsing could normalise a trick away.
  if (!URL_CHARACTERS.test(src)) return 'character not allowed (quotes, parentheses, backslashes, spaces: pass a plain URL, not CSS)';
  if (src.startsWith('/')) return VAULT_FONT.test(src) ? undefined : `not a vault font (${FONTS_PATH}<name>.woff2)`;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return 'not https (http only on loopback hosts)';
  }
  if (url.username || url.password) return 'credentials not allowed';
  return undefined;
}

/**
 * Checks the merchant's `fonts` option and returns fresh plain copies, or an `INVALID_STYLE` error
 * naming the first offending entry. Fail closed, like styles: one bad entry refuses them all.
 * Whether an origin is allowed is not decided here but by the frame's CSP (`font-src`), which the
 * vault writes from its own configuration: a page cannot talk its way past it.
 */
export function parseFontSources(input: unknown): Result<FontSource[]> {
  if (!Array.isArray(input)) return refuse('', 'not a list');
  if (input.length > MAX_FONTS) return refuse('', `more than ${MAX_FONTS} fonts`);
  const out: FontSource[] = [];
  for (const [i, entry] of input.entries()) {
    const at = `[${i}]`;
    if (typeof entry === 'string') {
      // A stylesheet URL (Hellgate's `fonts: [cssUrl]`, Stripe's `cssSrc`) needs the origin in style-src and
      // would let a third-party stylesheet restyle the card fields: refused, with the shape to use instead.
      return refuse(at, 'a stylesheet URL is not accepted; pass { family, src } with the font file itself');
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return refuse(at, 'not an object');
    const font = entry as Record<string, unknown>;
    const unknown = Object.keys(font).find((key) => !KEYS.includes(key));
    if (unknown !== undefined) return refuse(at, `"${unknown.slice(0, 40)}" not allowed`);
    const { family, src, weight, style, display } = font;
    if (typeof family !== 'string' || !FAMILY.test(family) || family.endsWith(' ')) {
      return refuse(`${at}.family`, 'letters, digits, spaces, - and _ only, starting with a letter, up to 64');
    }
    if (RESERVED_FAMILIES.test(family)) return refuse(`${at}.family`, `"${family}" is a CSS keyword`);
    const problem = srcProblem(src);
    if (problem) return refuse(`${at}.src`, problem);
    if (weight !== undefined && (typeof weight !== 'string' || !WEIGHT.test(weight))) return refuse(`${at}.weight`, 'not a weight');
    if (style !== undefined && !STYLES.includes(style as string)) return refuse(`${at}.style`, 'not normal, italic or oblique');
    if (display !== undefined && !DISPLAYS.includes(display as string)) return refuse(`${at}.display`, 'not a font-display value');
    out.push({
      family,
      src: src as string,
      ...(weight !== undefined && { weight: weight as string }),
      ...(style !== undefined && { style: style as FontSource['style'] }),
      ...(display !== undefined && { display: display as FontSource['display'] }),
    });
  }
  return { ok: true, value: out };
}
