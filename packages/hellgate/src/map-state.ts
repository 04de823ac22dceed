import type { CardframeErrorCode, CardState } from '@cardframe/sdk';
import type { ChangeEvent, ProcessResult, ValidationErrorCode } from './types.ts';

/** Cardframe's validation codes as Hellgate's: a past expiry is Hellgate's INVALID_EXPIRY_DATE. */
const VALIDATION_CODES: Partial<Record<CardframeErrorCode, ValidationErrorCode>> = {
  NOT_COMPLETE: 'NOT_COMPLETE',
  SCHEME_NOT_SUPPORTED: 'SCHEME_NOT_SUPPORTED',
  LUHN_CHECK_FAILED: 'LUHN_CHECK_FAILED',
  INVALID_EXPIRY_DATE: 'INVALID_EXPIRY_DATE',
  EXPIRY_IN_PAST: 'INVALID_EXPIRY_DATE',
};

/**
 * Hellgate's SDK knows one message for a session it cannot find, and the vault answers 404 for both
 * (ADR 0022): the page gets that message, and the code still says which it was.
 */
const SESSION_GONE: readonly CardframeErrorCode[] = ['SESSION_NOT_FOUND', 'SESSION_EXPIRED'];
export const SESSION_GONE_MESSAGE = "Session doesn't exist or has expired";

/** A Cardframe code as the page sees it here: Hellgate's validation code where one applies, else unchanged. */
export const hellgateCode = (code: CardframeErrorCode): string => VALIDATION_CODES[code] ?? code;

/** A field's or the form's coarse state as Hellgate's `change` event. */
export function changeEvent(state: CardState): ChangeEvent {
  const event: ChangeEvent = { empty: state.empty, complete: state.complete, valid: state.error === undefined };
  if (state.error) {
    event.error = state.error.message;
    const code = VALIDATION_CODES[state.error.code];
    if (code) event.errorCode = code;
  }
  return event;
}

/** A failed submit as Hellgate's failure result. */
export function failure(error: { code: CardframeErrorCode; message: string }): ProcessResult {
  const message = SESSION_GONE.includes(error.code) ? SESSION_GONE_MESSAGE : error.message;
  return { status: 'failure', data: { message, code: hellgateCode(error.code) } };
}
