import {
  STYLE_PSEUDOS,
  STYLE_VARIANTS,
  sanitizeCardStyle,
  styleRulesToCss,
  type CardStyle,
  type StyleBlock,
  type StyleRules,
  type StyleVariant,
} from '@cardframe/protocol';

/** Selector for each variant; the `.form` prefix outranks the default theme's `.input` rules. */
const VARIANT_SELECTORS: Readonly<Record<StyleVariant, string>> = {
  base: '.form .input',
  empty: '.form .input.is-empty',
  complete: '.form .input.is-complete',
  invalid: '.form .input.is-invalid',
};

/**
 * Turns a merchant style into CSS text for a constructable stylesheet. The style is
 * sanitized again here (it already was, twice, on its way in): if it fails, nothing is
 * applied, so a bug upstream can never turn into CSS injection inside the frame.
 */
export function cardStyleToCss(style: CardStyle | undefined): string {
  const checked = sanitizeCardStyle(style ?? {});
  if (!checked.ok) return '';
  const out: string[] = [];
  for (const variant of STYLE_VARIANTS) {
    const block: StyleBlock | undefined = checked.value[variant];
    if (!block) continue;
    const selector = VARIANT_SELECTORS[variant];
    const own = styleRulesToCss(block);
    if (own) out.push(`${selector} { ${own} }`);
    for (const pseudo of STYLE_PSEUDOS) {
      const rules = block[pseudo] as StyleRules | undefined;
      const css = rules ? styleRulesToCss(rules) : '';
      if (css) out.push(`${selector}${pseudo} { ${css} }`);
    }
  }
  return out.join('\n');
}
