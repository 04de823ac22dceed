import {
  FIELD_NAMES,
  isCardframeErrorData,
  parseCardElementOptions,
  type CardFrameApi,
  type CardframeErrorData,
  type FieldName,
  type SubmitResult,
} from '@cardframe/protocol';
import type { CardframeCardForm, CollectedCard, CollectResult } from '@cardframe/card-form';
import type { FrameMessages } from '@cardframe/card-form/locales';
import { localizeError } from './frame-locale.ts';
import type { InitialOptions } from './initial-options.ts';

/** The part of the card form element the API drives. */
export type CardFormControl = Pick<
  CardframeCardForm,
  'collect' | 'focusField' | 'blurField' | 'clear' | 'disabled' | 'cardStyle' | 'placeholders' | 'showCardholderName' | 'locale'
>;

export interface FrameApiDeps {
  /** Split fields: submit collects from every field's frame and empties them all once it succeeds. */
  group?: {
    collect(): Promise<CollectResult>;
    clearOthers(): void;
    /** A focus() right after a refused submit goes to the field the group refused on (field-group.ts). */
    refocusRefusedField(): Promise<boolean>;
  };
  /** Resolves once the form is rendered; rejects with CardframeErrorData if the session cannot be used. */
  form: () => Promise<CardFormControl>;
  /** Encrypts the card and completes the session; resolves with the token id, rejects with CardframeErrorData. */
  tokenize: (card: CollectedCard) => Promise<string>;
  /** The frame's messages in the current locale, for the errors the frame itself words. */
  messages: () => Promise<FrameMessages>;
  /** Resolves and loads a requested locale, sets the document's lang and dir; returns the one chosen. */
  setLocale: (requested: string) => Promise<string>;
  /** Checks and starts loading the merchant's fonts (a lazy chunk); throws INVALID_STYLE for a refused entry. */
  loadFonts?: (fonts: unknown[]) => Promise<void>;
  /** Called after each update() has set the form's properties (the frame posts `ready` after the first). */
  optionsApplied?: () => void;
  /**
   * The options the frame URL carried (initial-options.ts): applied at once, without waiting for the
   * handshake. The SDK's first update repeats them and is answered by that same application.
   */
  initialOptions?: InitialOptions;
}

const error = (code: CardframeErrorData['code'], message: string): CardframeErrorData => ({ code, message });

/** JSON text of what the page sent, or undefined for what JSON cannot hold (a cycle, a BigInt): never equal to the URL's. */
function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Never forwards an exception's own text: only known `{code, message}` data crosses the bridge. */
function toErrorData(reason: unknown): CardframeErrorData {
  return isCardframeErrorData(reason) ? { code: reason.code, message: reason.message } : error('TOKENIZATION_FAILED', ''); // worded by localizeError before it leaves
}

/**
 * The facade served to the merchant page (serve-frame-api.ts): a frozen, null-prototype object
 * with exactly the CardFrameApi methods, so there is nothing to walk to (`constructor`,
 * `__proto__`) even if the allowlist were bypassed. Every argument is validated
 * here, because the page is not trusted; rejections are plain `{code, message}` objects,
 * which cross the wire as they are.
 */
export function createFrameApi({ form, tokenize, messages, setLocale, loadFonts, optionsApplied, group, initialOptions }: FrameApiDeps): CardFrameApi {
  let merchantDisabled = false;
  let busy = false;
  let completed = false;

  async function apply(options: unknown): Promise<void> {
    const parsed = parseCardElementOptions(options);
    if (!parsed.ok) throw parsed.error;
    const { style, placeholder, showCardholderName, disabled, locale, fonts } = parsed.value;
    // The locale starts loading first: a form that does not exist yet is then created in it.
    const chosen = locale === undefined ? undefined : setLocale(locale);
    chosen?.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    // Checked before anything is applied: a refused font fails the whole update, like a refused style.
    if (fonts && loadFonts) await loadFonts(fonts);
    const element = await form().catch(refuse);
    element.cardStyle = style ?? {};
    element.placeholders = placeholder ?? {};
    element.showCardholderName = showCardholderName ?? false;
    if (chosen) element.locale = await chosen;
    merchantDisabled = disabled ?? false;
    element.disabled = merchantDisabled || busy || completed;
    optionsApplied?.();
  }

  /** One update at a time, in the order they came: a later one never lands under an earlier one's awaits. */
  let applying: Promise<void> = Promise.resolve();
  const enqueue = (options: unknown): Promise<void> => (applying = applying.catch(() => {}).then(() => apply(options)));
  /** The URL's options, applied now; the first update that repeats them is answered by this (no second font load or render). */
  let fromUrl = initialOptions && { json: initialOptions.json, applied: enqueue(initialOptions.value) };
  fromUrl?.applied.catch(() => {}); // a failure is the SDK's to hear, through its first update

  /** Every rejection leaves as `{code, message}` worded in the shopper's language. */
  const refuse = async (reason: unknown): Promise<never> => {
    throw localizeError(toErrorData(reason), await messages());
  };

  const api: CardFrameApi = {
    update(options) {
      const repeat = fromUrl;
      fromUrl = undefined; // only the first update can be the repeat
      return repeat && safeStringify(options) === repeat.json ? repeat.applied : enqueue(options);
    },
    async focus(field?: FieldName) {
      if (field !== undefined && !(FIELD_NAMES as readonly unknown[]).includes(field)) {
        throw error('INVALID_OPTIONS', 'Unknown field');
      }
      const element = await form().catch(refuse);
      if (field === undefined && (await group?.refocusRefusedField())) return;
      element.focusField(field);
    },
    async blur() {
      (await form().catch(refuse)).blurField();
    },
    async clear() {
      (await form().catch(refuse)).clear();
    },
    async submit(): Promise<SubmitResult> {
      if (completed) throw error('SESSION_COMPLETED', 'This payment session has already been used.');
      if (busy) throw error('BUSY', 'A submit is already in progress.');
      busy = true;
      let element: CardFormControl | undefined;
      try {
        element = await form();
        const collected = group ? await group.collect() : element.collect();
        if (!collected.ok) {
          throw collected.state.error ?? error('NOT_COMPLETE', (await messages()).incomplete);
        }
        element.disabled = true;
        const tokenId = await tokenize(collected.card);
        completed = true;
        element.clear();
        group?.clearOthers();
        return { tokenId };
      } catch (reason) {
        const data = localizeError(toErrorData(reason), await messages());
        if (data.code === 'SESSION_COMPLETED') completed = true;
        throw data;
      } finally {
        busy = false;
        if (element) element.disabled = merchantDisabled || completed;
      }
    },
  };
  return Object.freeze(Object.assign(Object.create(null) as CardFrameApi, api));
}
