import { localeDirection, resolveLocale, type CardframeErrorCode, type CardframeErrorData, type SupportedLocale } from '@cardframe/protocol';
import { loadCatalog, loadFrameMessages, type Catalog, type FrameMessages } from '@cardframe/card-form/locales';

export interface FrameLocale {
  locale: SupportedLocale;
  catalog: Catalog;
}

/** The one message the frame can show with no chunk at all (the network is what failed). */
export const COULD_NOT_LOAD = 'This payment form could not be loaded.';

/**
 * Resolves the locale (explicit wins, else the browser's languages, else English), loads
 * its one chunk, and sets the frame document's `lang`, `dir` and title to match. If the
 * chunk cannot be fetched the frame speaks English rather than showing nothing; if even that
 * fails, it rejects (the frame then shows its one built-in sentence).
 */
export async function applyFrameLocale(doc: Document, requested: string | undefined, browserLanguages: readonly string[]): Promise<FrameLocale> {
  let locale = resolveLocale(requested, browserLanguages);
  let catalog: Catalog;
  try {
    catalog = await loadCatalog(locale);
  } catch (reason) {
    if (locale === 'en') throw reason;
    locale = 'en';
    catalog = await loadCatalog(locale);
  }
  const html = doc.documentElement;
  html.lang = locale;
  html.dir = localeDirection(locale);
  doc.title = catalog.title;
  return { locale, catalog };
}

/**
 * The frame's messages in `locale`, else in English, else the one built-in sentence for
 * every key: they are fetched only when a message must be shown, which is often exactly
 * when the network is failing.
 */
export function frameMessages(locale: SupportedLocale): Promise<FrameMessages> {
  return loadFrameMessages(locale)
    .catch(() => loadFrameMessages('en'))
    .catch(() => new Proxy({} as FrameMessages, { get: () => COULD_NOT_LOAD }));
}

/** The frame's own error codes and their text (validation errors come worded by the form). */
const FRAME_TEXT: Partial<Record<CardframeErrorCode, keyof FrameMessages>> = {
  FRAME_LOAD_FAILED: 'couldNotLoad',
  SESSION_EXPIRED: 'sessionExpired',
  SESSION_COMPLETED: 'sessionCompleted',
  SESSION_NOT_FOUND: 'sessionNotFound',
  NETWORK_ERROR: 'networkError',
  TOKENIZATION_FAILED: 'saveFailed',
};

/** The same error with its message in the shopper's language, when the frame owns that message. */
export function localizeError(error: CardframeErrorData, messages: FrameMessages): CardframeErrorData {
  const key = FRAME_TEXT[error.code];
  return key ? { code: error.code, message: messages[key] } : error;
}
