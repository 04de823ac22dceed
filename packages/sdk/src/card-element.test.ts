import { expose } from 'comlink';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FORM_HEIGHT_TWO_ROWS, FORM_HEIGHT_WITH_NAME, ORIGIN_CHECK_PATH, type CardFrameApi, type CardState, type FrameEvent } from '@cardframe/protocol';
import { CardframeError } from './cardframe-error.ts';
import { init } from './init.ts';

const SESSION = '0b6f3c52-6a43-4e4f-9d8e-2f1c3f0a9b11';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function container(): HTMLElement {
  const div = document.createElement('div');
  div.id = 'card';
  document.body.append(div);
  return div;
}

/** Waits until mount() has inserted the iframe and the iframe's document has loaded. */
async function loadedFrame(): Promise<HTMLIFrameElement> {
  await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
  const iframe = document.querySelector('iframe')!;
  await new Promise<void>((resolve) => {
    if (iframe.contentDocument?.readyState === 'complete' && iframe.contentWindow?.location.href !== 'about:blank') resolve();
    else iframe.addEventListener('load', () => resolve(), { once: true });
  });
  return iframe;
}

function channelOf(iframe: HTMLIFrameElement): string {
  return new URLSearchParams(new URL(iframe.src).hash.slice(1)).get('channel')!;
}

function hello(channel: string): { type: 'cardframe:hello'; version: 1; channel: string } {
  return { type: 'cardframe:hello', version: 1, channel };
}

function dispatch(data: unknown, origin: string, source: MessageEventSource | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/**
 * Plays the frame's side of the bridge for SDK tests: captures the connect the SDK posts to
 * the iframe window, then exposes `api` with real comlink on the rpc port.
 */
async function connectAsFrame(api: Partial<CardFrameApi>): Promise<{
  iframe: HTMLIFrameElement;
  post: (event: FrameEvent) => void;
}> {
  const iframe = await loadedFrame();
  const frameWindow = iframe.contentWindow!;
  const postMessage = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
  dispatch(hello(channelOf(iframe)), location.origin, frameWindow);
  expect(postMessage).toHaveBeenCalledTimes(1);
  const [message, targetOrigin, transfer] = postMessage.mock.calls[0] as unknown as [unknown, string, MessagePort[]];
  expect(message).toEqual({ type: 'cardframe:connect', version: 1, channel: channelOf(iframe) });
  expect(targetOrigin).toBe(location.origin);
  expect(transfer).toHaveLength(2);
  const [rpc, events] = transfer as [MessagePort, MessagePort];
  expose({ update: async () => {}, ...api }, rpc);
  return { iframe, post: (event) => events.postMessage(event) };
}

describe('card()', () => {
  test('rejects bad styles and options synchronously and creates no iframe', async () => {
    const cardframe = await init(SESSION, { baseUrl: 'https://vault.test' });
    const badStyle = (): unknown => cardframe.card({ style: { base: { color: 'red;background:url(https://evil.test/x)' } } });
    expect(badStyle).toThrow(CardframeError);
    try {
      badStyle();
    } catch (error) {
      expect((error as CardframeError).code).toBe('INVALID_STYLE');
    }
    const unknownKey = (): unknown => cardframe.card({ onChange: () => {} } as never);
    expect(unknownKey).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => cardframe.card({ style: { base: { backgroundImage: 'none' } } as never })).toThrow(expect.objectContaining({ code: 'INVALID_STYLE' }));
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  test('init refuses a malformed session id or base URL', async () => {
    await expect(init('not-a-session', { baseUrl: 'https://vault.test' })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    await expect(init(SESSION, { baseUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});

describe('mount()', () => {
  test('builds the iframe and its URL exactly: session, origin, channel and options in the fragment, no query', async () => {
    const cardframe = await init(SESSION, { baseUrl: 'https://vault.test/some/path?x=1' });
    const card = cardframe.card({ locale: 'de', style: { base: { color: '#123456' } } });
    await expect(card.mount('#card')).rejects.toMatchObject({ code: 'INVALID_OPTIONS' }); // no such element yet
    expect(document.querySelector('iframe')).toBeNull();
    container();
    const mounting = card.mount('#card', { timeout: 60_000 });
    mounting.catch(() => {});
    const iframe = document.querySelector('iframe')!;
    expect(iframe.parentElement?.id).toBe('card');
    const url = new URL(iframe.src);
    expect(url.origin).toBe('https://vault.test');
    expect(url.pathname).toBe('/frame/v1/card.html');
    expect(url.search).toBe('');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect([...fragment.keys()]).toEqual(['session', 'origin', 'channel', 'options']);
    expect(fragment.get('session')).toBe(SESSION);
    // The checked options, as JSON: the frame renders with them before the handshake (it checks them again).
    expect(JSON.parse(fragment.get('options')!)).toEqual({ locale: 'de', style: { base: { color: '#123456' } } });
    expect(fragment.get('origin')).toBe(location.origin);
    expect(fragment.get('channel')).toMatch(/^[0-9a-f]{32}$/);
    expect(iframe.title).toBe('Secure card payment form');
    expect(iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(iframe.hasAttribute('loading')).toBe(false); // eager is what no attribute means
    expect(iframe.hasAttribute('sandbox')).toBe(false);
    expect(iframe.hasAttribute('allow')).toBe(false);
    expect(iframe.hasAttribute('style')).toBe(true); // set through CSSOM, not setAttribute
    expect(iframe.style.width).toBe('100%');
    card.unmount();
    await expect(mounting).rejects.toMatchObject({ code: 'NOT_MOUNTED' });
  });

  test('each mount gets a fresh random channel', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    card.mount('#card').catch(() => {});
    const first = channelOf(document.querySelector('iframe')!);
    card.unmount();
    card.mount('#card').catch(() => {});
    const second = channelOf(document.querySelector('iframe')!);
    card.unmount();
    expect(first).not.toBe(second);
  });

  test('spoofed hellos never cause a connect; the real one connects exactly once', async () => {
    const div = container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    card.mount(div).catch(() => {});
    const iframe = await loadedFrame();
    const frameWindow = iframe.contentWindow!;
    const postMessage = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
    const channel = channelOf(iframe);
    const other = document.createElement('iframe');
    document.body.append(other);

    dispatch(hello(channel), 'https://evil.test', frameWindow); // wrong origin
    dispatch(hello(channel), 'null', frameWindow); // opaque origin
    dispatch(hello(channel), location.origin, window); // wrong source: the page itself
    dispatch(hello(channel), location.origin, other.contentWindow); // wrong source: another frame
    dispatch(hello(channel), location.origin, null); // no source
    dispatch(hello('A'.repeat(22)), location.origin, frameWindow); // wrong channel
    dispatch({ ...hello(channel), extra: 1 }, location.origin, frameWindow); // extra keys
    dispatch({ ...hello(channel), version: 2 }, 'https://evil.test', frameWindow); // other version, wrong origin
    dispatch({ ...hello(channel), version: 2 }, location.origin, window); // other version, wrong source
    dispatch(JSON.stringify(hello(channel)), location.origin, frameWindow); // not an object
    expect(postMessage).not.toHaveBeenCalled();

    dispatch(hello(channel), location.origin, frameWindow);
    dispatch(hello(channel), location.origin, frameWindow); // the listener is gone after the first
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(postMessage.mock.calls[0]![1]).toBe(location.origin);
    card.unmount();
  });

  test('resolves at ready, sends the initial options first, sizes the iframe from events', async () => {
    container();
    const style = { base: { color: '#123456' } };
    const card = (await init(SESSION, { baseUrl: location.origin })).card({ style, showCardholderName: true });
    const ready = vi.fn();
    card.on('ready', ready);
    const mounting = card.mount('#card');
    await card.update({ placeholder: { cvc: 'CVV' } }); // before the handshake: kept for the connect
    const update = vi.fn(async () => {});
    const { iframe, post } = await connectAsFrame({ update });
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith({ style, showCardholderName: true, placeholder: { cvc: 'CVV' } }));
    expect(update).toHaveBeenCalledTimes(1);
    post({ type: 'ready', mode: 'card', height: 123.4 });
    await mounting;
    expect(ready).toHaveBeenCalledWith({ mode: 'card' });
    expect(iframe.style.height).toBe('124px');
    post({ type: 'resize', height: 200 });
    await vi.waitFor(() => expect(iframe.style.height).toBe('200px'));
    for (const height of [Number.NaN, 1e9, -1, '12px', 'calc(1px)', {}, [1, 2], undefined]) post({ type: 'resize', height: height as number });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(iframe.style.height).toBe('200px');
    await expect(card.mount('#card')).rejects.toMatchObject({ code: 'ALREADY_MOUNTED' });
    card.unmount();
  });

  test('an error event after ready, before the initial options are answered, is an event: the mount still resolves', async () => {
    // WebKit may deliver the events port (ready, then a failed brand font) before the rpc port's answer.
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const errors = vi.fn();
    card.on('error', errors);
    const mounting = card.mount('#card');
    let answer = (): void => {};
    const update = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const { post } = await connectAsFrame({ update });
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    post({ type: 'ready', mode: 'card', height: 119 });
    post({ type: 'error', error: { code: 'FONT_LOAD_FAILED', message: 'Brand font did not load' } });
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'FONT_LOAD_FAILED' })));
    answer();
    await expect(mounting).resolves.toBeUndefined();
    card.unmount();
  });

  test('resolves at ready without waiting for the answer to the initial update (the frame applied the URL options)', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card({ showCardholderName: true });
    const update = vi.fn(() => new Promise<void>(() => {})); // never answered
    const mounting = card.mount('#card');
    const { post } = await connectAsFrame({ update });
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith({ showCardholderName: true }));
    post({ type: 'ready', mode: 'card', height: 178 });
    await expect(mounting).resolves.toBeUndefined();
    card.unmount();
  });

  test('times out with FRAME_LOAD_FAILED and an error event, and removes the iframe', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const onError = vi.fn();
    card.on('error', onError);
    const mounting = card.mount('#card', { timeout: 150 });
    await expect(mounting).rejects.toBeInstanceOf(CardframeError);
    await expect(mounting).rejects.toMatchObject({ code: 'FRAME_LOAD_FAILED' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'FRAME_LOAD_FAILED' });
    expect(document.querySelector('iframe')).toBeNull();
    await expect(card.submit()).rejects.toMatchObject({ code: 'NOT_MOUNTED' });
  });

  test('a session error from the frame rejects mount and emits one error event', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const onError = vi.fn();
    card.on('error', onError);
    const mounting = card.mount('#card');
    const expired = { code: 'SESSION_EXPIRED', message: 'This payment session has expired' } as const;
    // As the real frame does: the error event, and the initial update rejecting for the same cause.
    const { post } = await connectAsFrame({
      update: async () => {
        throw expired;
      },
    });
    post({ type: 'error', error: expired });
    await expect(mounting).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(CardframeError);
    expect(document.querySelector('iframe')).not.toBeNull(); // the frame shows the shopper what happened
    card.unmount();
  });

  test('errors after ready are reported as they come', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const onError = vi.fn();
    card.on('error', onError);
    const mounting = card.mount('#card');
    const { post } = await connectAsFrame({});
    post({ type: 'ready', mode: 'card', height: 80 });
    await mounting;
    post({ type: 'error', error: { code: 'SESSION_EXPIRED', message: 'expired' } });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'SESSION_EXPIRED' });
    card.unmount();
  });
});

describe('after mount', () => {
  async function mounted(api: Partial<CardFrameApi> = {}) {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const mounting = card.mount('#card');
    const frame = await connectAsFrame(api);
    frame.post({ type: 'ready', mode: 'card', height: 100 });
    await mounting;
    return { card, ...frame };
  }

  test('on() delivers events and its return value unsubscribes', async () => {
    const { card, post } = await mounted();
    const change = vi.fn();
    const unsubscribe = card.on('change', change);
    const state: CardState = { empty: false, complete: false, brand: 'visa', fields: { number: { empty: false, complete: false } } };
    post({ type: 'change', state });
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(1));
    expect(change).toHaveBeenCalledWith(state);
    unsubscribe();
    post({ type: 'change', state });
    const focus = vi.fn();
    card.on('focus', focus);
    post({ type: 'focus', field: 'number' });
    await vi.waitFor(() => expect(focus).toHaveBeenCalledWith({ field: 'number' }));
    expect(change).toHaveBeenCalledTimes(1);
    card.unmount();
  });

  test('submit resolves with the token id only and rebuilds typed errors', async () => {
    let answer: () => Promise<unknown> = async () => ({ tokenId: 'tok-1', extra: 'dropped' });
    const { card } = await mounted({ submit: (() => answer()) as CardFrameApi['submit'] });
    await expect(card.submit()).resolves.toEqual({ tokenId: 'tok-1' });
    answer = async () => {
      throw { code: 'SESSION_COMPLETED', message: 'This payment session was already used' };
    };
    const rejection = card.submit();
    await expect(rejection).rejects.toBeInstanceOf(CardframeError);
    await expect(rejection).rejects.toMatchObject({ code: 'SESSION_COMPLETED', message: 'This payment session was already used' });
    card.unmount();
  });

  test('update validates before sending; focus checks the field name', async () => {
    const update = vi.fn(async () => {});
    const { card } = await mounted({ update });
    update.mockClear();
    await expect(card.update({ style: { base: { color: 'url(x)' } } })).rejects.toMatchObject({ code: 'INVALID_STYLE' });
    await expect(card.focus('pan' as never)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(update).not.toHaveBeenCalled();
    await card.update({ disabled: true });
    expect(update).toHaveBeenCalledWith({ disabled: true });
    card.unmount();
  });

  test('unmount removes the iframe, closes the bridge and rejects pending calls', async () => {
    const { card, post } = await mounted({ submit: () => new Promise(() => {}) });
    const change = vi.fn();
    card.on('change', change);
    const pending = card.submit();
    card.unmount();
    await expect(pending).rejects.toMatchObject({ code: 'NOT_MOUNTED' });
    expect(document.querySelector('iframe')).toBeNull();
    post({ type: 'change', state: { empty: true, complete: false, brand: 'unknown', fields: {} } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(change).not.toHaveBeenCalled();
    await expect(card.clear()).rejects.toMatchObject({ code: 'NOT_MOUNTED' });
  });

  test('after unmount a hello from a stale frame is ignored', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    card.mount('#card').catch(() => {});
    const iframe = await loadedFrame();
    const channel = channelOf(iframe);
    const frameWindow = iframe.contentWindow!;
    const postMessage = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
    const remove = vi.spyOn(window, 'removeEventListener');
    card.unmount();
    expect(remove).toHaveBeenCalledWith('message', expect.any(Function));
    dispatch(hello(channel), location.origin, frameWindow);
    expect(postMessage).not.toHaveBeenCalled();
  });
});

describe('failures that say what is wrong (issue 9)', () => {
  test('a frame of another bridge version fails the mount at once with VERSION_MISMATCH, not a timeout', async () => {
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const onError = vi.fn();
    card.on('error', onError);
    const started = performance.now();
    const mounting = card.mount('#card', { timeout: 60_000 });
    const iframe = await loadedFrame();
    const frameWindow = iframe.contentWindow!;
    const postMessage = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
    // Before: a v2 hello was ignored like a spoof, and mount() said FRAME_LOAD_FAILED after 15 s.
    dispatch({ type: 'cardframe:hello', version: 2, channel: channelOf(iframe), features: ['v2'] }, location.origin, frameWindow);
    await expect(mounting).rejects.toMatchObject({ code: 'VERSION_MISMATCH', message: 'Frame speaks bridge v2, SDK v1' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(postMessage).not.toHaveBeenCalled(); // nothing connected to a frame we cannot speak to
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'VERSION_MISMATCH' });
    expect(document.querySelector('iframe')).toBeNull();
  });

  test('an origin the vault does not allow is told so in about a second, naming the setting, from the vault yes/no answer', async () => {
    container();
    // The frame document never says hello here (as when frame-ancestors blocks it); the vault's
    // one-bit answer for this origin is the route apps/vault tests (403 = not allowed).
    const fetchSpy = vi.spyOn(window, 'fetch').mockResolvedValue(new Response(null, { status: 403 }));
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const onError = vi.fn();
    card.on('error', onError);
    const started = performance.now();
    const mounting = card.mount('#card', { timeout: 60_000 });
    await expect(mounting).rejects.toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(2_000);
    const error = onError.mock.calls[0]![0] as Error;
    expect(error.message).toBe(`${location.origin} is not in CARDFRAME_ALLOWED_ORIGINS`);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, requestInit] = fetchSpy.mock.calls[0]!;
    expect(url).toBe(`${location.origin}${ORIGIN_CHECK_PATH}`);
    // Sent with no referrer: Fetch turns an empty `referrer` into "no-referrer" (Request shows it as '').
    expect(requestInit).toEqual({ referrer: '' });
    expect(new Request(url as string, requestInit).referrer).toBe('');
    expect(document.querySelector('iframe')).toBeNull();
  });

  test('an allowed origin or an unreachable vault leaves the mount to its own timeout', async () => {
    container();
    const fetchSpy = vi.spyOn(window, 'fetch').mockResolvedValueOnce(new Response(null, { status: 204 }));
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    await expect(card.mount('#card', { timeout: 1_300 })).rejects.toMatchObject({ code: 'FRAME_LOAD_FAILED' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    fetchSpy.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(card.mount('#card', { timeout: 1_300 })).rejects.toMatchObject({ code: 'FRAME_LOAD_FAILED' });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  test('a mount that is ready, or unmounted, within the second asks the vault nothing', async () => {
    container();
    const fetchSpy = vi.spyOn(window, 'fetch');
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const mounting = card.mount('#card');
    const { post } = await connectAsFrame({});
    post({ type: 'ready', mode: 'card', height: FORM_HEIGHT_TWO_ROWS });
    await mounting;
    card.unmount();
    card.mount('#card').catch(() => {});
    card.unmount();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('the iframe has the form height from the start, so ready moves nothing (was 150 px, then shrank)', async () => {
    container();
    const below = document.createElement('button');
    below.textContent = 'Pay';
    document.body.append(below);
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const mounting = card.mount('#card');
    const iframe = document.querySelector('iframe')!;
    expect(iframe.style.height).toBe(`${FORM_HEIGHT_TWO_ROWS}px`);
    const top = below.getBoundingClientRect().top;
    const { post } = await connectAsFrame({});
    post({ type: 'ready', mode: 'card', height: FORM_HEIGHT_TWO_ROWS });
    await mounting;
    expect(below.getBoundingClientRect().top).toBe(top);
    card.unmount();

    const named = (await init(SESSION, { baseUrl: location.origin })).card({ showCardholderName: true });
    named.mount('#card').catch(() => {});
    expect(document.querySelector('iframe')!.style.height).toBe(`${FORM_HEIGHT_WITH_NAME}px`);
    named.unmount();
  });

  test('focus() focuses the iframe element before the field inside (WebKit ignores the frame focusing itself)', async () => {
    const order: string[] = [];
    const { card, iframe } = await (async () => {
      container();
      const element = (await init(SESSION, { baseUrl: location.origin })).card();
      const mounting = element.mount('#card');
      const frame = await connectAsFrame({ focus: async (field) => void order.push(`frame focus ${field ?? 'first incomplete'}`) });
      frame.post({ type: 'ready', mode: 'card', height: 100 });
      await mounting;
      return { card: element, iframe: frame.iframe };
    })();
    vi.spyOn(iframe, 'focus').mockImplementation(() => void order.push('iframe focus'));
    await card.focus('cvc');
    expect(order).toEqual(['iframe focus', 'frame focus cvc']);
    card.unmount();
  });

  test('a submit refused for an invalid field focuses that field through the iframe; other failures do not move focus', async () => {
    const order: string[] = [];
    let reason: unknown = { code: 'NOT_COMPLETE', message: 'Your card number is incomplete.' };
    container();
    const card = (await init(SESSION, { baseUrl: location.origin })).card();
    const mounting = card.mount('#card');
    const { iframe, post } = await connectAsFrame({
      submit: async () => {
        throw reason;
      },
      focus: async (field) => void order.push(`frame focus ${field ?? 'first incomplete'}`),
    });
    post({ type: 'ready', mode: 'card', height: 100 });
    await mounting;
    vi.spyOn(iframe, 'focus').mockImplementation(() => void order.push('iframe focus'));
    await expect(card.submit()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
    await vi.waitFor(() => expect(order).toEqual(['iframe focus', 'frame focus first incomplete']));
    order.length = 0;
    reason = { code: 'SESSION_EXPIRED', message: 'expired' };
    await expect(card.submit()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual([]);
    card.unmount();
  });
});
