import { isCardframeErrorData, type CardframeErrorCode, type CardframeErrorData } from '@cardframe/protocol';

/**
 * The one error type the SDK rejects and emits. `code` is stable and documented
 * (protocol CARDFRAME_ERROR_CODES); `message` is for humans and never holds card data.
 */
export class CardframeError extends Error {
  // `declare`: assigned in the constructor, so no class-field helper is compiled into the script.
  declare readonly code: CardframeErrorCode;

  constructor(code: CardframeErrorCode, message: string) {
    super(message);
    this.name = 'CardframeError';
    this.code = code;
  }

  /** Rebuilds a typed error from the `{code, message}` data the frame sends across the bridge. */
  static from(reason: unknown, fallback: CardframeErrorCode = 'TOKENIZATION_FAILED'): CardframeError {
    if (reason instanceof CardframeError) return reason;
    if (isCardframeErrorData(reason)) return new CardframeError(reason.code, reason.message);
    return new CardframeError(fallback, 'The frame request failed');
  }

  /** The structured-clone-safe form, e.g. for a merchant's own logging. */
  toJSON(): CardframeErrorData {
    return { code: this.code, message: this.message };
  }
}
