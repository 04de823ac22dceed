import type { FieldName } from './card-options.ts';
import type { ValidationErrorCode } from './errors.ts';
import type { Scheme } from './schemes.ts';

/** A field's validation error, safe to show to the shopper and to hand to the merchant page. */
export interface FieldError {
  code: ValidationErrorCode;
  message: string;
}

/**
 * Coarse state of one field. Deliberately nothing more: no digits, no length, no BIN,
 * no last four. The merchant page learns only what it needs to enable a pay button.
 */
export interface FieldState {
  empty: boolean;
  complete: boolean;
  error?: FieldError;
}

/** The state of the whole card form, as the merchant page sees it in `change` events. */
export interface CardState {
  empty: boolean;
  /** Every shown field is complete and valid: the form can be submitted. */
  complete: boolean;
  /** Detected brand, or `unknown` until the number identifies one. */
  brand: Scheme | 'unknown';
  fields: Partial<Record<FieldName, FieldState>>;
  /** The first field error, in field order, for a single inline message. */
  error?: FieldError;
}
