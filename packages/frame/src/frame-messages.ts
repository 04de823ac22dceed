/**
 * Text the frame adds for the environment checks (browser-support.ts), kept in one table so the
 * locale work (issue 10) can translate it with the rest. `…Error` strings go to the merchant's
 * developer (CardframeError messages, English like every SDK message); the others are shown to
 * the shopper inside the frame.
 */
export const FRAME_TEXT = {
  unsupportedBrowser: 'This browser cannot show the payment form. Please update it or use another browser.',
  // It needs constructable stylesheets and Object.hasOwn.
  unsupportedBrowserError: 'The card form needs Chrome or Edge 93, Firefox 101, Safari 16.4 or newer',
  unavailable: 'This payment form is not available right now.',
  vaultNotHttpsError: 'No WebCrypto in the frame (the vault is not a secure context): serve the vault over https',
} as const;
