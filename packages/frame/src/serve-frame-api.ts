import { isCardFrameMethod, type CardFrameApi, type CardframeErrorData } from '@cardframe/protocol';

const NOT_ALLOWED: CardframeErrorData = { code: 'INVALID_OPTIONS', message: 'Not allowed' };

/** A comlink raw wire value: the only argument kind accepted (no proxies, no transfer handlers). */
function isRawWireValue(value: unknown): value is { type: 'RAW'; value: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'RAW' && 'value' in value;
}

/**
 * Serves `api` on the handshake's rpc port in comlink's wire format (ADR 0035), the subset the
 * SDK speaks (ADR 0005): `APPLY` of one CARD_FRAME_METHODS name with at most one raw argument,
 * answered `{id, type: 'RAW', value}`, or comlink's "thrown value" `{id, type: 'HANDLER', name:
 * 'throw', value: {isError, value}}`; and `RELEASE`, answered and then the port closed.
 * Everything else (GET, SET, CONSTRUCT, ENDPOINT, longer paths, proxied arguments) is answered
 * with a rejection and never reaches `api`: the method is looked up only by an allowlisted name
 * on the frozen facade, so there is no path to walk to `constructor` or `__proto__`.
 */
export function serveFrameApi(api: CardFrameApi, port: MessagePort): void {
  const answer = (id: string, message: Record<string, unknown>): void => port.postMessage({ ...message, id });
  const reject = (id: string, reason: unknown): void =>
    answer(id, {
      type: 'HANDLER',
      name: 'throw',
      // An Error crosses as comlink sends one, minus its stack: the page learns no frame internals.
      value: reason instanceof Error ? { isError: true, value: { name: reason.name, message: reason.message } } : { isError: false, value: reason },
    });
  port.addEventListener('message', ({ data }: MessageEvent) => {
    const { id, type, path, argumentList } = (typeof data === 'object' && data) || {};
    if (typeof id !== 'string') return;
    if (type === 'RELEASE') {
      answer(id, { type: 'RAW', value: undefined });
      port.close();
      return;
    }
    const method = Array.isArray(path) && path.length === 1 ? path[0] : undefined;
    if (type !== 'APPLY' || !isCardFrameMethod(method) || !Array.isArray(argumentList) || argumentList.length > 1 || !argumentList.every(isRawWireValue)) {
      reject(id, NOT_ALLOWED);
      return;
    }
    const args = argumentList.map((arg) => arg.value) as [never];
    // A synchronous throw becomes a rejection too, so every request gets exactly one answer.
    new Promise((resolve) => resolve(api[method](...args))).then(
      (value) => answer(id, { type: 'RAW', value }),
      (reason: unknown) => reject(id, reason),
    );
  });
  port.start();
}
