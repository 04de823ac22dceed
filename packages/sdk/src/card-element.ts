import {
  BRIDGE_VERSION,
  FIELD_NAMES,
  ORIGIN_CHECK_PATH,
  ORIGIN_NOT_ALLOWED_STATUS,
  VALIDATION_ERROR_CODES,
  composeFrameUrl,
  FORM_HEIGHT_TWO_ROWS,
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
  sessionId: string;
  vaultOrigin: string;
  options: CardElementOptions;
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

interface Mount {
  iframe: HTMLIFrameElement;
  stopConnect: () => void;
  rpc?: MessagePort;
  events?: MessagePort;
  remote?: FrameRpc;
  /** Rejects the pending mount() promise, if it has not settled. */
  abortMount: (error: CardframeError) => void;
}

const notMounted = (): CardframeError => new CardframeError('NOT_MOUNTED', 'The card element is not mounted');

/** Validates options the way card() and update() need: typed errors, thrown before anything leaves the page. */
export function checkOptions(input: unknown): CardElementOptions {
  const parsed = parseCardElementOptions(input);
  if (!parsed.ok) throw new CardframeError(parsed.error.code, parsed.error.message);
  return parsed.value;
}

/** Creates a card element bound to one session. Nothing touches the DOM until mount(). */
export function createCardElement(context: CardElementContext): CardElement {
  const { sessionId, vaultOrigin } = context;
  let options = context.options;
  let current: Mount | undefined;
  const listeners = new Map<CardElementEventType, Set<(payload: never) => void>>();
  const pending = new Set<(error: CardframeError) => void>();

  function emit<K extends CardElementEventType>(type: K, payload: CardElementEventMap[K]): void {
    for (const listener of [...(listeners.get(type) ?? [])]) {
      try {
        (listener as CardElementListener<K>)(payload);
      } catch (error) {
        // A merchant listener's bug must not stop the other listeners or the bridge.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  function teardown(mount: Mount): void {
    mount.stopConnect();
    if (mount.events) mount.events.onmessage = null;
    mount.rpc?.close();
    mount.events?.close();
    mount.iframe.remove();
    if (current === mount) current = undefined;
    for (const reject of [...pending]) reject(notMounted());
  }

  function call<T>(run: (remote: FrameRpc) => Promise<T>, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const remote = current?.remote;
    if (!remote) return Promise.reject(notMounted());
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        pending.delete(abort);
      };
      const abort = (error: CardframeError): void => {
        done();
        reject(error);
      };
      const timer = setTimeout(
        () => abort(new CardframeError('FRAME_TIMEOUT', 'The card frame did not answer in time')),
        timeoutMs,
      );
      pending.add(abort);
      run(remote).then(
        (value) => {
          done();
          resolve(value);
        },
        (reason: unknown) => abort(CardframeError.from(reason)),
      );
    });
  }

  function setHeight(iframe: HTMLIFrameElement, height: unknown): void {
    // Number.isFinite is false for anything but a finite number (no coercion), NaN included.
    const h = height as number;
    if (Number.isFinite(h) && h >= 0 && h < 10_000) iframe.style.height = `${Math.ceil(h)}px`;
  }

  function mount(target: string | HTMLElement, mountOptions: MountOptions = {}): Promise<void> {
    if (current) return Promise.reject(new CardframeError('ALREADY_MOUNTED', 'The card element is already mounted'));
    const container = typeof target === 'string' ? document.querySelector(target) : target;
    if (!(container instanceof HTMLElement)) {
      return Promise.reject(new CardframeError('INVALID_OPTIONS', 'The mount target was not found'));
    }
    const timeout = mountOptions.timeout ?? DEFAULT_MOUNT_TIMEOUT_MS;
    const channel = randomChannel();
    const iframe = createFrame(composeFrameUrl(vaultOrigin, { session: sessionId, origin: location.origin, channel }));
    // The form's own height from the start (not the iframe default of 150 px): `ready` then resizes nothing.
    setHeight(iframe, options.showCardholderName ? FORM_HEIGHT_WITH_NAME : FORM_HEIGHT_TWO_ROWS);

    return new Promise<void>((resolve, reject) => {
      let outcome: 'pending' | 'ready' | 'failed' = 'pending';
      let ready: FrameMode | undefined;
      let optionsApplied = false;
      const settle = (error?: CardframeError): void => {
        if (outcome !== 'pending') return;
        outcome = error ? 'failed' : 'ready';
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      /** One failure, one `error` event: the frame's error event and a rejected call may report the same cause. */
      const fail = (error: CardframeError): void => {
        if (outcome === 'failed') return;
        if (outcome === 'pending') settle(error);
        emit('error', error);
      };
      const maybeReady = (): void => {
        if (ready === undefined || !optionsApplied || outcome !== 'pending') return;
        settle();
        emit('ready', { mode: ready });
      };
      const mounted: Mount = {
        iframe,
        stopConnect: () => {},
        abortMount: settle,
      };
      /** Fails the mount and removes a frame that cannot work here. */
      const giveUp = (error: CardframeError): void => {
        teardown(mounted);
        fail(error);
      };
      const timer = setTimeout(() => giveUp(new CardframeError('FRAME_LOAD_FAILED', 'The card frame did not load in time')), timeout);
      setTimeout(() => {
        // Settled: ready, failed or unmounted. (A frame still loading its form at 1 s costs one 204.)
        if (outcome !== 'pending') return;
        // Cross-origin, so no cookies by default; no referrer, as for the iframe: the page URL stays home.
        fetch(vaultOrigin + ORIGIN_CHECK_PATH, { referrerPolicy: 'no-referrer' }).then(
          (response) => {
            // Only while this mount is pending: an unmount or a remount meanwhile makes it moot.
            if (response.status === ORIGIN_NOT_ALLOWED_STATUS && outcome === 'pending') {
              giveUp(new CardframeError('ORIGIN_NOT_ALLOWED', `${location.origin} is not in CARDFRAME_ALLOWED_ORIGINS`));
            }
          },
          // Unreachable, or refused by the page's connect-src: the mount timeout still reports it.
          () => {},
        );
      }, ORIGIN_CHECK_AFTER_MS);

      const onFrameEvent = (event: FrameEvent): void => {
        switch (event.type) {
          case 'ready':
            setHeight(iframe, event.height);
            ready = event.mode === 'cvc' ? 'cvc' : 'card';
            maybeReady();
            break;
          case 'resize':
            setHeight(iframe, event.height);
            break;
          case 'change':
            emit('change', event.state);
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

      current = mounted;
      mounted.stopConnect = connectFrame(iframe, vaultOrigin, channel, ({ rpc, events }) => {
        mounted.rpc = rpc;
        mounted.events = events;
        mounted.remote = frameRpc(rpc);
        events.onmessage = (message: MessageEvent) => {
          const data: unknown = message.data;
          if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
            onFrameEvent(data as FrameEvent);
          }
        };
        call((remote) => remote('update', options)).then(
          () => {
            optionsApplied = true;
            maybeReady();
          },
          (error: CardframeError) => {
            if (error.code !== 'NOT_MOUNTED') fail(error);
          },
        );
      }, (frameVersion) =>
        giveUp(new CardframeError('VERSION_MISMATCH', `Frame speaks bridge v${frameVersion}, SDK v${BRIDGE_VERSION}`)),
      );
      container.appendChild(iframe);
    });
  }

  const element: CardElement = {
    mount,
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    update(next) {
      let parsed: CardElementOptions;
      try {
        parsed = checkOptions(next);
      } catch (error) {
        return Promise.reject(error);
      }
      options = { ...options, ...parsed };
      // Before the handshake the options are only stored: the connect sends the latest ones.
      return current?.remote ? call((remote) => remote('update', options)) : Promise.resolve();
    },
    focus(field) {
      if (field !== undefined && !(FIELD_NAMES as readonly unknown[]).includes(field)) {
        return Promise.reject(new CardframeError('INVALID_OPTIONS', 'Unknown field'));
      }
      // WebKit ignores a cross-origin frame's own focus() until the shopper has touched it, but
      // lets the page focus its iframe element; once the frame is focused, the input's focus() lands.
      current?.iframe.focus();
      return call((remote) => (field === undefined ? remote('focus') : remote('focus', field)));
    },
    blur: () => call((remote) => remote('blur')),
    clear: () => call((remote) => remote('clear')),
    submit: () =>
      call((remote) => remote('submit'), SUBMIT_TIMEOUT_MS).then(
        (result) => {
          if (typeof result?.tokenId !== 'string') {
            throw new CardframeError('TOKENIZATION_FAILED', 'The card frame returned no token');
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
      const mount = current;
      if (!mount) return;
      teardown(mount);
      mount.abortMount(notMounted());
    },
  };
  return Object.freeze(element);
}
