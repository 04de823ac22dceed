import { expose } from 'comlink';
import { isScheme, type CardframeErrorData, type Scheme } from '@cardframe/protocol';
import type { CardframeCardForm } from '@cardframe/card-form';
import { acceptConnection } from './accept-connection.ts';
import { allowlistEndpoint } from './allowlist-endpoint.ts';
import { environmentProblem } from './browser-support.ts';
import { createEventSink } from './event-sink.ts';
import { createFrameApi } from './create-frame-api.ts';
import { encryptCard } from './encrypt-card.ts';
import { forwardFormEvents } from './forward-form-events.ts';
import { readAllowedOrigins } from './read-allowed-origins.ts';
import { readFrameParams } from './read-frame-params.ts';
import { measureHeight, reportHeight } from './report-height.ts';
import { renderMessage } from './render-message.ts';
import { bindFieldForm, startFieldGroup } from './start-field-group.ts';
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
}

const INVALID_LINK = 'This payment form could not be loaded.';
const NOT_ALLOWED_HERE = 'This payment form cannot be shown on this site.';
const FIELD_TAKEN = 'This card field is already on the page.';

/**
 * The frame's whole life: read the fragment, start the handshake, load the session, render
 * the form, then serve the allowlisted API on the handshake's port and post FrameEvents on
 * the other. `ready` goes out only once both the bridge is connected and the form rendered.
 */
export function startFrame({ window: win, document: doc, fetch: fetchFn, defineForm }: FrameDeps): void {
  const root = doc.getElementById('cardframe-root') ?? doc.body;
  const params = readFrameParams(win.location.hash);
  if (!params) {
    renderMessage(root, INVALID_LINK);
    return;
  }
  const allowedOrigins = readAllowedOrigins(doc);
  if (!allowedOrigins.has(params.origin)) {
    renderMessage(root, NOT_ALLOWED_HERE);
    return;
  }

  // A frame that cannot work here still completes the handshake, so the SDK hears why at once
  // (mount() rejects with the code, an `error` event fires) and the shopper reads it here;
  // it loads neither the session nor the form.
  const problem = environmentProblem(win);
  const sink = createEventSink();
  const session = createSessionClient(params.session, win.origin, fetchFn);
  /** A saved card's CVC refresh has no number, expiry or name to show: only a cvc field fits its session. */
  const fieldFits = (open: OpenSession): OpenSession => {
    if (taken) throw { code: 'ALREADY_MOUNTED', message: FIELD_TAKEN } satisfies CardframeErrorData;
    if (params.field && open.mode === 'cvc' && params.field !== 'cvc') {
      throw { code: 'INVALID_OPTIONS', message: INVALID_LINK } satisfies CardframeErrorData;
    }
    return open;
  };
  const loaded = problem
    ? Promise.reject<never>(problem.error)
    : Promise.all([
        session.load().then(fieldFits),
        defineForm().catch(() => {
          throw { code: 'FRAME_LOAD_FAILED', message: INVALID_LINK } satisfies CardframeErrorData;
        }),
      ]);
  let connected = false;
  let rendered: OpenSession | undefined;
  let form: CardframeCardForm | undefined;
  // Split fields (#field=…&group=…): this frame is one field of a card whose frames talk on a vault-origin channel.
  const { field, group: groupId } = params;
  let taken = false;
  const group =
    field && groupId && !problem
      ? startFieldGroup(win, { ...params, field, group: groupId }, () => formReady, () => {
          taken = true;
          renderMessage(root, FIELD_TAKEN);
          sink.post({ type: 'error', error: { code: 'ALREADY_MOUNTED', message: FIELD_TAKEN } });
        })
      : undefined;
  /** The SDK's first update (its initial options) has been applied: the name row is in or out. */
  let optionsApplied = false;
  let readyPosted = false;
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
  };

  const formReady: Promise<CardframeCardForm> = loaded.then(
    async ([open]) => {
      form = doc.createElement('cardframe-card-form') as CardframeCardForm;
      if (open.mode === 'cvc') {
        if (!isScheme(open.savedCard.scheme)) throw { code: 'TOKENIZATION_FAILED', message: INVALID_LINK } satisfies CardframeErrorData;
        form.mode = 'cvc';
        form.savedCard = { ...open.savedCard, scheme: open.savedCard.scheme };
      } else {
        form.mode = 'card';
        form.allowedSchemes = open.allowedSchemes.filter((scheme): scheme is Scheme => isScheme(scheme));
      }
      if (field) {
        form.field = field;
        bindFieldForm(form, group!);
      }
      forwardFormEvents(form, group ? group.forwardEvents(sink.post) : sink.post);
      root.replaceChildren(form);
      await form.updateComplete;
      rendered = open;
      void postReady();
      return form;
    },
    (reason: CardframeErrorData) => {
      renderMessage(root, problem ? problem.shopperText : reason.message);
      sink.post({ type: 'error', error: { code: reason.code, message: reason.message } });
      throw reason;
    },
  );
  formReady.catch(() => {}); // reported above as an 'error' event; API calls reject with it

  const api = createFrameApi({
    form: () => formReady,
    optionsApplied: () => {
      optionsApplied = true;
      void postReady();
    },
    ...(group && { group }),
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
      expose(api, allowlistEndpoint(rpc));
      connected = true;
      void postReady();
    },
  });
}
