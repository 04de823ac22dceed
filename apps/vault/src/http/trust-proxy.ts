import ipaddr from 'ipaddr.js';

/**
 * CARDFRAME_TRUST_PROXY: the addresses or CIDR ranges of the proxies in front of the vault (issue
 * 13, finding 3). Only a hop from one of these may name the client in X-Forwarded-For; Fastify
 * (proxy-addr) then walks the header from the right, stopping at the first untrusted hop, so a
 * client cannot spoof its address by sending the header itself. Empty: the socket address is the
 * client, and X-Forwarded-For is ignored.
 */
export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

/** proxy-addr's own names for common ranges. */
const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function parseTrustProxy(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (NAMED.has(entry) || ipaddr.isValid(entry)) continue;
    try {
      ipaddr.parseCIDR(entry);
    } catch {
      throw new TrustProxyError(`CARDFRAME_TRUST_PROXY: "${entry}" is not an IP address, a CIDR range, or one of loopback, linklocal, uniquelocal`);
    }
  }
  return entries;
}
