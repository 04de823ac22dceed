import type { Endpoint } from 'comlink';
import { isCardFrameMethod, type CardframeErrorData } from '@cardframe/protocol';

type Listener = (event: MessageEvent) => void;

const NOT_ALLOWED: CardframeErrorData = { code: 'INVALID_OPTIONS', message: 'Not allowed' };

/** A comlink raw wire value: the only argument kind we accept (no proxies, no transfer handlers). */
function isRawWireValue(value: unknown): value is { type: 'RAW'; value: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'RAW' && 'value' in value;
}

/**
 * Rebuilds an allowed comlink request from scratch, or returns null.
 * Allowed: `APPLY` with path `[m]`, m one of CARD_FRAME_METHODS, raw arguments only; and `RELEASE`.
 * Refused: GET, SET, CONSTRUCT, ENDPOINT, any longer path (so no `constructor`, `__proto__` or
 * `prototype` walks), proxy/handler-typed arguments.
 */
function allowedRequest(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null) return null;
  const { id, type, path, argumentList } = data as Record<string, unknown>;
  if (typeof id !== 'string') return null;
  if (type === 'RELEASE') return { id, type };
  if (type !== 'APPLY' || !Array.isArray(path) || path.length !== 1 || !isCardFrameMethod(path[0])) return null;
  if (!Array.isArray(argumentList) || argumentList.length > 1 || !argumentList.every(isRawWireValue)) return null;
  return { id, type, path: [path[0]], argumentList: argumentList.map((arg) => ({ type: 'RAW', value: arg.value })) };
}

/**
 * Wraps the rpc MessagePort as the comlink Endpoint that `expose` listens on, so only
 * allowlisted calls ever reach comlink. Refused requests are answered here, in comlink's
 * "thrown value" wire format, so the caller's promise rejects instead of hanging.
 */
export function allowlistEndpoint(port: MessagePort): Endpoint {
  const listeners = new Set<Listener>();
  port.addEventListener('message', (event: MessageEvent) => {
    const request = allowedRequest(event.data);
    if (request === null) {
      const id = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') {
        port.postMessage({ id, type: 'HANDLER', name: 'throw', value: { isError: false, value: NOT_ALLOWED } });
      }
      return;
    }
    const clean = new MessageEvent('message', { data: request });
    for (const listener of [...listeners]) listener(clean);
  });
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer ?? []),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'message' && typeof listener === 'function') listeners.add(listener as Listener);
    },
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'message') listeners.delete(listener as Listener);
    },
    start: () => port.start(),
  };
}
