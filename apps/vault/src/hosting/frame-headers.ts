import { createHash } from 'node:crypto';

/**
 * Headers of the card frame document (security.md §5). `frame-ancestors` is the merchant allowlist;
 * the operator's font origins (CARDFRAME_FONT_ORIGINS, validated bare origins) widen `font-src` and
 * nothing else: a font file can only be drawn, so those origins gain no script, style, image or
 * connection (ADR 0034). `scriptHashes` are the CSP hashes of the document's own inline scripts
 * (inlineScriptHashes): each allows that exact text and nothing else, never 'unsafe-inline'.
 */
export function frameHeaders(
  allowedOrigins: readonly string[],
  fontOrigins: readonly string[] = [],
  scriptHashes: readonly string[] = [],
): Record<string, string> {
  const ancestors = allowedOrigins.length > 0 ? allowedOrigins.join(' ') : "'none'";
  const fonts = ["'self'", ...fontOrigins].join(' ');
  const scripts = ["'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      `default-src 'none'; script-src ${scripts}; style-src 'self'; img-src 'self' data:; font-src ${fonts}; ` +
      `connect-src 'self'; frame-ancestors ${ancestors}; form-action 'none'; base-uri 'none'; object-src 'none'; ` +
      "require-trusted-types-for 'script'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
    'cross-origin-resource-policy': 'cross-origin',
  };
}

const escapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Writes the allowlist into `<meta name="cardframe-allowed-origins" content="">`, attribute-escaped. */
export function injectAllowedOrigins(html: string, allowedOrigins: readonly string[]): string {
  const value = allowedOrigins.join(' ').replace(/[&"'<>]/g, (c) => escapes[c]!);
  return html.replace(/(<meta\s+name=["']cardframe-allowed-origins["']\s+content=)(["'])[^"']*\2/i, (_m, head: string) => `${head}"${value}"`);
}

/**
 * The CSP source of each bare `<script>…</script>` in the frame document (the build's one:
 * early-session.ts, ADR 0042), as `sha256-<base64>` of its exact text. Computed from the HTML
 * being served, so the header can never allow a script other than the one sent; the build
 * refuses inline scripts with attributes, which this does not hash and the CSP then blocks.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}`);
}
