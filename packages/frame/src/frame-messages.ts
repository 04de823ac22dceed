/**
 * Developer messages for the environment checks (browser-support.ts): they go to the merchant's
 * developer as CardframeError messages, in English like every SDK message. What the shopper
 * reads for the same problems is translated with the frame's other messages
 * (`unsupportedBrowser`, `unavailable` in card-form/src/locales/frame/).
 */
export const FRAME_TEXT = {
  unsupportedBrowserError: 'The card form needs Chrome or Edge 93, Firefox 101, Safari 16.4 or newer',
  vaultNotHttpsError: 'No WebCrypto in the frame (the vault is not a secure context): serve the vault over https',
} as const;
