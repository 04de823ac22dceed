import { describe, expect, it } from 'vitest';
import { CARD_FRAME_METHODS, helloVersion, isCardFrameMethod, isConnectMessage, isHelloMessage } from './bridge.ts';

const channel = 'abcdefghijklmnop0123';

describe('handshake message guards', () => {
  it('accept exactly the documented shape', () => {
    expect(isHelloMessage({ type: 'cardframe:hello', version: 1, channel }, channel)).toBe(true);
    expect(isConnectMessage({ type: 'cardframe:connect', version: 1, channel }, channel)).toBe(true);
  });

  it.each([
    ['another channel', { type: 'cardframe:hello', version: 1, channel: 'other-channel-000000' }],
    ['another version', { type: 'cardframe:hello', version: 2, channel }],
    ['an extra key', { type: 'cardframe:hello', version: 1, channel, port: 1 }],
    ['a string', 'cardframe:hello'],
    ['null', null],
  ])('reject %s', (_name, data) => {
    expect(isHelloMessage(data, channel)).toBe(false);
  });
});

describe('helloVersion', () => {
  it('reads the version of a hello for this channel, whatever the version', () => {
    expect(helloVersion({ type: 'cardframe:hello', version: 1, channel }, channel)).toBe(1);
    expect(helloVersion({ type: 'cardframe:hello', version: 2, channel, more: 'v2 field' }, channel)).toBe(2);
  });

  it.each([
    ['another channel', { type: 'cardframe:hello', version: 2, channel: 'other-channel-000000' }],
    ['a connect', { type: 'cardframe:connect', version: 2, channel }],
    ['a non-integer version', { type: 'cardframe:hello', version: '2', channel }],
    ['version 0', { type: 'cardframe:hello', version: 0, channel }],
    ['our version with an extra key', { type: 'cardframe:hello', version: 1, channel, port: 1 }],
    ['null', null],
  ])('is undefined for %s', (_name, data) => {
    expect(helloVersion(data, channel)).toBeUndefined();
  });
});

describe('the comlink allowlist', () => {
  it('names only the facade methods', () => {
    expect([...CARD_FRAME_METHODS].sort()).toEqual(['blur', 'clear', 'focus', 'submit', 'update']);
    for (const name of ['constructor', '__proto__', 'prototype', 'then', 'toString', 'valueOf', 'submit.constructor']) {
      expect(isCardFrameMethod(name)).toBe(false);
    }
  });
});
