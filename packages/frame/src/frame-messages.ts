/**
 * Text the frame adds for the environment checks (browser-support.ts), kept in one table so the
 * locale work (issue 10) can translate it with the rest. `…Error` strings go to the merchant's
 * developer (CardframeError messages, English like every SDK message); the others are shown to
 * the shopper inside the frame.
 */
export const FRAME_TEXT = {
  unsupportedBrowser: 'This browser cannot show the payment form. Please update it or use another browser.',
  unsupportedBrowserError:
    'This browser cannot run the card form (it needs constructable stylesheets and Object.hasOwn: Chrome or Edge 93, Firefox 101, Safari 16.4 or newer)',
  unavailable: 'This payment form is not available right now.',
  vaultNotHttpsError:
    'The vault is not served from a secure context, so the frame has no WebCrypto to encrypt the card: serve the vault over https',
} as const;
