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
 * Properties of the `base` variant that describe the form's surface rather than its text.
 * They style the field group (one bordered box), so a merchant's dark theme darkens the whole
 * form instead of painting each input over a white group.
 */
const SURFACE_PROPERTIES = ['backgroundColor', 'borderColor', 'borderRadius', 'borderStyle', 'borderWidth', 'boxShadow'] as const;

function splitSurface(block: StyleBlock): { surface: StyleRules; text: StyleRules } {
  const surface: StyleRules = {};
  const text: StyleRules = {};
  for (const [key, value] of Object.entries(block)) {
    if (key.startsWith(':')) continue;
    if ((SURFACE_PROPERTIES as readonly string[]).includes(key)) surface[key as keyof StyleRules] = value as string;
    else text[key as keyof StyleRules] = value as string;
  }
  return { surface, text };
}

/**
 * Derived colours for the parts merchants do not style one by one (labels, dividers, the
 * error tint), mixed from their own colours so contrast follows their theme. The inputs to
 * color-mix are sanitized values; the function is ours, not the merchant's.
 */
function derivedRules(base: StyleBlock | undefined, invalid: StyleRules | undefined): string[] {
  const out: string[] = [];
  // The focus ring is the cell's inset shadow (an input outline would be clipped by the
  // group): the merchant's outlineColor (base or :focus) colours it, their radius rounds it.
  const focus = base?.[':focus']?.outlineColor ?? base?.outlineColor;
  const custom = [
    focus ? `--cf-focus: ${focus};` : '',
    base?.borderRadius ? `--cf-radius: ${base.borderRadius};` : '',
    // Labels, errors and the saved card follow the merchant's font, not only the inputs.
    base?.fontFamily ? `font-family: ${base.fontFamily};` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (custom) out.push(`.form { ${custom} }`);
  if (base?.borderColor) {
    out.push(`.form .row + .row, .form .cell + .cell, .form .saved { border-color: ${base.borderColor}; }`);
  }
  if (base?.color) {
    out.push(`.form .label, .form .saved .expires { color: color-mix(in srgb, ${base.color} 72%, transparent); }`);
    out.push(`.form .saved { color: ${base.color}; }`);
  }
  if (invalid?.color) {
    out.push(`.form .error { color: ${invalid.color}; }`);
    out.push(`.form .cell.has-error { background: color-mix(in srgb, ${invalid.color} 10%, transparent); }`);
  }
  return out;
}

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
    if (variant === 'base') {
      const { surface, text } = splitSurface(block);
      const group = styleRulesToCss(surface);
      if (group) out.push(`.form .group { ${group} }`);
      const own = styleRulesToCss(text);
      if (own) out.push(`${selector} { ${own} }`);
    } else {
      const own = styleRulesToCss(block);
      if (own) out.push(`${selector} { ${own} }`);
    }
    for (const pseudo of STYLE_PSEUDOS) {
      const rules = block[pseudo] as StyleRules | undefined;
      const css = rules ? styleRulesToCss(rules) : '';
      if (css) out.push(`${selector}${pseudo} { ${css} }`);
    }
  }
  out.push(...derivedRules(checked.value.base, checked.value.invalid));
  return out.join('\n');
}
