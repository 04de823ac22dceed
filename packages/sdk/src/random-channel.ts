/**
 * A fresh, unguessable id (128 bits as 32 hex digits) that ties one hello/connect pair to one
 * mount. Hex rather than base64url: the shortest code that fits the channel pattern, in a
 * script with a 4 KB budget.
 */
export function randomChannel(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
}
