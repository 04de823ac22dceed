/**
 * Developer messages for the environment checks (browser-support.ts): they go to the merchant's
 * developer as CardframeError messages, in English like every SDK message. What the shopper
 * reads for the same problems is translated with the frame's other messages
 * (`unsupportedBrowser`, `unavailable` in card-form/src/locales/frame/).
 */
export const FRAME_TEXT = {
  unsupportedBrowserError:
    'This browser cannot run the card form (it needs constructable stylesheets and Object.hasOwn: Chrome or Edge 93, Firefox 101, Safari 16.4 or newer)',
  vaultNotHttpsError:
    'The vault is not served from a secure context, so the frame has no WebCrypto to encrypt the card: serve the vault over https',
} as const;
