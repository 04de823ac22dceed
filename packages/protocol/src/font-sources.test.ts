import { describe, expect, it } from 'vitest';
import { isLoopbackHost, MAX_FONTS, parseFontSources } from './font-sources.ts';

const font = (src: string, more: Record<string, unknown> = {}) => [{ family: 'Brand Sans', src, ...more }];

describe('parseFontSources', () => {
  it('accepts https files, loopback http and vault-served woff2, and copies only known keys', () => {
    const fonts = [
      { family: 'Brand Sans', src: 'https://fonts.shop.test/brand-400.woff2', weight: '400', style: 'normal', display: 'swap' },
      { family: 'Brand_Sans-2', src: 'https://cdn.shop.test/f/brand.woff2?v=3#x', weight: '100 900', style: 'italic' },
      { family: 'Dev', src: 'http://localhost:5173/brand.woff2' },
      { family: 'Dev', src: 'http://127.0.0.1:4000/brand.woff2', weight: 'bold' },
      { family: 'Dev', src: 'http://fonts.localhost/brand.woff2', display: 'optional' },
      { family: 'Own', src: '/frame/v1/fonts/brand-3f9a.woff2' },
    ];
    const result = parseFontSources(fonts);
    expect(result).toEqual({ ok: true, value: fonts });
    expect(result.ok && result.value[0]).not.toBe(fonts[0]);
  });

  it.each([
    ['not a list', { family: 'Brand', src: 'https://a.test/x.woff2' }, 'fonts: not a list'],
    ['too many fonts', Array.from({ length: MAX_FONTS + 1 }, () => font('https://a.test/x.woff2')[0]), `more than ${MAX_FONTS}`],
    ['a stylesheet URL (Hellgate/Stripe cssSrc shape)', ['https://fonts.googleapis.com/css2?family=Inter'], 'stylesheet URL is not accepted'],
    ['a non-object entry', [42], 'fonts[0]: not an object'],
    ['an unknown key (cssSrc)', [{ family: 'Brand', src: 'https://a.test/x.woff2', cssSrc: 'https://a.test/f.css' }], '"cssSrc" not allowed'],
    ['unicodeRange (not offered)', font('https://a.test/x.woff2', { unicodeRange: 'U+0-FF' }), '"unicodeRange" not allowed'],
    ['a quote in the family', [{ family: 'Brand"; src: url(//evil.test)', src: 'https://a.test/x.woff2' }], 'fonts[0].family'],
    ['a comma in the family', [{ family: 'Brand, serif', src: 'https://a.test/x.woff2' }], 'fonts[0].family'],
    ['a CSS escape in the family', [{ family: 'Br\\61nd', src: 'https://a.test/x.woff2' }], 'fonts[0].family'],
    ['an empty family', [{ family: '', src: 'https://a.test/x.woff2' }], 'fonts[0].family'],
    ['a generic family name', [{ family: 'sans-serif', src: 'https://a.test/x.woff2' }], 'CSS keyword'],
    ['a CSS-wide keyword', [{ family: 'Inherit', src: 'https://a.test/x.woff2' }], 'CSS keyword'],
    ['an over-long family', [{ family: 'B'.repeat(65), src: 'https://a.test/x.woff2' }], 'fonts[0].family'],
    ['a src that is not a string', font(42 as unknown as string), 'fonts[0].src: not a string'],
    ['http to a real host', font('http://fonts.shop.test/brand.woff2'), 'not https'],
    ['http to a host ending in localhost', font('http://evil-localhost.test/brand.woff2'), 'not https'],
    ['a data: URL', font('data:font/woff2;base64,d09GMgABAAAAA'), 'not https'],
    ['a javascript: URL', font('javascript:alert(1)'), 'character not allowed'],
    ['a javascript: URL without parentheses', font('javascript:alert`1`'), 'character not allowed'],
    ['a blob: URL', font('blob:https://a.test/8d7c'), 'not https'],
    ['CSS url( text', font('url(https://a.test/x.woff2)'), 'character not allowed'],
    ['a url( smuggled after the file', font('https://a.test/x.woff2),url(https://evil.test/k'), 'character not allowed'],
    ['a double quote that would close url("…")', font('https://a.test/x.woff2")format("woff2'), 'character not allowed'],
    ['a single quote', font("https://a.test/x.woff2'"), 'character not allowed'],
    ['a CSS escape', font('https://a.test/x.woff2\\29'), 'character not allowed'],
    ['a newline', font('https://a.test/x.woff2\n'), 'character not allowed'],
    ['a space', font('https://a.test/my font.woff2'), 'character not allowed'],
    ['a relative URL', font('fonts/brand.woff2'), 'not an absolute URL'],
    ['a protocol-relative URL', font('//evil.test/brand.woff2'), 'not a vault font'],
    ['another vault path', font('/frame/v1/card.html'), 'not a vault font'],
    ['a traversal out of the vault fonts', font('/frame/v1/fonts/../card.html'), 'not a vault font'],
    ['a vault font that is not woff2', font('/frame/v1/fonts/brand.ttf'), 'not a vault font'],
    ['credentials in the URL', font('https://user:pass@a.test/x.woff2'), 'credentials not allowed'],
    ['an over-long src', font(`https://a.test/${'x'.repeat(600)}.woff2`), 'over 512'],
    ['a bad weight', font('https://a.test/x.woff2', { weight: '400; src: url(x)' }), 'fonts[0].weight'],
    ['a bad style', font('https://a.test/x.woff2', { style: 'slanted' }), 'fonts[0].style'],
    ['a bad display', font('https://a.test/x.woff2', { display: 'always' }), 'fonts[0].display'],
  ])('refuses %s with INVALID_STYLE naming the entry', (_name, input, message) => {
    const result = parseFontSources(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_STYLE');
      expect(result.error.message).toContain(message);
    }
  });

  it('refuses the whole list when one entry is bad (fail closed)', () => {
    const result = parseFontSources([font('https://a.test/x.woff2')[0], font('http://a.test/y.woff2')[0]]);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_STYLE', message: 'fonts[1].src: not https (http only on loopback hosts)' } });
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'shop.localhost', '127.0.0.1', '127.1.2.3', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['localhost.evil.test', 'evil-localhost', '128.0.0.1', '127.0.0.1.evil.test', '[::2]', '0.0.0.0'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
