import { describe, expect, it } from 'vitest';
import { composeFrameUrl, FRAME_PATH, MAX_FRAGMENT_OPTIONS, parseFrameParams } from './frame-url.ts';

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

describe('split field params', () => {
  const split = { ...params, field: 'cvc' as const, group: 'GROUPgroup0123456789' };

  it('round-trips the field and the group', () => {
    expect(parseFrameParams(new URL(composeFrameUrl('https://vault.example', split)).hash)).toEqual(split);
  });

  it.each([
    ['a field without a group', '&field=cvc'],
    ['a group without a field', '&group=GROUPgroup0123456789'],
    ['an unknown field', '&field=pin&group=GROUPgroup0123456789'],
    ['a short group id', '&field=cvc&group=abc'],
  ])('rejects %s', (_name, extra) => {
    expect(parseFrameParams(`${new URL(composeFrameUrl('https://vault.example', params)).hash}${extra}`)).toBeNull();
  });
});

describe('initial options in the fragment', () => {
  const options = JSON.stringify({ style: { base: { color: '#123456', fontFamily: '"Inter", sans-serif' } }, locale: 'de', showCardholderName: true });

  it('round-trips the JSON text exactly, quotes, commas and ampersands included', () => {
    const withOptions = { ...params, options: JSON.stringify({ placeholder: { name: 'A & B, "C"' } }) };
    expect(parseFrameParams(new URL(composeFrameUrl('https://vault.example', withOptions)).hash)).toEqual(withOptions);
    expect(parseFrameParams(new URL(composeFrameUrl('https://vault.example', { ...params, options })).hash)?.options).toBe(options);
  });

  it('keeps everything in the fragment, where servers and Referer headers never see it', () => {
    const url = new URL(composeFrameUrl('https://vault.example', { ...params, options }));
    expect(url.search).toBe('');
    expect(decodeURIComponent(url.hash.replaceAll('+', ' '))).toContain('"locale":"de"');
  });

  it('ignores options over the length limit rather than refusing the frame (it then waits for the first update)', () => {
    const long = JSON.stringify({ placeholder: { name: 'x'.repeat(MAX_FRAGMENT_OPTIONS) } });
    expect(parseFrameParams(new URL(composeFrameUrl('https://vault.example', { ...params, options: long })).hash)).toEqual(params);
  });
});
