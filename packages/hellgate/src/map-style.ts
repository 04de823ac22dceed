import type { CardStyle } from '@cardframe/sdk';
import { HellgateError, unsupported } from './hellgate-error.ts';
import type { Styles } from './types.ts';

/** Hellgate style entries with no Cardframe counterpart, and what to use instead. */
const UNMAPPED: Record<string, string> = {
  fontSmooth: 'font smoothing is left to the browser',
  height: 'the frame sizes its fields; set the height of the element you mount into',
  ':read-only': 'Cardframe fields are never read-only; style :disabled instead',
};
const VARIANTS = ['base', 'complete', 'invalid', 'empty'];

/**
 * Hellgate's style object onto Cardframe's: the variants, properties and pseudo selectors Hellgate and
 * Cardframe share pass through unchanged (the same names); `fonts`, `fontSmooth`, `height` and
 * `:read-only` are refused here with a clear error. Everything that passes is checked again by the
 * SDK's allowlist (values: no `url(`, `@import` or escapes) and once more inside the frame.
 */
export function mapStyle(style: Styles | undefined, path = 'style'): CardStyle | undefined {
  if (style === undefined) return undefined;
  if (typeof style !== 'object' || style === null || Array.isArray(style)) {
    throw new HellgateError('INVALID_OPTIONS', `${path}: not an object`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) {
    if (key === 'fonts') {
      if (!Array.isArray(value)) throw new HellgateError('INVALID_OPTIONS', `${path}.fonts: not an array`);
      if (value.length > 0) {
        throw unsupported(
          `${path}.fonts`,
          'Hellgate fonts are stylesheet URLs and the card frames load no merchant stylesheets; pass font files with the Cardframe SDK fonts option, or name an installed font stack in fontFamily',
        );
      }
    } else if (VARIANTS.includes(key)) {
      out[key] = mapBlock(value, `${path}.${key}`);
    } else {
      // Not Hellgate's either: the SDK refuses it with INVALID_STYLE and the path, as for a Cardframe style.
      out[key] = value;
    }
  }
  return out as CardStyle;
}

function mapBlock(block: unknown, path: string): unknown {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return block;
  for (const [key, value] of Object.entries(block)) {
    const instead = UNMAPPED[key];
    if (instead) throw unsupported(`${path}${key.startsWith(':') ? `["${key}"]` : `.${key}`}`, instead);
    if (key.startsWith(':')) mapBlock(value, `${path}["${key}"]`);
  }
  return block;
}
