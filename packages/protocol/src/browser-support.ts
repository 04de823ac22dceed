/**
 * What the card form needs from the browser beyond ES2022 modules, as one check the SDK (in
 * the page) and the frame (in the iframe) both run, so an old engine fails with
 * UNSUPPORTED_BROWSER instead of showing a blank, "ready" frame.
 *
 * Constructable stylesheets (`new CSSStyleSheet()`, `replaceSync`, `adoptedStyleSheets`):
 * the frame's CSP has no 'unsafe-inline', so the form can be styled only through them
 * (Chrome 73, Firefox 101, Safari 16.4; WPE/WebKitGTK 2.38 and Safari ≤ 16.3 lack them).
 */
export function supportsCardForm(win: Window & typeof globalThis): boolean {
  const sheet = win.CSSStyleSheet?.prototype;
  return !!sheet && 'replaceSync' in sheet && 'adoptedStyleSheets' in win.Document.prototype && 'adoptedStyleSheets' in win.ShadowRoot.prototype;
}
