/**
 * The merchant origins the vault allows, from the `<meta name="cardframe-allowed-origins">`
 * tag the vault fills in when it serves card.html. Only exact `scheme://host[:port]`
 * origins count; anything else in the tag (paths, wildcards, "null") is dropped.
 */
export function readAllowedOrigins(doc: Document): ReadonlySet<string> {
  const meta = doc.querySelector('meta[name="cardframe-allowed-origins"]');
  const origins = new Set<string>();
  for (const candidate of (meta?.getAttribute('content') ?? '').split(/\s+/)) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.origin === candidate && (url.protocol === 'https:' || url.protocol === 'http:')) origins.add(candidate);
    } catch {
      // not an origin: ignored
    }
  }
  return origins;
}
