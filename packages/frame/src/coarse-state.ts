import { FIELD_NAMES, type CardState, type FieldError, type FieldState } from '@cardframe/protocol';

function copyError(error: FieldError | undefined): FieldError | undefined {
  return error ? { code: error.code, message: error.message } : undefined;
}

/**
 * Rebuilds a CardState from its documented keys only, so whatever else an element might
 * carry can never ride along to the merchant page (defence in depth over the element's contract).
 */
export function coarseState(state: CardState): CardState {
  const fields: CardState['fields'] = {};
  for (const name of FIELD_NAMES) {
    const field = state.fields[name];
    if (!field) continue;
    const copy: FieldState = { empty: Boolean(field.empty), complete: Boolean(field.complete) };
    const error = copyError(field.error);
    if (error) copy.error = error;
    fields[name] = copy;
  }
  const out: CardState = { empty: Boolean(state.empty), complete: Boolean(state.complete), brand: state.brand, fields };
  const error = copyError(state.error);
  if (error) out.error = error;
  return out;
}
