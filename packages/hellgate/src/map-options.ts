import type { CardElementOptions, FieldName } from '@cardframe/sdk';
import { HellgateError, unsupported } from './hellgate-error.ts';
import { mapStyle } from './map-style.ts';
import type { ElementOptions, FormFieldsOptions } from './types.ts';

/** Hellgate element options with no Cardframe counterpart, and what to do instead. */
const UNMAPPED: Record<string, string> = {
  height: 'the frame sizes its fields; set the height of the element you mount into',
  cvcOnly: 'a CVC-only form comes from a refresh_security_code session (POST /api/pci/tokens/{id}/security-code)',
  ariaLabel: 'the frame labels its fields in the shopper’s language',
  icon: 'the brand icon has a fixed place',
  schemes: "restrict brands on the server with the session's allowed_schemes; the vault enforces them",
};
const MAPPED = ['style', 'placeholder', 'disabled', 'autocomplete'];
/** The keys createFormFields() takes besides the element options. */
const FIELD_KEYS = { cardNumber: 'number', expiryDate: 'expiry', securityCode: 'cvc' } as const satisfies Record<string, FieldName>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One Hellgate element's options as the Cardframe options of the field it drives: `placeholder` (a
 * string in Hellgate) becomes that field's placeholder; `field` undefined is the combined form, which
 * takes no placeholder (one string cannot name three inputs). Unmapped options throw.
 */
export function mapElementOptions(input: ElementOptions | undefined, field: FieldName | undefined, path: string): CardElementOptions {
  if (input === undefined) return {};
  if (!isObject(input as unknown)) throw new HellgateError('INVALID_OPTIONS', `${path}: not an object`);
  const out: CardElementOptions = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const instead = UNMAPPED[key];
    if (instead) throw unsupported(`${path}.${key}`, instead);
    if (!MAPPED.includes(key)) throw new HellgateError('INVALID_OPTIONS', `${path}: unknown option "${key.slice(0, 40)}"`);
  }
  if (input.autocomplete !== undefined && input.autocomplete !== 'on') {
    throw unsupported(`${path}.autocomplete: '${String(input.autocomplete).slice(0, 20)}'`, "card fields keep the browser's card autofill ('on')");
  }
  const style = mapStyle(input.style, `${path}.style`);
  if (style) out.style = style;
  if (input.disabled !== undefined) out.disabled = input.disabled;
  if (input.placeholder !== undefined) {
    if (field === undefined) throw unsupported(`${path}.placeholder`, 'the form has three inputs; use createFormFields() to set placeholders');
    // Type and length are the SDK's to check (INVALID_OPTIONS), as for its own placeholders.
    out.placeholder = { [field]: input.placeholder };
  }
  return out;
}

/**
 * createFormFields() options: global element options, each overridden per field by the namespaced
 * `cardNumber`, `expiryDate`, `securityCode` options (a field's own `style` replaces the global one).
 */
export function mapFormFieldsOptions(input: FormFieldsOptions | undefined): Record<keyof typeof FIELD_KEYS, CardElementOptions> {
  if (input !== undefined && !isObject(input)) throw new HellgateError('INVALID_OPTIONS', 'options: not an object');
  const { cardNumber, expiryDate, securityCode, expiryDateElement, ...global } = input ?? {};
  if (expiryDateElement !== undefined && expiryDateElement !== 'combined') {
    throw unsupported(`options.expiryDateElement: '${String(expiryDateElement).slice(0, 20)}'`, "the expiry is one field ('combined')");
  }
  const perField = { cardNumber, expiryDate, securityCode };
  const out = {} as Record<keyof typeof FIELD_KEYS, CardElementOptions>;
  for (const [key, field] of Object.entries(FIELD_KEYS) as [keyof typeof FIELD_KEYS, FieldName][]) {
    const own = perField[key];
    if (own !== undefined && !isObject(own)) throw new HellgateError('INVALID_OPTIONS', `options.${key}: not an object`);
    out[key] = mapElementOptions({ ...global, ...own }, field, own ? `options.${key}` : 'options');
  }
  return out;
}
