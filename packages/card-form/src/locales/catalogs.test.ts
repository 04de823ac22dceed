import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type SupportedLocale } from '@cardframe/protocol';
import type { Catalog } from '../catalog.ts';
import en from './en.ts';
import enFrame from './frame/en.ts';
import { loadCatalog, loadFrameMessages } from './load-catalog.ts';

/** Every leaf of a catalog as `path → text`, `brands` aside (it lists only what differs). */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value !== 'object' || value === null) return out.set(path, value);
  for (const [key, child] of Object.entries(value)) {
    if (path === '' && key === 'brands') continue;
    for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
  }
  return out;
}

/**
 * Where the English text is also right in another language, and why. Anything else equal to
 * English is an untranslated string and fails the test.
 */
const ENGLISH_IS_RIGHT: Readonly<Partial<Record<SupportedLocale, readonly string[]>>> = {
  // British English shares every string with the default English catalog today.
  'en-GB': [...leaves(en).keys(), ...leaves(enFrame, 'frame').keys()],
  // "Card" is the Romanian and Filipino word; Filipino checkouts say "Security code" and MM / YY.
  ro: ['unknownCard'],
  fil: ['unknownCard', 'labels.cvc', 'placeholders.expiry'],
  // CJK checkouts print the expiry as on the card.
  ja: ['placeholders.expiry'],
  ko: ['placeholders.expiry'],
  'zh-Hans': ['placeholders.expiry'],
  'zh-Hant': ['placeholders.expiry'],
};

/** A locale's form catalog and frame messages as one tree (frame messages under `frame.`). */
const catalogs = await Promise.all(
  SUPPORTED_LOCALES.map(async (locale) => [locale, { ...(await loadCatalog(locale)), frame: await loadFrameMessages(locale) }] as const),
);
const englishLeaves = leaves({ ...en, frame: enFrame });

describe('locale catalogs', () => {
  it('cover at least the 41 locales the issue lists', () => {
    expect(SUPPORTED_LOCALES.length).toBeGreaterThanOrEqual(41);
  });

  it.each(catalogs)('%s has every key, none empty, none left in English', (locale, catalog: Catalog & { frame: unknown }) => {
    const own = leaves(catalog);
    expect([...own.keys()].sort()).toEqual([...englishLeaves.keys()].sort());
    const allowed = new Set(locale === 'en' ? englishLeaves.keys() : (ENGLISH_IS_RIGHT[locale] ?? []));
    allowed.add('placeholders.cvc'); // "CVC" is the printed abbreviation in every market
    for (const [path, text] of own) {
      expect(typeof text, `${locale} ${path}`).toBe('string');
      expect((text as string).trim(), `${locale} ${path}`).not.toBe('');
      if (!allowed.has(path)) expect(text, `${locale} ${path} is still English`).not.toBe(englishLeaves.get(path));
    }
    expect(catalog.savedCard).toMatch(/\{brand\}/);
    expect(catalog.savedCard).toMatch(/\{last4\}/);
    expect(catalog.savedCard).toMatch(/\{expiry\}/);
  });
});
