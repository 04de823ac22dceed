import { createHmac } from 'node:crypto';

/** `x-hmac-signature`: hex HMAC-SHA256 of the raw body bytes under the webhook's key. */
export function signBody(hmacKey: string, body: string): string {
  return createHmac('sha256', hmacKey).update(body, 'utf8').digest('hex');
}
