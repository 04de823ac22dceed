import { ApiError } from '../http/api-error.ts';

/** RFC 9110 §7.6.1 connection-specific headers: never relayed in either direction. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
]);

/** Headers that belong to the caller's conversation with the vault, not with the destination. */
export const VAULT_HEADERS = new Set([
  'x-api-key',
  'x-admin-token',
  'x-destination-url',
  'x-cryptogram-reference',
  'x-idempotency-key',
  'x-own-header-name',
  'x-own-header-value',
  'host',
  'content-length',
  'expect',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Names listed in a Connection header are hop-by-hop too. */
function connectionNames(raw: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'connection') for (const n of raw[i + 1]!.split(',')) names.add(n.trim().toLowerCase());
  }
  return names;
}

/**
 * The caller's headers as they came (order, case, duplicates: Node's rawHeaders), minus the vault's
 * own and hop-by-hop ones, plus the one reserved header named by `x-own-header-name`/`-value`.
 */
export function outgoingHeaders(raw: readonly string[]): string[] {
  const listed = connectionNames(raw);
  let ownName: string | undefined;
  let ownValue: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name === 'x-own-header-name') ownName = raw[i + 1];
    if (name === 'x-own-header-value') ownValue = raw[i + 1];
  }
  if ((ownName === undefined) !== (ownValue === undefined)) {
    throw new ApiError(400, 'INVALID_OWN_HEADER', 'x-own-header-name and x-own-header-value must be sent together');
  }
  const own = ownName?.toLowerCase();
  if (ownName !== undefined && (!TOKEN.test(ownName) || HOP_BY_HOP.has(own!) || own === 'host' || own === 'content-length')) {
    throw new ApiError(400, 'INVALID_OWN_HEADER', 'x-own-header-name must be a header name other than host, content-length or a hop-by-hop header');
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (VAULT_HEADERS.has(name) || HOP_BY_HOP.has(name) || listed.has(name) || name === own) continue;
    out.push(raw[i]!, raw[i + 1]!);
  }
  if (ownName !== undefined) out.push(ownName, ownValue!);
  return out;
}

/** The destination's headers as they came, minus hop-by-hop ones and the length (the vault sends the exact body). */
export function incomingHeaders(raw: readonly string[]): string[] {
  const listed = connectionNames(raw);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (HOP_BY_HOP.has(name) || listed.has(name) || name === 'content-length') continue;
    out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}
