import { BRIDGE_VERSION, helloVersion, type ConnectMessage } from '@cardframe/protocol';

/** The page's ends of the two channels: comlink calls on `rpc`, frame events on `events`. */
export interface FramePorts {
  rpc: MessagePort;
  events: MessagePort;
}

/**
 * Waits for the frame's hello and answers it with two MessagePorts.
 *
 * A hello counts only if it comes from this iframe's window (`event.source`), from the
 * exact vault origin, and carries this mount's channel; anything else (another frame,
 * another tab, a replay) is ignored silently. The connect goes to the vault origin only,
 * never '*', and the window listener is removed as soon as the ports are handed over:
 * after that nothing of ours listens on `window`.
 *
 * A hello that passes those checks but speaks another bridge version comes from our own
 * frame, built from another release: `onMismatch` gets its version and nothing is connected.
 *
 * Returns a cancel function (unmount/timeout) and calls `onConnect` or `onMismatch` at most once.
 */
export function connectFrame(
  iframe: HTMLIFrameElement,
  vaultOrigin: string,
  channel: string,
  onConnect: (ports: FramePorts) => void,
  onMismatch: (frameVersion: number) => void,
): () => void {
  const listener = (event: MessageEvent): void => {
    const frameWindow = iframe.contentWindow;
    if (frameWindow === null || event.source !== frameWindow || event.origin !== vaultOrigin) return;
    const version = helloVersion(event.data, channel);
    if (version === undefined) return;
    stop();
    if (version !== BRIDGE_VERSION) return onMismatch(version);
    const rpc = new MessageChannel();
    const events = new MessageChannel();
    const connect: ConnectMessage = { type: 'cardframe:connect', version: BRIDGE_VERSION, channel };
    frameWindow.postMessage(connect, vaultOrigin, [rpc.port2, events.port2]);
    onConnect({ rpc: rpc.port1, events: events.port1 });
  };
  const stop = (): void => window.removeEventListener('message', listener);
  window.addEventListener('message', listener);
  return stop;
}
