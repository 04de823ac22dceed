/**
 * The languages the card frame speaks, and how a requested or browser language picks one.
 * Shared by the SDK (types, validation) and the frame (resolution); the strings themselves
 * live in the card form, one lazily loaded chunk per locale.
 */
export const SUPPORTED_LOCALES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'he',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-Hans',
  'zh-Hant',
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * What a merchant may pass as `locale`: `'auto'` (the default: the shopper's browser
 * languages), one of {@link SUPPORTED_LOCALES}, or any other BCP 47 tag, which falls back
 * along its chain (`fr-BE` → `fr`, `es-MX` → `es-419`, then English).
 */
export type CardLocale = 'auto' | SupportedLocale | (string & {});

/** Locales written right to left: the form mirrors, card digits stay left to right. */
export const RTL_LOCALES: readonly SupportedLocale[] = ['ar', 'he'];

/** Regions whose Spanish follows Latin American conventions (`es-419`). */
const LATAM = ['419', 'ar', 'bo', 'cl', 'co', 'cr', 'cu', 'do', 'ec', 'gt', 'hn', 'mx', 'ni', 'pa', 'pe', 'pr', 'py', 'sv', 'us', 'uy', 've'];
/** Retired or sibling language codes that browsers still send. */
const ALIASES: Readonly<Record<string, SupportedLocale>> = { no: 'nb', nn: 'nb', tl: 'fil', iw: 'he', in: 'id', zh: 'zh-Hans' };

const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

/** True for `'auto'` or a syntactically valid BCP 47 tag (what the `locale` option accepts). */
export function isLocaleOption(value: unknown): value is CardLocale {
  return typeof value === 'string' && (value === 'auto' || (value.length <= 35 && BCP47.test(value)));
}

/** The supported locale one tag maps to (`fr-CA` → `fr-CA`, `fr-BE` → `fr`, `zh-TW` → `zh-Hant`), or undefined. */
export function matchLocale(tag: string): SupportedLocale | undefined {
  if (!BCP47.test(tag)) return undefined;
  const lower = tag.toLowerCase();
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const [language = '', ...subtags] = lower.split('-');
  const has = (...wanted: string[]): boolean => subtags.some((subtag) => wanted.includes(subtag));
  // Script first (zh-Hant-HK), then the regions that write Traditional Chinese.
  if (language === 'zh' && has('hant', 'tw', 'hk', 'mo')) return 'zh-Hant';
  if (language === 'es' && has(...LATAM)) return 'es-419';
  if (language === 'pt' && has('br')) return 'pt-BR';
  if (language === 'fr' && has('ca')) return 'fr-CA';
  // British spelling and dates outside the US (and the Philippines and Canada, which follow it).
  if (language === 'en' && subtags.some((subtag) => subtag.length === 2 && !['us', 'ph', 'ca'].includes(subtag))) return 'en-GB';
  return ALIASES[language] ?? SUPPORTED_LOCALES.find((locale) => locale === language);
}

/**
 * Picks the locale the frame shows. An explicit locale wins (falling back along its own
 * chain, then English); `'auto'` walks the browser's languages in order and takes the
 * first that matches, else English.
 */
export function resolveLocale(requested: CardLocale | undefined, browserLanguages: readonly string[]): SupportedLocale {
  if (requested !== undefined && requested !== 'auto') return matchLocale(requested) ?? 'en';
  for (const language of browserLanguages) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return 'en';
}

export function localeDirection(locale: SupportedLocale): 'ltr' | 'rtl' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}
