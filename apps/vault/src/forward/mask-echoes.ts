import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { ApiError } from '../http/api-error.ts';
import { MAX_UPSTREAM_BODY, type UpstreamResponse } from './send-upstream.ts';

/**
 * Masks card data a destination echoes back (issue 13, finding 4): many APIs quote the request in
 * a 400, which would hand the full PAN, CVC and name to a key that may only forward. Every value
 * the vault injected is searched for in every encoding the vault could have written it in (plain,
 * JSON string escape, URL encoding with %20 or +) in the body, the header values and the reason
 * phrase, and each occurrence is replaced by asterisks of the same length.
 *
 * Digit-only secrets (PAN, CVC) are matched only where no digit touches them, so a 3-digit CVC does
 * not blank "1234" in an amount; an echo is always delimited (quotes, `&`, `=`, spaces).
 * Compressed bodies are decompressed first (the masked body is relayed uncompressed); an encoding
 * the vault cannot read is not relayed at all, since it cannot be checked.
 */
export function maskEchoes(response: UpstreamResponse, secrets: readonly string[]): UpstreamResponse {
  const needles = [...new Set(secrets.filter((s) => s.length > 0).flatMap(encodings))];
  if (needles.length === 0) return response;
  const pattern = new RegExp(
    needles
      .sort((a, b) => b.length - a.length)
      .map(needlePattern)
      .join('|'),
    'g',
  );
  // latin1 maps bytes 1:1 to code units, so replacing in it leaves every other byte as it was.
  const mask = (bytes: string) => bytes.replace(pattern, (m) => '*'.repeat(m.length));
  const maskText = (text: string) => Buffer.from(mask(Buffer.from(text, 'utf8').toString('latin1')), 'latin1').toString('utf8');

  const { body, rawHeaders } = decoded(response);
  const headers = rawHeaders.map((value, i) => (i % 2 === 1 ? maskText(value) : value));
  return {
    status: response.status,
    statusMessage: maskText(response.statusMessage),
    rawHeaders: headers,
    body: Buffer.from(mask(body.toString('latin1')), 'latin1'),
  };
}

/** The forms the vault's renderer can emit for a value (render-forward-body.ts), as latin1 byte strings. */
function encodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const uri = encodeURIComponent(value);
  const forms = [value, json, uri, uri.replace(/%20/g, '+')];
  // Destinations often re-escape non-ASCII as \uXXXX in JSON.
  forms.push(json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  // URL encodings also differ in hex case between servers.
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  forms.push(lower(uri), lower(uri.replace(/%20/g, '+')));
  return forms.map((f) => Buffer.from(f, 'utf8').toString('latin1'));
}

function needlePattern(needle: string): string {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /^\d+$/.test(needle) ? `(?<!\\d)${escaped}(?!\\d)` : escaped;
}

/** The body as plain bytes, and the headers to relay with it. */
function decoded(response: UpstreamResponse): { body: Buffer; rawHeaders: string[] } {
  let encoding: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    if (response.rawHeaders[i]!.toLowerCase() === 'content-encoding') encoding = response.rawHeaders[i + 1]!.trim().toLowerCase();
    else rest.push(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
  }
  if (encoding === undefined || encoding === '' || encoding === 'identity') return { body: response.body, rawHeaders: response.rawHeaders };
  const options = { maxOutputLength: MAX_UPSTREAM_BODY };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return { body: gunzipSync(response.body, options), rawHeaders: rest };
    if (encoding === 'deflate') return { body: inflateSync(response.body, options), rawHeaders: rest };
    if (encoding === 'br') return { body: brotliDecompressSync(response.body, options), rawHeaders: rest };
  } catch {
    throw new ApiError(502, 'BAD_GATEWAY', 'The destination answered with a compressed body the vault could not decode');
  }
  throw new ApiError(502, 'BAD_GATEWAY', `The destination answered with content-encoding "${encoding}", which the vault cannot check for echoed card data`);
}
