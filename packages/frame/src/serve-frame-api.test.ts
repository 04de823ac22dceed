import { createEndpoint, proxy, wrap } from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import type { CardFrameApi } from '@cardframe/protocol';
import { serveFrameApi } from './serve-frame-api.ts';

const NOT_ALLOWED = { code: 'INVALID_OPTIONS', message: 'Not allowed' };
const channels: MessageChannel[] = [];

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/**
 * A plain object with an ordinary prototype on purpose: a server that walked paths (as comlink's
 * `expose` does) would reach `constructor` and `__proto__` on it. The facade the frame really
 * serves is frozen and prototype-less on top of this.
 */
function exposed() {
  const calls: unknown[][] = [];
  const target = {
    update: async (...args: unknown[]) => {
      calls.push(args);
    },
    focus: async () => {},
    submit: async () => ({ tokenId: 'tok_123' }),
    // What the facade throws: `{code, message}` data; and a bug's Error, whose stack must stay here.
    clear: async () => {
      throw { code: 'SESSION_COMPLETED', message: 'Used.' };
    },
    blur: () => {
      throw new TypeError('frame internals');
    },
    secret: 'not for the page',
  };
  const channel = new MessageChannel();
  channels.push(channel);
  serveFrameApi(target as unknown as CardFrameApi, channel.port1);
  // The page's side: real comlink wrap on the other port, so the wire stays comlink's (ADR 0035).
  const remote = wrap<CardFrameApi>(channel.port2);
  return { remote, calls, pagePort: channel.port2 };
}

/** Posts a raw comlink request on the page port and waits for the answer with the same id. */
function rawRequest(port: MessagePort, message: Record<string, unknown>): Promise<unknown> {
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if ((event.data as { id?: string }).id !== id) return;
      port.removeEventListener('message', listener);
      resolve(event.data);
    };
    port.addEventListener('message', listener);
    port.start();
    port.postMessage({ ...message, id });
  });
}

describe('serveFrameApi', () => {
  test('allowlisted methods are called with their arguments and answer', async () => {
    const { remote, calls } = exposed();
    await expect(remote.submit()).resolves.toEqual({ tokenId: 'tok_123' });
    await remote.update({ disabled: true });
    expect(calls).toEqual([[{ disabled: true }]]);
    await expect(remote.focus()).resolves.toBeUndefined();
  });

  test('rejections reach comlink wrap as comlink sends them: data as it is, an Error without its stack', async () => {
    const { remote, pagePort } = exposed();
    await expect(remote.clear()).rejects.toEqual({ code: 'SESSION_COMPLETED', message: 'Used.' });
    await expect(remote.blur()).rejects.toThrow('frame internals');
    const raw = await rawRequest(pagePort, { type: 'APPLY', path: ['blur'], argumentList: [] });
    expect(raw).toEqual({
      id: expect.any(String),
      type: 'HANDLER',
      name: 'throw',
      value: { isError: true, value: { name: 'TypeError', message: 'frame internals' } },
    });
  });

  test('constructor walks, GETs and CONSTRUCTs reject instead of hanging', async () => {
    const { remote, pagePort } = exposed();
    const anyRemote = remote as any;
    // A comlink proxy is callable, and expect() calls functions: read properties through `.then` (a GET).
    const get = (property: any) => new Promise((resolve, reject) => property.then(resolve, reject));
    await expect(get(anyRemote.constructor)).rejects.toEqual(NOT_ALLOWED);
    await expect(anyRemote.constructor()).rejects.toEqual(NOT_ALLOWED);
    await expect(anyRemote.submit.constructor('return 1')).rejects.toEqual(NOT_ALLOWED);
    await expect(anyRemote.constructor.constructor('return globalThis')).rejects.toEqual(NOT_ALLOWED);
    await expect(new anyRemote.submit()).rejects.toEqual(NOT_ALLOWED);
    await expect(get(anyRemote.submit)).rejects.toEqual(NOT_ALLOWED); // property GET
    await expect(get(anyRemote.secret)).rejects.toEqual(NOT_ALLOWED);
    await expect(anyRemote.toString()).rejects.toEqual(NOT_ALLOWED); // not in the allowlist
    await expect(anyRemote.__proto__.constructor()).rejects.toEqual(NOT_ALLOWED);
    await expect(get(anyRemote.__proto__)).rejects.toEqual(NOT_ALLOWED);
    await expect(rawRequest(pagePort, { type: 'GET', path: [] })).resolves.toMatchObject({ name: 'throw' });
  });

  test('SETs through __proto__ or constructor.prototype are refused and pollute nothing', async () => {
    const { remote, pagePort } = exposed();
    // comlink's proxy `set` trap does not hand back its promise, so speak the wire format directly.
    void remote;
    const viaProto = await rawRequest(pagePort, { type: 'SET', path: ['__proto__', 'polluted'], value: { type: 'RAW', value: 'yes' } });
    const viaConstructor = await rawRequest(pagePort, {
      type: 'SET',
      path: ['constructor', 'prototype', 'x'],
      value: { type: 'RAW', value: 'yes' },
    });
    const rejection = { type: 'HANDLER', name: 'throw', value: { isError: false, value: NOT_ALLOWED } };
    expect(viaProto).toMatchObject(rejection);
    expect(viaConstructor).toMatchObject(rejection);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('ENDPOINT requests, proxied arguments and malformed messages are refused', async () => {
    const { remote, pagePort, calls } = exposed();
    await expect((remote as any)[createEndpoint]()).rejects.toEqual(NOT_ALLOWED);
    await expect(remote.update(proxy({ style: {} }) as never)).rejects.toEqual(NOT_ALLOWED);
    await expect(
      rawRequest(pagePort, {
        type: 'APPLY',
        path: ['update'],
        argumentList: [
          { type: 'RAW', value: 1 },
          { type: 'RAW', value: 2 },
        ],
      }),
    ).resolves.toMatchObject({
      name: 'throw',
    });
    await expect(rawRequest(pagePort, { type: 'APPLY', path: 'update', argumentList: [] })).resolves.toMatchObject({ name: 'throw' });
    expect(calls).toEqual([]);
  });

  test('RELEASE is let through so the page can let go of the proxy', async () => {
    const { pagePort } = exposed();
    await expect(rawRequest(pagePort, { type: 'RELEASE' })).resolves.toMatchObject({ type: 'RAW', value: undefined });
  });
});
