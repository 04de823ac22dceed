import type { FrameMessages } from '../../catalog.ts';

/** English (en): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'This payment form could not be loaded.',
  notAllowedHere: 'This payment form cannot be shown on this site.',
  sessionExpired: 'This payment session has expired. Reload the page to try again.',
  sessionCompleted: 'This payment session has already been used.',
  sessionNotFound: 'This payment session was not found.',
  networkError: 'The payment service could not be reached. Check your connection and try again.',
  saveFailed: 'The card could not be saved. Please try again.',
  incomplete: 'Please complete the card details.',
  unsupportedBrowser: 'This browser cannot show the payment form. Please update it or use another browser.',
  unavailable: 'This payment form is not available right now.',
} satisfies FrameMessages;
