import {
  BRIDGE_VERSION,
  FIELD_NAMES,
  ORIGIN_CHECK_PATH,
  ORIGIN_NOT_ALLOWED_STATUS,
  VALIDATION_ERROR_CODES,
  composeFrameUrl,
  FORM_HEIGHT_TWO_ROWS,
  FORM_HEIGHT_ONE_FIELD,
  FORM_HEIGHT_WITH_NAME,
  parseCardElementOptions,
  type CardElementOptions,
  type CardState,
  type FieldName,
  type FrameEvent,
  type FrameMode,
  type SubmitResult,
} from '@cardframe/protocol';
import { CardframeError } from './cardframe-error.ts';
import { connectFrame } from './connect-frame.ts';
import { createFrame } from './create-frame.ts';
import { createEventHub } from './event-hub.ts';
import { frameRpc, type FrameRpc } from './frame-rpc.ts';
import { randomChannel } from './random-channel.ts';

/** What each event hands its listeners. Coarse by design: no card data ever reaches the page. */
export interface CardElementEventMap {
  ready: { mode: FrameMode };
  change: CardState;
  focus: { field: FieldName };
  blur: { field: FieldName };
  submit: undefined;
  escape: undefined;
  error: CardframeError;
}
export type CardElementEventType = keyof CardElementEventMap;
export type CardElementListener<K extends CardElementEventType> = (payload: CardElementEventMap[K]) => void;

export interface MountOptions {
  /** How long to wait for the frame's `ready` before rejecting with FRAME_LOAD_FAILED (ms, default 15000). */
  timeout?: number;
}

/** The merchant's handle on one card frame. */
export interface CardElement {
  /** Inserts the frame into `target` (a selector or element); resolves once the form is ready. */
  mount(target: string | HTMLElement, options?: MountOptions): Promise<void>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<K extends CardElementEventType>(type: K, listener: CardElementListener<K>): () => void;
  update(options: CardElementOptions): Promise<void>;
  focus(field?: FieldName): Promise<void>;
  blur(): Promise<void>;
  clear(): Promise<void>;
  /** Validates, encrypts and tokenizes inside the frame; resolves with the token id only. */
  submit(): Promise<SubmitResult>;
  /** Removes the frame and every listener the SDK added; pending calls reject with NOT_MOUNTED. */
  unmount(): void;
}

export interface CardElementContext {
  /** The session id, lower case (as in the frame URL). */
  session: string;
  vaultOrigin: string;
  /** As the merchant passed them: checked here, so a bad style throws from card() before anything exists. */
  options: unknown;
  /** Split fields: the one field this element shows and its card's group id (see card-group.ts). */
  split?: { field: FieldName; group: string };
  /** Split fields: sees every event this element emits, to derive the group's events. */
  onEvent?: <K extends CardElementEventType>(type: K, payload: CardElementEventMap[K]) => void;
}

/** Calls that only touch the form answer fast; submit waits on the network and the vault. */
const CALL_TIMEOUT_MS = 10_000;
const SUBMIT_TIMEOUT_MS = 60_000;
const DEFAULT_MOUNT_TIMEOUT_MS = 15_000;
/**
 * A frame that has not said hello by now was most likely refused by `frame-ancestors` (its
 * document never runs, so it cannot tell us). A loaded frame says hello within a few hundred
 * ms even in a slow engine, so the happy path rarely pays for the check; a refused origin is
 * told so in about 1 s, not at the mount timeout.
 */
const ORIGIN_CHECK_AFTER_MS = 1_000;

/** A mount's outcome. */
const PENDING = 0;
const READY = 1;
const FAILED = 2;

export const notMounted = (): CardframeError => new CardframeError('NOT_MOUNTED', 'Not mounted');

/** Validates options the way card() and update() need: typed errors, thrown before anything leaves the page. */
export function checkOptions(input: unknown): CardElementOptions {
  const parsed = parseCardElementOptions(input);
  if (!parsed.ok) throw new CardframeError(parsed.error.code, parsed.error.message);
  return parsed.value;
}

/** Creates a card element bound to one session. Nothing touches the DOM until mount(). */
export function createCardElement(context: CardElementContext): CardElement {
  const { session, vaultOrigin } = context;
  let options = checkOptions(context.options);
  // The current mount, as closure state rather than an object: the minifier shortens locals, not property names.
  /** The mounted iframe; set from mount() until teardown. */
  let frame: HTMLIFrameElement | undefined;
  /** The frame's API, once the handshake has connected. */
  let remote: FrameRpc | undefined;
  /** Tears the current mount down and rejects its pending mount() promise. */
  let unmountCurrent: (() => void) | undefined;
  const hub = createEventHub<CardElementEventMap>();
  const pending = new Set<(error: CardframeError) => void>();

  /** `forGroup`: what the group hears instead, where it differs (a split field's `change` carries the whole card's). */
  function emit<K extends CardElementEventType>(type: K, payload: CardElementEventMap[K], forGroup = payload): void {
    hub.emit(type, payload);
    context.onEvent?.(type, forGroup);
  }

  function call<T>(run: (remote: FrameRpc) => Promise<T>, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const api = remote;
    if (!api) return Promise.reject(notMounted());
    let abort!: (error: CardframeError) => void;
    let timer: ReturnType<typeof setTimeout>;
    // Settles once, on whichever comes first (the answer, the timeout, a teardown), then forgets the call.
    return new Promise<T>((resolve, reject) => {
      abort = reject;
      pending.add(reject);
      timer = setTimeout(() => reject(new CardframeError('FRAME_TIMEOUT', 'The frame did not answer in time')), timeoutMs);
      run(api).then(resolve, (reason: unknown) => reject(CardframeError.from(reason)));
    }).finally(() => {
      clearTimeout(timer);
      pending.delete(abort);
    });
  }

  function setHeight(iframe: HTMLIFrameElement, height: unknown): void {
    // Whatever arrives, only a number in [0, 10000) is written: the comparisons are false for
    // NaN and anything that does not coerce into that range, and Math.ceil coerces the same way.
    const h = height as number;
    if (h >= 0 && h < 10_000) iframe.style.height = `${Math.ceil(h)}px`;
  }

  function mount(target: string | HTMLElement, mountOptions: MountOptions = {}): Promise<void> {
    if (frame) return Promise.reject(new CardframeError('ALREADY_MOUNTED', 'Already mounted'));
    const container = typeof target === 'string' ? document.querySelector(target) : target;
    if (!(container instanceof HTMLElement)) {
      return Promise.reject(new CardframeError('INVALID_OPTIONS', 'Mount target not found'));
    }
    const timeout = mountOptions.timeout ?? DEFAULT_MOUNT_TIMEOUT_MS;
    const channel = randomChannel();
    // The options travel in the fragment too, so the frame renders the form as configured without
    // waiting for the handshake and the first update (a round trip on the way to `ready`).
    const iframe = createFrame(composeFrameUrl(vaultOrigin, { session, origin: location.origin, channel, ...context.split, options: JSON.stringify(options) }));
    // The form's own height from the start (not the iframe default of 150 px): `ready` then resizes nothing.
    setHeight(iframe, context.split ? FORM_HEIGHT_ONE_FIELD : options.showCardholderName ? FORM_HEIGHT_WITH_NAME : FORM_HEIGHT_TWO_ROWS);

    return new Promise<void>((resolve, reject) => {
      // Numbers, not names: three states, in a script with a 4 KB budget.
      let outcome: typeof PENDING | typeof READY | typeof FAILED = PENDING;
      let ready: FrameMode | undefined;
      const settle = (error?: CardframeError): void => {
        if (outcome !== PENDING) return;
        outcome = error ? FAILED : READY;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      /**
       * One failure, one `error` event: the frame's error event and a rejected call may report the same cause.
       * After the frame's `ready` the mount cannot fail any more: the frame posts ready only once the initial
       * options are applied (from the URL, or from the first update for a frame that predates that), so an
       * error event after it (a brand font that failed) is just an event.
       */
      const fail = (error: CardframeError): void => {
        if (outcome === FAILED) return;
        ready ?? settle(error); // settle() acts only while pending
        emit('error', error);
      };
      let stopConnect = (): void => {};
      /** The handshake's ports (rpc, events), once connected. */
      let ports: MessagePort[] = [];
      const teardown = (): void => {
        stopConnect();
        for (const port of ports) {
          port.onmessage = null;
          port.close();
        }
        iframe.remove();
        // A stale mount (unmounted, then mounted again) must not clear the new one's state.
        if (frame === iframe) frame = remote = unmountCurrent = undefined;
        for (const abort of [...pending]) abort(notMounted());
      };
      /** Fails the mount and removes a frame that cannot work here. */
      const giveUp = (error: CardframeError): void => {
        teardown();
        fail(error);
      };
      const timer = setTimeout(() => giveUp(new CardframeError('FRAME_LOAD_FAILED', 'The frame did not load in time')), timeout);
      setTimeout(() => {
        // Settled: ready, failed or unmounted. (A frame still loading its form at 1 s costs one 204.)
        if (outcome !== PENDING) return;
        // Cross-origin, so no cookies by default; no referrer, as for the iframe: the page URL stays
        // home (an empty `referrer` is Fetch's "no-referrer", in fewer bytes than the policy).
        fetch(vaultOrigin + ORIGIN_CHECK_PATH, { referrer: '' }).then(
          (response) => {
            // Only while this mount is pending: an unmount or a remount meanwhile makes it moot.
            if (response.status === ORIGIN_NOT_ALLOWED_STATUS && outcome === PENDING) {
              giveUp(new CardframeError('ORIGIN_NOT_ALLOWED', `${location.origin} is not in CARDFRAME_ALLOWED_ORIGINS`));
            }
          },
          // Unreachable, or refused by the page's connect-src: the mount timeout still reports it.
          () => {},
        );
      }, ORIGIN_CHECK_AFTER_MS);

      /** Any data at all may arrive: only an object whose `type` is one of these strings does anything. */
      const onFrameEvent = (event: FrameEvent | null | undefined): void => {
        switch (event?.type) {
          case 'ready':
            setHeight(iframe, event.height);
            ready = event.mode === 'cvc' ? 'cvc' : 'card';
            if (outcome === PENDING) {
              settle();
              emit('ready', { mode: ready });
            }
            break;
          case 'resize':
            setHeight(iframe, event.height);
            break;
          case 'change':
            emit('change', event.state, event.group);
            break;
          case 'focus':
          case 'blur':
            emit(event.type, { field: event.field });
            break;
          case 'submit':
          case 'escape':
            emit(event.type, undefined);
            break;
          case 'error':
            fail(CardframeError.from(event.error, 'FRAME_LOAD_FAILED'));
            break;
        }
      };

      frame = iframe;
      unmountCurrent = () => {
        teardown();
        settle(notMounted());
      };
      stopConnect = connectFrame(
        iframe,
        vaultOrigin,
        channel,
        ({ rpc, events }) => {
          ports = [rpc, events];
          remote = frameRpc(rpc);
          events.onmessage = (message: MessageEvent) => onFrameEvent(message.data);
          // The frame has already applied the options the URL carried; this also brings a frame that
          // predates that up to date, and the latest options if update() was called since mount().
          call((remote) => remote('update', options)).catch((error: CardframeError) => {
            if (error.code !== 'NOT_MOUNTED') fail(error);
          });
        },
        (frameVersion) => giveUp(new CardframeError('VERSION_MISMATCH', `Frame speaks bridge v${frameVersion}, SDK v${BRIDGE_VERSION}`)),
      );
      container.appendChild(iframe);
    });
  }

  const element: CardElement = {
    mount,
    on: hub.on,
    // async: a bad option rejects the returned promise (it does not throw), and is checked synchronously.
    async update(next) {
      options = { ...options, ...checkOptions(next) };
      // Before the handshake the options are only stored: the connect sends the latest ones.
      if (remote) await call((api) => api('update', options));
    },
    async focus(field) {
      if (field !== undefined && !(FIELD_NAMES as readonly unknown[]).includes(field)) {
        throw new CardframeError('INVALID_OPTIONS', 'Unknown field');
      }
      // WebKit ignores a cross-origin frame's own focus() until the shopper has touched it, but
      // lets the page focus its iframe element; once the frame is focused, the input's focus() lands.
      frame?.focus();
      return call((remote) => (field === undefined ? remote('focus') : remote('focus', field)));
    },
    blur: () => call((remote) => remote('blur')),
    clear: () => call((remote) => remote('clear')),
    submit: () =>
      call((remote) => remote('submit'), SUBMIT_TIMEOUT_MS).then(
        (result) => {
          if (typeof result?.tokenId !== 'string') {
            throw new CardframeError('TOKENIZATION_FAILED', 'No token returned');
          }
          return { tokenId: result.tokenId };
        },
        (error: CardframeError) => {
          // The frame focused the first invalid field, which WebKit ignores (see focus()): do it from here.
          if ((VALIDATION_ERROR_CODES as readonly string[]).includes(error.code)) element.focus().catch(() => {});
          throw error;
        },
      ),
    unmount() {
      unmountCurrent?.();
    },
  };
  return Object.freeze(element);
}
