import type { CardFrameApi, CardFrameMethod } from '@cardframe/protocol';

/** Calls the frame's CardFrameApi over the handshake's rpc port. */
export type FrameRpc = <M extends CardFrameMethod>(method: M, ...args: Parameters<CardFrameApi[M]>) => ReturnType<CardFrameApi[M]>;

/**
 * The page's side of the bridge: comlink's wire format (the frame runs comlink's `expose`
 * behind its allowlist), restricted to the one request the frame accepts: `APPLY` of a
 * CardFrameApi method with plain arguments. Nothing is ever exposed to the frame.
 *
 * Why not comlink's `wrap`: it drags in comlink's whole transfer-handler table, `expose`
 * included (1.9 KB gzip of a 4 KB budget), for GET/SET/CONSTRUCT/proxy features the frame
 * refuses anyway. Answers are matched by id; a comlink "thrown" answer rejects with the
 * thrown value's data: the `{code, message}` the frame throws, or for an Error comlink's plain
 * `{message, name, stack}`, which CardframeError.from turns into the fallback code. No Error is
 * rebuilt here: nothing but CardframeError.from ever sees the reason.
 */
export function frameRpc(port: MessagePort): FrameRpc {
  const pending = new Map<string, [(value: unknown) => void, (reason: unknown) => void]>();
  let next = 0;
  port.onmessage = ({ data }: MessageEvent) => {
    const entry = pending.get(data?.id);
    if (!entry) return;
    pending.delete(data.id);
    // Only comlink's thrown-value answer has a name (`{type: 'HANDLER', name: 'throw'}`): a result is `{type: 'RAW', value}`.
    if (data.name === 'throw') entry[1](data.value?.value);
    else entry[0](data.value);
  };
  return ((method: CardFrameMethod, ...args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = `${++next}`;
      pending.set(id, [resolve, reject]);
      port.postMessage({ id, type: 'APPLY', path: [method], argumentList: args.map((value) => ({ type: 'RAW', value })) });
    })) as FrameRpc;
}
