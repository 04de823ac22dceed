/**
 * Why a Hellgate call was refused here:
 * - `UNSUPPORTED`: Hellgate has it, Cardframe does not (3-D Secure, `fonts`, `height`, a string cardholder name…).
 *   The message names what and says what to do instead (README "Coming from Hellgate").
 * - `INVALID_OPTIONS`: not of Hellgate's documented shape (an unknown option, a missing `base_url`).
 * - `NOT_CREATED`: `process()` before `createForm()` or `createFormFields()`.
 * Errors of the frames themselves (a refused style value, a mount that timed out) stay `CardframeError`s.
 */
export type HellgateErrorCode = 'UNSUPPORTED' | 'INVALID_OPTIONS' | 'NOT_CREATED';

export class HellgateError extends Error {
  readonly code: HellgateErrorCode;

  constructor(code: HellgateErrorCode, message: string) {
    super(message);
    this.name = 'HellgateError';
    this.code = code;
  }
}

export const unsupported = (what: string, instead: string): HellgateError =>
  new HellgateError('UNSUPPORTED', `${what} is not supported by Cardframe: ${instead}`);
