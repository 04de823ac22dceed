import { BRIDGE_VERSION, isConnectMessage, type FrameParams, type HelloMessage } from '@cardframe/protocol';

/** The frame's ends of the two channels the SDK transferred: comlink on `rpc`, FrameEvents on `events`. */
export interface BridgePorts {
  rpc: MessagePort;
  events: MessagePort;
}

export interface AcceptConnectionOptions {
  params: FrameParams;
  allowedOrigins: ReadonlySet<string>;
  /** Where the listener lives (the frame's own window). */
  self: Window;
  /** The embedding page; the only window whose connect counts. */
  parent: Window;
  onConnect: (ports: BridgePorts) => void;
}

/**
 * The frame's half of the handshake. The listener is registered synchronously, before the
 * hello goes out, so a fast reply cannot be missed. The hello is sent only to the exact parent
 * origin from the fragment, and only if the vault allows that origin. Exactly one connect is
 * accepted: from `parent`, from that origin, with this channel, a message of exactly the
 * documented shape, and exactly two transferred ports. Everything else is ignored without a
 * word (answering would give a probing page an oracle). Returns a function that stops listening.
 */
export function acceptConnection({ params, allowedOrigins, self, parent, onConnect }: AcceptConnectionOptions): () => void {
  const { origin, channel } = params;
  const stop = (): void => self.removeEventListener('message', listener);
  const listener = (event: MessageEvent): void => {
    if (event.source !== parent || event.origin !== origin || !allowedOrigins.has(event.origin)) return;
    if (!isConnectMessage(event.data, channel) || event.ports.length !== 2) return;
    stop();
    const [rpc, events] = event.ports as [MessagePort, MessagePort];
    onConnect({ rpc, events });
  };
  if (!allowedOrigins.has(origin) || parent === self) return () => {};
  self.addEventListener('message', listener);
  const hello: HelloMessage = { type: 'cardframe:hello', version: BRIDGE_VERSION, channel };
  parent.postMessage(hello, origin);
  return stop;
}
