import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FrameParams } from '@cardframe/protocol';
import { acceptConnection, type BridgePorts } from './accept-connection.ts';

const SHOP = 'https://shop.test';
const params: FrameParams = { session: '0b6f3c52-6a43-4e4f-9d8e-2f1c3f0a9b11', origin: SHOP, channel: 'c'.repeat(22) };
const connect = { type: 'cardframe:connect', version: 1, channel: params.channel };

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A real window standing in for `window.parent`: the test itself runs in the frame's role. */
function parentWindow(): Window {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  return iframe.contentWindow!;
}

function ports(count = 2): MessagePort[] {
  return Array.from({ length: count }, () => new MessageChannel().port2);
}

function send(data: unknown, init: { origin?: string; source?: MessageEventSource | null; ports?: MessagePort[] }): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin: init.origin ?? SHOP, source: init.source ?? null, ports: init.ports ?? [] }));
}

function start(allowed: string[] = [SHOP]) {
  const parent = parentWindow();
  const postMessage = vi.spyOn(parent, 'postMessage').mockImplementation(() => {});
  const onConnect = vi.fn<(ports: BridgePorts) => void>();
  const stop = acceptConnection({ params, allowedOrigins: new Set(allowed), self: window, parent, onConnect });
  return { parent, postMessage, onConnect, stop };
}

describe('acceptConnection', () => {
  test('posts one hello to the parent with the exact parent origin as target', () => {
    const { postMessage, stop } = start();
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage).toHaveBeenCalledWith({ type: 'cardframe:hello', version: 1, channel: params.channel }, SHOP);
    stop();
  });

  test('says nothing and listens to nothing when the parent origin is not allowed', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const { postMessage, onConnect, parent } = start(['https://other.test']);
    expect(postMessage).not.toHaveBeenCalled();
    expect(add).not.toHaveBeenCalledWith('message', expect.anything());
    send(connect, { source: parent, ports: ports() });
    expect(onConnect).not.toHaveBeenCalled();
  });

  test('ignores every connect that is not exactly right', () => {
    const { parent, onConnect, stop } = start();
    const stranger = parentWindow();
    send(connect, { origin: 'https://evil.test', source: parent, ports: ports() }); // wrong origin
    send(connect, { origin: 'null', source: parent, ports: ports() }); // opaque origin
    send(connect, { source: stranger, ports: ports() }); // wrong source window
    send(connect, { source: window, ports: ports() }); // the frame itself
    send(connect, { source: null, ports: ports() }); // no source
    send({ ...connect, channel: 'd'.repeat(22) }, { source: parent, ports: ports() }); // wrong channel
    send({ ...connect, extra: true }, { source: parent, ports: ports() }); // extra keys
    send({ ...connect, type: 'cardframe:hello' }, { source: parent, ports: ports() }); // wrong type
    send(connect, { source: parent }); // no ports
    send(connect, { source: parent, ports: ports(1) }); // one port
    send(connect, { source: parent, ports: ports(3) }); // extra port
    expect(onConnect).not.toHaveBeenCalled();
    stop();
  });

  test('accepts the right connect once, hands over both ports in order, and stops listening', () => {
    const remove = vi.spyOn(window, 'removeEventListener');
    const { parent, onConnect } = start();
    const first = ports();
    send(connect, { source: parent, ports: first });
    expect(onConnect).toHaveBeenCalledTimes(1);
    const [{ rpc, events }] = onConnect.mock.calls[0]!;
    expect(rpc).toBeInstanceOf(MessagePort);
    expect(events).toBeInstanceOf(MessagePort);
    expect(rpc).not.toBe(events);
    expect(remove).toHaveBeenCalledWith('message', expect.any(Function));
    send(connect, { source: parent, ports: ports() }); // a second connect
    expect(onConnect).toHaveBeenCalledTimes(1);
  });
});
