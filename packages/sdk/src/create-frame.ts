/**
 * Builds the card iframe. Deliberately:
 * - no `allow` attribute: a cross-origin frame gets no powerful feature (payment, camera,
 *   clipboard, geolocation…) unless the embedder delegates it, and the card form needs none,
 *   so delegating nothing is the least privilege; `payment 'none'` would only restate the default;
 * - no `sandbox`: the frame must run scripts, keep its own origin (WebCrypto, same-origin fetch
 *   to the vault) and receive autofill; sandboxing would break all three;
 * - `referrerpolicy="no-referrer"`: the merchant page URL (order ids, emails in paths) stays home;
 * - sizing through CSSOM properties, never a `style` attribute, so a merchant CSP without
 *   'unsafe-inline' still lets the SDK work;
 * - no `loading` attribute: eager is what a missing one means in every engine (and no engine
 *   lazy-loads iframes on its own any more), so `loading="eager"` cost bytes and said nothing;
 * - no `scrolling="no"` (obsolete): the frame's own document hides overflow (frame.css), a byte
 *   cheaper than saying it here in the 4 KB script.
 */
export function createFrame(src: string): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  iframe.title = 'Secure card payment form';
  iframe.referrerPolicy = 'no-referrer';
  const style = iframe.style;
  style.border = '0';
  style.width = '100%';
  style.display = 'block';
  style.colorScheme = 'normal';
  iframe.src = src;
  return iframe;
}
