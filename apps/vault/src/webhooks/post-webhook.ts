import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPublicAddress, type WebhookNetworkPolicy } from './webhook-address-policy.ts';

/**
 * POSTs one event and resolves with the receiver's status. node:http rather than fetch so the
 * connection goes through {@link guardedLookup}: the address that is checked is the address
 * that is connected to. Redirects are not followed; the receiver's body is discarded unread.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number, policy: WebhookNetworkPolicy): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // Sockets skip `lookup` for IP literals, so those are judged here.
  if (policy === 'public-only' && isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new Error(`webhook destination ${host} is not a public address`));
  }
  const lookup = guardedLookup(policy);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
        ...(lookup ? { lookup } : {}),
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
