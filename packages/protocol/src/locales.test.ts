import { describe, expect, it } from 'vitest';
import { isLocaleOption, localeDirection, matchLocale, resolveLocale, SUPPORTED_LOCALES } from './locales.ts';

describe('matchLocale', () => {
  it.each([
    ['fr-CA', 'fr-CA'],
    ['fr-BE', 'fr'],
    ['FR', 'fr'],
    ['es-MX', 'es-419'],
    ['es-419', 'es-419'],
    ['es-ES', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['en-US', 'en'],
    ['en-AU', 'en-GB'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['tl', 'fil'],
    ['iw', 'he'],
    ['ar-EG', 'ar'],
  ])('%s → %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });

  it('matches nothing for a language it does not speak, or a malformed tag', () => {
    expect(matchLocale('ga-IE')).toBeUndefined();
    expect(matchLocale('de_DE')).toBeUndefined();
  });

  it('matches every supported locale to itself', () => {
    for (const locale of SUPPORTED_LOCALES) expect(matchLocale(locale)).toBe(locale);
  });
});

describe('resolveLocale', () => {
  it("'auto' walks the browser languages in order, then English", () => {
    expect(resolveLocale('auto', ['ga-IE', 'fr-CA', 'en'])).toBe('fr-CA');
    expect(resolveLocale(undefined, ['de-AT', 'en'])).toBe('de');
    expect(resolveLocale('auto', ['ga', 'cy'])).toBe('en');
    expect(resolveLocale('auto', [])).toBe('en');
  });

  it('an explicit locale wins over the browser, and falls back along its own chain then English', () => {
    expect(resolveLocale('ja', ['de'])).toBe('ja');
    expect(resolveLocale('fr-BE', ['de'])).toBe('fr');
    expect(resolveLocale('ga', ['de'])).toBe('en');
  });
});

describe('locale option and direction', () => {
  it("accepts 'auto' and BCP 47 tags, nothing else", () => {
    for (const ok of ['auto', 'de', 'zh-Hant-TW', 'es-419']) expect(isLocaleOption(ok)).toBe(true);
    for (const bad of ['', 'de_DE', 'x', '<b>', 42, null, 'a'.repeat(40)]) expect(isLocaleOption(bad)).toBe(false);
  });

  it('writes Arabic and Hebrew right to left', () => {
    expect(SUPPORTED_LOCALES.filter((l) => localeDirection(l) === 'rtl')).toEqual(['ar', 'he']);
  });
});
