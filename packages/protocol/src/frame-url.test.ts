import { describe, expect, it } from 'vitest';
import { composeFrameUrl, FRAME_PATH, parseFrameParams } from './frame-url.ts';

const params = {
  session: '8744c9ea-a02b-4ae6-875c-b64fc333e3ef',
  origin: 'https://shop.example',
  channel: 'abcdefghijklmnop0123',
};

describe('composeFrameUrl / parseFrameParams', () => {
  it('puts everything in the fragment, nothing in the query', () => {
    const url = new URL(composeFrameUrl('https://vault.example/some/path', params));
    expect(url.origin + url.pathname).toBe(`https://vault.example${FRAME_PATH}`);
    expect(url.search).toBe('');
    expect(parseFrameParams(url.hash)).toEqual(params);
  });

  it.each([
    ['a missing channel', 'session=8744c9ea-a02b-4ae6-875c-b64fc333e3ef&origin=https%3A%2F%2Fshop.example'],
    ['a non-uuid session', 'session=x&origin=https%3A%2F%2Fshop.example&channel=abcdefghijklmnop0123'],
    ['the "null" origin', 'session=8744c9ea-a02b-4ae6-875c-b64fc333e3ef&origin=null&channel=abcdefghijklmnop0123'],
    ['an origin with a path', 'session=8744c9ea-a02b-4ae6-875c-b64fc333e3ef&origin=https%3A%2F%2Fshop.example%2Fx&channel=abcdefghijklmnop0123'],
    ['a javascript: origin', 'session=8744c9ea-a02b-4ae6-875c-b64fc333e3ef&origin=javascript%3Aalert(1)&channel=abcdefghijklmnop0123'],
    ['a short channel', 'session=8744c9ea-a02b-4ae6-875c-b64fc333e3ef&origin=https%3A%2F%2Fshop.example&channel=abc'],
  ])('rejects %s', (_name, hash) => {
    expect(parseFrameParams(`#${hash}`)).toBeNull();
  });
});
