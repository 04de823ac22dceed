import { SDK_SCRIPT_PATH } from './sdk-integrity.ts';

/**
 * The Content-Security-Policy of the checkout pages, and the one the README recommends to
 * merchants. Scripts: our own bundle and exactly the vault's SDK file (pinned again by SRI), or on the
 * Hellgate-API page the vault's Hellgate-shaped script instead (`scriptPath`).
 * Frames: only the vault's origin. The page talks to its own server and, for one thing only, to
 * the vault: the SDK's `GET /frame/v1/allowed` (no credentials, no referrer, a yes/no for the
 * page's origin) when a frame has not said hello after 1 s, so a refused origin is named
 * (ORIGIN_NOT_ALLOWED) instead of timing out; without it a slow load logs a CSP violation. The
 * card goes from the frame to the vault, never from this page. No inline script or style, no plugins, no
 * `<base>`, and nobody may frame the checkout.
 */
export function merchantCsp(vaultFrameUrl: string, scriptPath: string = SDK_SCRIPT_PATH): string {
  const vault = new URL(vaultFrameUrl);
  return [
    "default-src 'self'",
    `script-src 'self' ${vault.origin}${scriptPath}`,
    `frame-src ${vault.origin}`,
    `connect-src 'self' ${vault.origin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
