import type { SupportedLocale } from '@cardframe/protocol';
import type { Catalog, FrameMessages } from '../catalog.ts';

type Module<T> = Promise<{ default: T }>;

/**
 * One dynamic import per locale, so a bundler emits one small chunk per language and a
 * shopper downloads only theirs (the form's English is bundled). Static tables rather than a
 * glob: the compiler checks every supported locale has its modules, and nothing else loads.
 */
const FORM_LOADERS: Readonly<Record<SupportedLocale, () => Module<Catalog>>> = {
  en: () => import('./en.ts'),
  ar: () => import('./ar.ts'),
  bg: () => import('./bg.ts'),
  cs: () => import('./cs.ts'),
  da: () => import('./da.ts'),
  de: () => import('./de.ts'),
  el: () => import('./el.ts'),
  'en-GB': () => import('./en-GB.ts'),
  es: () => import('./es.ts'),
  'es-419': () => import('./es-419.ts'),
  et: () => import('./et.ts'),
  fi: () => import('./fi.ts'),
  fil: () => import('./fil.ts'),
  fr: () => import('./fr.ts'),
  'fr-CA': () => import('./fr-CA.ts'),
  he: () => import('./he.ts'),
  hr: () => import('./hr.ts'),
  hu: () => import('./hu.ts'),
  id: () => import('./id.ts'),
  it: () => import('./it.ts'),
  ja: () => import('./ja.ts'),
  ko: () => import('./ko.ts'),
  lt: () => import('./lt.ts'),
  lv: () => import('./lv.ts'),
  ms: () => import('./ms.ts'),
  nb: () => import('./nb.ts'),
  nl: () => import('./nl.ts'),
  pl: () => import('./pl.ts'),
  pt: () => import('./pt.ts'),
  'pt-BR': () => import('./pt-BR.ts'),
  ro: () => import('./ro.ts'),
  ru: () => import('./ru.ts'),
  sk: () => import('./sk.ts'),
  sl: () => import('./sl.ts'),
  sv: () => import('./sv.ts'),
  th: () => import('./th.ts'),
  tr: () => import('./tr.ts'),
  uk: () => import('./uk.ts'),
  vi: () => import('./vi.ts'),
  'zh-Hans': () => import('./zh-Hans.ts'),
  'zh-Hant': () => import('./zh-Hant.ts'),
};
const FRAME_LOADERS: Readonly<Record<SupportedLocale, () => Module<FrameMessages>>> = {
  en: () => import('./frame/en.ts'),
  ar: () => import('./frame/ar.ts'),
  bg: () => import('./frame/bg.ts'),
  cs: () => import('./frame/cs.ts'),
  da: () => import('./frame/da.ts'),
  de: () => import('./frame/de.ts'),
  el: () => import('./frame/el.ts'),
  'en-GB': () => import('./frame/en-GB.ts'),
  es: () => import('./frame/es.ts'),
  'es-419': () => import('./frame/es-419.ts'),
  et: () => import('./frame/et.ts'),
  fi: () => import('./frame/fi.ts'),
  fil: () => import('./frame/fil.ts'),
  fr: () => import('./frame/fr.ts'),
  'fr-CA': () => import('./frame/fr-CA.ts'),
  he: () => import('./frame/he.ts'),
  hr: () => import('./frame/hr.ts'),
  hu: () => import('./frame/hu.ts'),
  id: () => import('./frame/id.ts'),
  it: () => import('./frame/it.ts'),
  ja: () => import('./frame/ja.ts'),
  ko: () => import('./frame/ko.ts'),
  lt: () => import('./frame/lt.ts'),
  lv: () => import('./frame/lv.ts'),
  ms: () => import('./frame/ms.ts'),
  nb: () => import('./frame/nb.ts'),
  nl: () => import('./frame/nl.ts'),
  pl: () => import('./frame/pl.ts'),
  pt: () => import('./frame/pt.ts'),
  'pt-BR': () => import('./frame/pt-BR.ts'),
  ro: () => import('./frame/ro.ts'),
  ru: () => import('./frame/ru.ts'),
  sk: () => import('./frame/sk.ts'),
  sl: () => import('./frame/sl.ts'),
  sv: () => import('./frame/sv.ts'),
  th: () => import('./frame/th.ts'),
  tr: () => import('./frame/tr.ts'),
  uk: () => import('./frame/uk.ts'),
  vi: () => import('./frame/vi.ts'),
  'zh-Hans': () => import('./frame/zh-Hans.ts'),
  'zh-Hant': () => import('./frame/zh-Hant.ts'),
};

/**
 * Set by the frame's build (Vite `define`, see packages/frame/vite.config.ts): chunk URLs with
 * `[tag]` for the locale. There the tables above are dead code and one import() template
 * replaces each, so the English shopper's bundle carries no per-locale table at all.
 */
declare const __CARDFRAME_LOCALE_CHUNK__: string | undefined;
declare const __CARDFRAME_MESSAGES_CHUNK__: string | undefined;

function importForm(locale: SupportedLocale): Module<Catalog> {
  if (typeof __CARDFRAME_LOCALE_CHUNK__ === 'string') {
    return import(/* @vite-ignore */ __CARDFRAME_LOCALE_CHUNK__.replace('[tag]', locale)) as Module<Catalog>;
  }
  return FORM_LOADERS[locale]();
}

function importFrame(locale: SupportedLocale): Module<FrameMessages> {
  if (typeof __CARDFRAME_MESSAGES_CHUNK__ === 'string') {
    return import(/* @vite-ignore */ __CARDFRAME_MESSAGES_CHUNK__.replace('[tag]', locale)) as Module<FrameMessages>;
  }
  return FRAME_LOADERS[locale]();
}

/**
 * Catalogs loaded so far. None is bundled: the frame loads the shopper's before it creates
 * the form (so an Arabic shopper never downloads English), and tests load theirs first.
 */
const loaded = new Map<SupportedLocale, Catalog>();

/** The catalog for `locale` if loaded, else English if loaded, else undefined (never blocks, never throws). */
export function catalogFor(locale: SupportedLocale): Catalog | undefined {
  return loaded.get(locale) ?? loaded.get('en');
}

/** Loads (once) and returns the catalog for `locale`; rejects if its chunk cannot be fetched. */
export async function loadCatalog(locale: SupportedLocale): Promise<Catalog> {
  const known = loaded.get(locale);
  if (known) return known;
  const catalog = (await importForm(locale)).default;
  loaded.set(locale, catalog);
  return catalog;
}

/** Loads the frame's own messages for `locale` (English too is a chunk); rejects if it cannot be fetched. */
export async function loadFrameMessages(locale: SupportedLocale): Promise<FrameMessages> {
  return (await importFrame(locale)).default;
}

export type { Catalog, FrameMessages } from '../catalog.ts';
