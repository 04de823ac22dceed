import type { CardframeErrorCode } from '@cardframe/sdk';

/** Codes after which this session cannot be used again: the page offers a fresh checkout. */
export const SESSION_ENDING_CODES: readonly CardframeErrorCode[] = ['SESSION_COMPLETED', 'SESSION_EXPIRED', 'SESSION_NOT_FOUND'];

/** Codes the frame shows beside the field itself (and announces): the shop adds nothing. */
export const FIELD_ERROR_CODES: readonly CardframeErrorCode[] = [
  'NOT_COMPLETE',
  'LUHN_CHECK_FAILED',
  'INVALID_EXPIRY_DATE',
  'EXPIRY_IN_PAST',
  'SCHEME_NOT_SUPPORTED',
];

/**
 * What the shopper reads for an SDK error code. Validation codes keep the frame's own message
 * (it names the field); session and transport failures get the shop's words and a next step.
 */
export function shopperMessage(code: string, frameMessage: string): string {
  switch (code) {
    case 'SESSION_COMPLETED':
      return 'This checkout has already been used to save a card. Start a new checkout to pay again.';
    case 'SESSION_EXPIRED':
      return 'This checkout timed out to keep your details safe. Start a new checkout; nothing was charged.';
    case 'SESSION_NOT_FOUND':
      return 'This checkout is no longer valid. Start a new checkout; nothing was charged.';
    case 'FRAME_LOAD_FAILED':
    case 'FRAME_TIMEOUT':
    case 'NETWORK_ERROR':
      return 'The secure card form is not responding. Check your connection and try again.';
    case 'TOKENIZATION_FAILED':
      return 'Your card could not be saved. Please check the details and try again.';
    case 'BUSY':
      return 'Your payment is already being processed.';
    default:
      return frameMessage || 'Please check your card details.';
  }
}
