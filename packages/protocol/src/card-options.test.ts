import { describe, expect, it } from 'vitest';
import { parseCardElementOptions } from './card-options.ts';

describe('parseCardElementOptions', () => {
  it('accepts every documented option', () => {
    const options = {
      style: { base: { color: '#111' } },
      placeholder: { number: '1234 1234 1234 1234', cvc: 'CVC' },
      showCardholderName: true,
      disabled: false,
      locale: 'de-DE',
      fonts: [{ family: 'Brand', src: 'https://fonts.shop.test/brand.woff2' }],
    };
    expect(parseCardElementOptions(options)).toEqual({ ok: true, value: options });
  });

  it('passes fonts on unchecked: the frame refuses bad ones (parseFontSources), the SDK stays in its 4 KB', () => {
    const fonts = [{ family: 'Brand', src: 'javascript:alert(1)' }];
    expect(parseCardElementOptions({ fonts })).toEqual({ ok: true, value: { fonts } });
  });

  it('treats undefined as no options', () => {
    expect(parseCardElementOptions(undefined)).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['null', null, 'INVALID_OPTIONS'],
    ['a string', 'x', 'INVALID_OPTIONS'],
    ['an unknown key (typo)', { showCardHolderName: true }, 'INVALID_OPTIONS'],
    ['a non-boolean flag', { disabled: 'yes' }, 'INVALID_OPTIONS'],
    ['markup in a placeholder', { placeholder: { number: '<img src=x>' } }, 'INVALID_OPTIONS'],
    ['a placeholder for an unknown field', { placeholder: { pin: '0000' } }, 'INVALID_OPTIONS'],
    ['an over-long placeholder', { placeholder: { name: 'x'.repeat(61) } }, 'INVALID_OPTIONS'],
    ['a bad locale', { locale: 'en_US;drop' }, 'INVALID_OPTIONS'],
    ['an unsafe style', { style: { base: { color: 'url(//evil.test)' } } }, 'INVALID_STYLE'],
  ])('rejects %s', (_name, input, code) => {
    const result = parseCardElementOptions(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
