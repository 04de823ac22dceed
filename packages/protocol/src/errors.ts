/**
 * Errors as data. Codes that the card form reports for a field, and the codes a
 * merchant sees on a rejected `submit()` or an `error` event. Messages are for
 * humans and never contain card data.
 */
export const VALIDATION_ERROR_CODES = [
  'NOT_COMPLETE',
  'LUHN_CHECK_FAILED',
  'INVALID_EXPIRY_DATE',
  /** A well-formed expiry (month and year) that has already passed. */
  'EXPIRY_IN_PAST',
  'SCHEME_NOT_SUPPORTED',
] as const;

export type ValidationErrorCode = (typeof VALIDATION_ERROR_CODES)[number];

export const CARDFRAME_ERROR_CODES = [
  ...VALIDATION_ERROR_CODES,
  /** The options passed to `card()` or `update()` are not of the documented shape. */
  'INVALID_OPTIONS',
  /** A style property or value is outside the allowlist (fail closed, nothing applied). */
  'INVALID_STYLE',
  /** The frame did not load or did not complete the handshake in time. */
  'FRAME_LOAD_FAILED',
  /** The frame stopped answering a call. */
  'FRAME_TIMEOUT',
  'SESSION_NOT_FOUND',
  'SESSION_EXPIRED',
  /** The session was already used to create a token: create a new one on the server. */
  'SESSION_COMPLETED',
  'NETWORK_ERROR',
  'TOKENIZATION_FAILED',
  'NOT_MOUNTED',
  'ALREADY_MOUNTED',
  /** A submit is already in flight; the second call is refused rather than queued. */
  'BUSY',
  /**
   * This browser lacks what the card form needs (constructable stylesheets: Chrome 73,
   * Firefox 101, Safari 16.4). Checked before the frame is inserted, so the page can offer
   * another way to pay instead of a blank frame.
   */
  'UNSUPPORTED_BROWSER',
  /**
   * The vault is served without a secure context (plain http on a real host name), so the
   * frame has no WebCrypto and could never encrypt a card: serve the vault over https.
   */
  'VAULT_NOT_HTTPS',
  /**
   * The vault does not list this page's origin in CARDFRAME_ALLOWED_ORIGINS, so it refuses to
   * be framed here. The vault says yes or no for the asking origin only, never the list.
   */
  'ORIGIN_NOT_ALLOWED',
  /** The SDK and the frame speak different bridge versions: load the SDK from the same vault. */
  'VERSION_MISMATCH',
  /**
   * A merchant font did not load: its origin is not in the vault's CARDFRAME_FONT_ORIGINS (the
   * frame's CSP font-src blocked it), or the file failed (CORS, 404, not a font). An `error` event
   * after `ready`, never a failed mount: the form keeps the next family in `fontFamily`.
   */
  'FONT_LOAD_FAILED',
] as const;

export type CardframeErrorCode = (typeof CARDFRAME_ERROR_CODES)[number];

/** The structured-clone-safe shape of an error crossing the bridge. */
export interface CardframeErrorData {
  code: CardframeErrorCode;
  message: string;
}

export function isCardframeErrorData(value: unknown): value is CardframeErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  // `includes` is true only for one of the listed strings, so it also checks that code is a string.
  return typeof message === 'string' && (CARDFRAME_ERROR_CODES as readonly unknown[]).includes(code);
}

/** The Guardian error body (`ErrorGeneric` / `ErrorValidation` in the seeds). */
export interface GuardianError {
  code: number;
  classifier: string;
  message: string;
  validation_errors?: { path: string; message: string }[];
}

/**
 * Classifiers the session routes use beyond the Guardian examples, so the frame can
 * tell a merchant exactly what happened to the session.
 */
export const SESSION_CLASSIFIERS = {
  notFound: 'NOT_FOUND',
  expired: 'SESSION_EXPIRED',
  completed: 'SESSION_COMPLETED',
} as const;
