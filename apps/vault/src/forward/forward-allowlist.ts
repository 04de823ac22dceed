/**
 * One entry of CARDFRAME_FORWARD_ALLOWLIST: an exact origin (scheme + host + port) and an optional
 * path prefix that matches whole segments only (`/v1` allows `/v1` and `/v1/pay`, never `/v10`).
 */
export interface ForwardRule {
  origin: string;
  /** '' for "any path on this origin"; otherwise starts with '/' and has no trailing '/'. */
  pathPrefix: string;
}

/** Thrown at start-up for a bad entry; the message names the variable, for the operator's terminal. */
export class ForwardAllowlistError extends Error {
  override name = 'ForwardAllowlistError';
}

/**
 * Parses `https://api.psp.example, https://pay.example:8443/v1/payments`. Entries are URLs without
 * credentials, query or fragment; a bare origin allows every path on it.
 */
export function parseForwardAllowlist(raw: string | undefined): ForwardRule[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ForwardAllowlistError(`CARDFRAME_FORWARD_ALLOWLIST: "${entry}" is not an absolute URL`);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ForwardAllowlistError(`CARDFRAME_FORWARD_ALLOWLIST: "${entry}" must be http(s)`);
      }
      if (url.username || url.password || url.search || url.hash || entry.includes('*')) {
        throw new ForwardAllowlistError(
          `CARDFRAME_FORWARD_ALLOWLIST: "${entry}" may hold only scheme, host, port and a path prefix (no credentials, query, fragment or wildcard)`,
        );
      }
      return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, '') };
    });
}

/**
 * The destination as it will be called, or undefined when no rule allows it. Matching runs on the
 * WHATWG-parsed URL (lower-cased host, default port folded, `..` and `%2e%2e` segments resolved),
 * so `https://psp.example/v1/../admin` is judged as `/admin`, and the caller sends exactly `href`.
 */
export function allowedDestination(rules: readonly ForwardRule[], destination: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  url.hash = '';
  const allowed = rules.some(
    (rule) => rule.origin === url.origin && (rule.pathPrefix === '' || url.pathname === rule.pathPrefix || url.pathname.startsWith(`${rule.pathPrefix}/`)),
  );
  return allowed ? url : undefined;
}
