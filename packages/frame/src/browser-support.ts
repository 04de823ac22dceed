import type { CardframeErrorData } from '@cardframe/protocol';
import type { FrameMessages } from '@cardframe/card-form/locales';
import { FRAME_TEXT } from './frame-messages.ts';

/** Why this frame cannot work here: what the merchant is told, and which frame message the shopper sees. */
export interface EnvironmentProblem {
  error: CardframeErrorData;
  shopperText: keyof FrameMessages;
}

/**
 * What the card form needs from the browser beyond ES2022 modules, checked when the frame
 * starts, so an old engine fails with UNSUPPORTED_BROWSER (the SDK rejects mount() and emits
 * `error`) instead of showing a blank, "ready" frame. The check lives in the frame, not the
 * SDK: the frame knows what it needs, and the SDK has no bytes to spare.
 *
 * - Constructable stylesheets (`new CSSStyleSheet()`, `replaceSync`, `adoptedStyleSheets` on
 *   documents and shadow roots): the frame's CSP has no 'unsafe-inline', so the form can be
 *   styled only through them (Chrome 73, Firefox 101, Safari 16.4; WPE/WebKitGTK 2.38 and
 *   Safari ≤ 16.3 lack them: Lit falls back to <style> elements, which the CSP blocks).
 * - `Object.hasOwn` (Chrome 93, Firefox 92, Safari 15.4): the form's message tables use it.
 */
export function supportsCardForm(frameWindow: Window): boolean {
  // The frame's own realm: a test may hand in another window than the one this module runs in.
  const win = frameWindow as Window & typeof globalThis;
  const sheet = win.CSSStyleSheet?.prototype;
  return (
    !!sheet &&
    'replaceSync' in sheet &&
    'adoptedStyleSheets' in win.Document.prototype &&
    'adoptedStyleSheets' in win.ShadowRoot.prototype &&
    typeof win.Object.hasOwn === 'function'
  );
}

/**
 * Checked before the frame loads anything. WebCrypto (`crypto.subtle`, which the JWE needs)
 * exists only in a secure context: a vault served over plain http on a real host name would
 * take a whole card and only then fail to encrypt it.
 */
export function environmentProblem(win: Window): EnvironmentProblem | undefined {
  if (!win.isSecureContext || !win.crypto?.subtle) {
    return {
      error: { code: 'VAULT_NOT_HTTPS', message: FRAME_TEXT.vaultNotHttpsError },
      shopperText: 'unavailable',
    };
  }
  if (!supportsCardForm(win)) {
    return {
      error: { code: 'UNSUPPORTED_BROWSER', message: FRAME_TEXT.unsupportedBrowserError },
      shopperText: 'unsupportedBrowser',
    };
  }
  return undefined;
}
