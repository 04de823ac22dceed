import { isScheme, type CardframeErrorData, type Scheme } from '@cardframe/protocol';
import type { CardframeCardForm } from '@cardframe/card-form';
import type { FrameMessages } from '@cardframe/card-form/locales';
import { acceptConnection } from './accept-connection.ts';
import { applyFrameLocale, COULD_NOT_LOAD, frameMessages, localizeError, type FrameLocale } from './frame-locale.ts';
import { environmentProblem } from './browser-support.ts';
import { createEventSink } from './event-sink.ts';
import type { EarlySession } from './early-session.ts';
import { createFrameApi } from './create-frame-api.ts';
import { encryptCard } from './encrypt-card.ts';
import { forwardFormEvents } from './forward-form-events.ts';
import { readAllowedOrigins } from './read-allowed-origins.ts';
import { readFrameParams } from './read-frame-params.ts';
import { readInitialOptions } from './initial-options.ts';
import { measureHeight, reportHeight } from './report-height.ts';
import { renderMessage } from './render-message.ts';
import { serveFrameApi } from './serve-frame-api.ts';
import type { FieldGroup } from './field-group.ts';
import { createSessionClient, type OpenSession } from './session-client.ts';

export interface FrameDeps {
  window: Window;
  document: Document;
  fetch: typeof fetch;
  /**
   * Loads and registers `<cardframe-card-form>`. A dynamic import on purpose: the form (Lit,
   * card-validator) is most of the frame's bytes, and loading it in parallel with the session
   * fetch and the handshake instead of before them takes its download and parse off the
   * time to `ready`.
   */
  defineForm: () => Promise<unknown>;
  /** Loads the brand-font chunk (load-fonts.ts), only when a merchant passes `fonts`. */
  fontLoader: () => Promise<typeof import('./load-fonts.ts')>;
  /** The session GET card.html's inline script started during parsing (early-session.ts), if it did. */
  earlySession?: EarlySession | undefined;
}

/** A split field's group membership and the binding of its form to it (start-field-group.ts). */
interface SplitField {
  group: FieldGroup;
  bind: (form: CardframeCardForm, group: FieldGroup) => void;
}

// Split-field set-up refusals (developer errors, English like the SDK's own messages; issue 10 translates shopper texts).
const INVALID_LINK = 'This payment form could not be loaded.';
const FIELD_TAKEN = 'This card field is already on the page.';

/**
 * The frame's whole life: read the fragment, start the handshake, load the session, render
 * the form, then serve the allowlisted API on the handshake's port and post FrameEvents on
 * the other. `ready` goes out only once both the bridge is connected and the form rendered.
 */
export function startFrame({ window: win, document: doc, fetch: fetchFn, defineForm, fontLoader, earlySession }: FrameDeps): void {
  const root = doc.getElementById('cardframe-root') ?? doc.body;
  const params = readFrameParams(win.location.hash);
  // The merchant's options, from the URL: the form is created as configured without waiting for the handshake.
  const initialOptions = readInitialOptions(params?.options);
  // Loaded in parallel with the form and the session: only this locale's chunk is fetched, the
  // merchant's explicit locale if the URL carried one, else the browser's languages'. (An SDK that
  // predates options in the URL sends the locale with its first update, and the form is then
  // created in it if it comes first: see formReady.)
  let language: Promise<FrameLocale> = applyFrameLocale(doc, initialOptions?.value.locale, win.navigator.languages);
  const loadFailed: CardframeErrorData = { code: 'FRAME_LOAD_FAILED', message: COULD_NOT_LOAD };
  const messages = async (): Promise<FrameMessages> =>
    frameMessages(
      await language.then(
        (l) => l.locale,
        () => 'en' as const,
      ),
    );
  if (!params) {
    void messages().then((text) => renderMessage(root, text.couldNotLoad));
    return;
  }
  const allowedOrigins = readAllowedOrigins(doc);
  if (!allowedOrigins.has(params.origin)) {
    void messages().then((text) => renderMessage(root, text.notAllowedHere));
    return;
  }

  // A frame that cannot work here still completes the handshake, so the SDK hears why at once
  // (mount() rejects with the code, an `error` event fires) and the shopper reads it here;
  // it loads neither the session nor the form.
  const problem = environmentProblem(win);
  const sink = createEventSink();
  // The early request counts only for the session this fragment names, now that the fragment and the origin passed.
  const session = createSessionClient(params.session, win.origin, fetchFn, earlySession?.id === params.session ? earlySession.response : undefined);
  /** A saved card's CVC refresh has no number, expiry or name to show: only a cvc field fits its session. */
  const fieldFits = (open: OpenSession): OpenSession => {
    if (taken) throw { code: 'ALREADY_MOUNTED', message: FIELD_TAKEN } satisfies CardframeErrorData;
    if (params.field && open.mode === 'cvc' && params.field !== 'cvc') {
      throw { code: 'INVALID_OPTIONS', message: INVALID_LINK } satisfies CardframeErrorData;
    }
    return open;
  };
  // Split fields (#field=…&group=…): this frame is one field of a card whose frames talk on a vault-origin channel.
  // That code is a chunk of its own, imported here in parallel with the session and the form, so the
  // combined element's frame never downloads it (ADR 0036).
  const { field, group: groupId } = params;
  let taken = false;
  const splitModule = field && groupId && !problem ? import('./start-field-group.ts') : undefined;
  const split: Promise<SplitField> | undefined =
    field && groupId && splitModule
      ? splitModule.then((module) => ({
          group: module.startFieldGroup(
            win,
            { ...params, field, group: groupId },
            () => formReady,
            () => {
              taken = true;
              renderMessage(root, FIELD_TAKEN);
              sink.post({ type: 'error', error: { code: 'ALREADY_MOUNTED', message: FIELD_TAKEN } });
            },
          ),
          bind: module.bindFieldForm,
        }))
      : undefined;
  const loaded = problem
    ? Promise.reject<never>(problem.error)
    : Promise.all([
        session.load().then(fieldFits),
        defineForm().catch(() => Promise.reject(loadFailed)),
        language.catch(() => Promise.reject(loadFailed)),
        split?.catch(() => Promise.reject(loadFailed)),
      ]);
  let connected = false;
  let rendered: OpenSession | undefined;
  let form: CardframeCardForm | undefined;
  /** The SDK's first update (its initial options) has been applied: the name row is in or out. */
  let optionsApplied = false;
  let readyPosted = false;
  let whenReady: () => void;
  /** Resolves once `ready` is out: an `error` event before it fails the mount, and a font must never stop a payment. */
  const afterReady = new Promise<void>((resolve) => (whenReady = resolve));
  /**
   * `ready` carries the height of the form as the merchant configured it, and heights are
   * reported only from then on: a form measured before its initial options (say, without the
   * name row it is about to get) would make the SDK resize the iframe twice, moving the page.
   */
  const postReady = async (): Promise<void> => {
    if (!connected || !rendered || !form || !optionsApplied || readyPosted) return;
    readyPosted = true;
    const mode = rendered.mode;
    await form.updateComplete;
    sink.post({ type: 'ready', mode, height: measureHeight(root) });
    reportHeight(root, (height) => sink.post({ type: 'resize', height }));
    whenReady();
  };

  const formReady: Promise<CardframeCardForm> = loaded.then(
    async ([open, , , joined]) => {
      form = doc.createElement('cardframe-card-form') as CardframeCardForm;
      // The latest locale: an update() that came first has already replaced the browser's.
      form.locale = (await language.catch(() => Promise.reject(loadFailed))).locale;
      if (open.mode === 'cvc') {
        if (!isScheme(open.savedCard.scheme)) throw loadFailed;
        form.mode = 'cvc';
        form.savedCard = { ...open.savedCard, scheme: open.savedCard.scheme };
      } else {
        form.mode = 'card';
        form.allowedSchemes = open.allowedSchemes.filter((scheme): scheme is Scheme => isScheme(scheme));
      }
      if (field) form.field = field;
      joined?.bind(form, joined.group);
      forwardFormEvents(form, joined ? joined.group.forwardEvents(sink.post) : sink.post);
      root.replaceChildren(form);
      await form.updateComplete;
      rendered = open;
      void postReady();
      return form;
    },
    async (reason: CardframeErrorData) => {
      const text = await messages();
      // The merchant hears the code with a message (a developer's, for environment problems);
      // the shopper reads the frame's own words in their language.
      const shown = localizeError(reason, text);
      renderMessage(root, problem ? text[problem.shopperText] : shown.message);
      sink.post({ type: 'error', error: shown });
      throw shown;
    },
  );
  formReady.catch(() => {}); // reported above as an 'error' event; API calls reject with it

  const api = createFrameApi({
    form: () => formReady,
    messages,
    setLocale: async (requested) => {
      const next = applyFrameLocale(doc, requested, win.navigator.languages);
      const previous = language;
      language = next.catch(() => previous); // what a form created from now on speaks
      return (await next.catch(() => Promise.reject(loadFailed))).locale;
    },
    // Only a merchant who passes fonts loads the font chunk.
    loadFonts: (fonts) => fontLoader().then((chunk) => chunk.loadFonts(doc, fonts, (error) => void afterReady.then(() => sink.post({ type: 'error', error })))),
    optionsApplied: () => {
      optionsApplied = true;
      void postReady();
    },
    ...(initialOptions && !problem && { initialOptions }),
    // submit() awaits the form first, which waits for the group: both are resolved by then.
    ...(split && {
      group: {
        collect: async () => (await split).group.collect(),
        clearOthers: () => void split.then(({ group }) => group.clearOthers()),
        refocusRefusedField: async () => (await split).group.refocusRefusedField(),
      },
    }),
    tokenize: async (card) => {
      const open = rendered!;
      return session.complete(open.action, await encryptCard(card, open.jwk, open.mode));
    },
  });

  acceptConnection({
    params,
    allowedOrigins,
    self: win,
    parent: win.parent,
    onConnect: ({ rpc, events }) => {
      sink.attach(events);
      serveFrameApi(api, rpc);
      connected = true;
      void postReady();
    },
  });
}
