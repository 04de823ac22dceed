import { wrap } from 'comlink';
import { compactDecrypt, exportJWK, generateKeyPair } from 'jose';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { FORM_HEIGHT_WITH_NAME, type CardFrameApi, type FrameEvent } from '@cardframe/protocol';
import { startFrame } from './start-frame.ts';

const SESSION = '0b6f3c52-6a43-4e4f-9d8e-2f1c3f0a9b11';
const CHANNEL = 'abcdefghijklmnop_-1234';
const year = new Date().getFullYear();
/** The brand-font chunk, as main.ts loads it in the built frame. */
const fontLoader = () => import('./load-fonts.ts');

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
  document.documentElement.removeAttribute('dir');
  document.head.querySelector('meta[name="cardframe-allowed-origins"]')?.remove();
});

/**
 * The frame under test runs with a real child window as its `window` (so its `parent` is this
 * test page, which plays the merchant page and speaks the real handshake) and this document
 * as its document (where the card form element is registered). Because the frame's code runs
 * in this realm, its hello arrives with this window as `source`; the connect it accepts is
 * checked exactly as in production (source === its parent, exact origin, channel, two ports).
 */
function frameWorld(allowed: string, extra: Record<string, string> = {}) {
  const meta = document.createElement('meta');
  meta.name = 'cardframe-allowed-origins';
  meta.content = allowed;
  document.head.append(meta);
  const root = document.createElement('div');
  root.id = 'cardframe-root';
  document.body.append(root);
  const child = document.createElement('iframe');
  document.body.append(child);
  const frameWindow = child.contentWindow!;
  frameWindow.location.hash = new URLSearchParams({ session: SESSION, origin: location.origin, channel: CHANNEL, ...extra }).toString();
  return { root, frameWindow };
}

/** A session API answering like the vault: the real JWE is decrypted with the session's private key. */
async function vault(getStatus = 200) {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RSA-OAEP-256', use: 'enc' };
  const received: unknown[] = [];
  const requests: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(`${init?.method} ${url}`);
    if (init?.method === 'GET') {
      if (getStatus !== 200) return new Response(JSON.stringify({ code: getStatus, classifier: 'SESSION_EXPIRED', message: 'expired' }), { status: getStatus });
      return Response.json({
        next_action: 'tokenize_card',
        data: { provider: 'guardian', jwk, allowed_schemes: ['visa', 'mastercard'], expires_at: '2099-01-01T00:00:00Z' },
      });
    }
    const body = JSON.parse(String(init?.body)) as { result: { enc_payload: string } };
    const { plaintext } = await compactDecrypt(body.result.enc_payload, privateKey);
    received.push(JSON.parse(new TextDecoder().decode(plaintext)));
    return Response.json({ status: 'success', data: { token_id: '7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' } });
  }) as typeof fetch;
  return { fetchFn, received, requests };
}

/** The merchant page's half of the handshake, done by hand: wait for the hello, send two ports. */
function handshake(frameWindow: Window) {
  const events: FrameEvent[] = [];
  const connected = new Promise<CardFrameApi>((resolve) => {
    const onHello = (event: MessageEvent) => {
      if (event.source !== window || (event.data as { type?: string })?.type !== 'cardframe:hello') return;
      window.removeEventListener('message', onHello);
      expect(event.data).toEqual({ type: 'cardframe:hello', version: 1, channel: CHANNEL });
      expect(event.origin).toBe(location.origin);
      const rpc = new MessageChannel();
      const eventsChannel = new MessageChannel();
      eventsChannel.port1.onmessage = (message) => events.push(message.data as FrameEvent);
      frameWindow.postMessage({ type: 'cardframe:connect', version: 1, channel: CHANNEL }, location.origin, [rpc.port2, eventsChannel.port2]);
      resolve(wrap<CardFrameApi>(rpc.port1) as unknown as CardFrameApi);
    };
    window.addEventListener('message', onHello);
  });
  return { connected, events };
}

describe('startFrame', () => {
  test('handshake, ready, coarse events, one tokenization with a JWE the vault can read', async () => {
    const { root, frameWindow } = frameWorld(`https://other.test ${location.origin}`);
    const { fetchFn, received, requests } = await vault();
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    const api = await connected;
    // As the SDK does: its initial options first. `ready` waits for them and carries the height of
    // the form they configure (with the name row), and no height is reported before it: a form
    // measured without its name row would make the SDK resize the iframe twice.
    await api.update({ showCardholderName: true });
    await vi.waitFor(() => expect(events.find((e) => e.type === 'ready')).toBeTruthy(), { timeout: 5000 });
    expect(events.find((e) => e.type === 'ready')).toEqual({ type: 'ready', mode: 'card', height: FORM_HEIGHT_WITH_NAME });
    const heights = events.filter((e) => e.type === 'ready' || e.type === 'resize');
    expect(heights[0]!.type).toBe('ready');
    expect(heights.every((e) => 'height' in e && e.height === FORM_HEIGHT_WITH_NAME)).toBe(true);
    expect(requests[0]).toBe(`GET ${location.origin}/api/sessions/${SESSION}`);

    const form = root.querySelector('cardframe-card-form')!;
    expect(form.allowedSchemes).toEqual(['visa', 'mastercard']);
    await form.updateComplete;
    const input = (field: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${field}-input`)!;
    await userEvent.type(input('number'), '4242424242424242');
    await userEvent.type(input('expiry'), `12${String((year + 3) % 100).padStart(2, '0')}`);
    await userEvent.type(input('cvc'), '123');
    await userEvent.type(input('name'), 'Ada Lovelace');
    await vi.waitFor(() => expect(events.some((e) => e.type === 'change' && e.state.complete)).toBe(true));

    await expect(api.submit()).resolves.toEqual({ tokenId: '7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' });
    expect(received).toEqual([
      { account_number: '4242424242424242', expiry_month: 12, expiry_year: year + 3, security_code: '123', cardholder_name: 'Ada Lovelace' },
    ]);
    await expect(api.submit()).rejects.toMatchObject({ code: 'SESSION_COMPLETED' });
    expect(received).toHaveLength(1);
    // Nothing card-related ever crossed to the page: no digit runs, no name.
    const crossed = JSON.stringify(events);
    expect(crossed).not.toMatch(/\d{4}/);
    expect(crossed).not.toContain('Ada');
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['ready', 'change', 'focus', 'blur']));
  });

  test("the inline script's early session request is used for the fragment's session, and only for it", async () => {
    for (const [earlyId, expectedRequests] of [
      [SESSION, 0],
      ['1c7e2a9b-0d4f-4e1a-9b3c-5d6e7f8a9b0c', 1],
    ] as const) {
      const { frameWindow } = frameWorld(location.origin);
      const { fetchFn, requests } = await vault();
      // What card.html's inline script leaves: the same GET, already sent (here answered by the same fake vault).
      const early = { id: earlyId, response: fetchFn(`${location.origin}/api/sessions/${earlyId}`, { method: 'GET' }) };
      requests.length = 0;
      const { connected, events } = handshake(frameWindow);
      startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader, earlySession: early });
      const api = await connected;
      await api.update({});
      await vi.waitFor(() => expect(events.find((e) => e.type === 'ready')).toBeTruthy(), { timeout: 5000 });
      expect(requests, `early request for ${earlyId}`).toHaveLength(expectedRequests);
      if (expectedRequests) expect(requests[0]).toBe(`GET ${location.origin}/api/sessions/${SESSION}`);
      document.body.replaceChildren();
      document.head.querySelector('meta[name="cardframe-allowed-origins"]')?.remove();
    }
  });

  test('options in the URL: the form is created as configured and ready goes out at connect, with no update; their repeat is not applied twice', async () => {
    const options = {
      showCardholderName: true,
      locale: 'de',
      placeholder: { cvc: 'Prüfnummer' },
      fonts: [{ family: 'Url Brand', src: 'https://fonts.shop.test/url.woff2' }],
    };
    const { root, frameWindow } = frameWorld(location.origin, { options: JSON.stringify(options) });
    const { fetchFn } = await vault();
    const { connected, events } = handshake(frameWindow);
    let fontLoads = 0;
    const countingFontLoader = async () => {
      const chunk = await fontLoader();
      return { ...chunk, loadFonts: (...args: Parameters<typeof chunk.loadFonts>) => (fontLoads++, chunk.loadFonts(...args)) };
    };
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader: countingFontLoader });
    const api = await connected;
    // No update() yet: the URL's options are enough for ready, with the height of the form they configure.
    await vi.waitFor(() => expect(events.find((e) => e.type === 'ready')).toBeTruthy(), { timeout: 5000 });
    expect(events.find((e) => e.type === 'ready')).toEqual({ type: 'ready', mode: 'card', height: FORM_HEIGHT_WITH_NAME });
    const form = root.querySelector('cardframe-card-form')!;
    expect(form.showCardholderName).toBe(true);
    expect(form.placeholders).toEqual({ cvc: 'Prüfnummer' });
    expect(form.locale).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(fontLoads).toBe(1);
    // The SDK repeats them as its first update: answered by the same application, fonts not loaded again.
    await api.update(options);
    expect(fontLoads).toBe(1);
    // Any later update applies as usual.
    await api.update({ ...options, showCardholderName: false });
    expect(form.showCardholderName).toBe(false);
    expect(fontLoads).toBe(2);
  });

  test('options in the URL that do not pass the allowlist are ignored: ready waits for the first update, which refuses them', async () => {
    const bad = { style: { base: { color: 'red;background:url(//evil.test)' } } };
    const { root, frameWindow } = frameWorld(location.origin, { options: JSON.stringify(bad) });
    const { fetchFn } = await vault();
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    const api = await connected;
    await vi.waitFor(() => expect(root.querySelector('cardframe-card-form')).not.toBeNull(), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.some((e) => e.type === 'ready')).toBe(false);
    expect(root.querySelector('cardframe-card-form')!.cardStyle).toEqual({});
    await expect(api.update(bad)).rejects.toMatchObject({ code: 'INVALID_STYLE' });
    await api.update({});
    await vi.waitFor(() => expect(events.some((e) => e.type === 'ready')).toBe(true));
  });

  test('a merchant font that fails is reported after ready, so it never fails the mount', async () => {
    const { frameWindow } = frameWorld(location.origin);
    const { fetchFn } = await vault();
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    const api = await connected;
    const src = new URL('/absent-brand.woff2', location.href).href;
    await api.update({ fonts: [{ family: 'Start Brand', src }] });
    await vi.waitFor(() => expect(events.some((e) => e.type === 'error')).toBe(true), { timeout: 5000 });
    const types = events.map((e) => e.type);
    expect(types.indexOf('ready')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('ready')).toBeLessThan(types.indexOf('error'));
    expect(events.find((e) => e.type === 'error')).toEqual({
      type: 'error',
      error: { code: 'FONT_LOAD_FAILED', message: expect.stringContaining(`"Start Brand" (${src})`) },
    });
    // A refused entry rejects the update itself, as a refused style does.
    await expect(api.update({ fonts: [{ family: 'Start Brand', src: 'data:font/woff2;base64,AAAA' }] })).rejects.toMatchObject({ code: 'INVALID_STYLE' });
  });

  test('an expired session shows a message and reports SESSION_EXPIRED once connected', async () => {
    const { root, frameWindow } = frameWorld(location.origin);
    const { fetchFn } = await vault(410);
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    const api = await connected;
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'error', error: expect.objectContaining({ code: 'SESSION_EXPIRED' }) }));
    expect(events.some((e) => e.type === 'ready')).toBe(false);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/expired/);
    await expect(api.submit()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  test('under a parent origin the vault does not allow: no hello, no session request, a message', async () => {
    const { root, frameWindow } = frameWorld('https://shop.test');
    const { fetchFn, requests } = await vault();
    const hello = vi.fn();
    window.addEventListener('message', hello);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    // Wait for the visible outcome, not a fixed time: a loaded CI machine may take longer.
    await vi.waitFor(() => expect(root.textContent).toMatch(/cannot be shown/));
    window.removeEventListener('message', hello);
    expect(hello).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  test("creates the form in the merchant's locale from the first update(), then switches on the next: lang, dir, title, form and messages", async () => {
    const { root, frameWindow } = frameWorld(location.origin);
    const { fetchFn } = await vault();
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    const api = await connected;
    // What the SDK does on connect, before it reports ready.
    await api.update({ locale: 'ar' });
    await vi.waitFor(() => expect(events.some((e) => e.type === 'ready')).toBe(true), { timeout: 5000 });
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.title).toBe('نموذج آمن للدفع بالبطاقة');
    const form = root.querySelector('cardframe-card-form')!;
    const label = () => form.shadowRoot!.querySelector('label[for="number-input"]')!.textContent;
    expect(label()).toBe('رقم البطاقة');
    // No form reached by the submit: the first field's error comes back in the shopper's language.
    await expect(api.submit()).rejects.toEqual({ code: 'NOT_COMPLETE', message: 'رقم البطاقة غير مكتمل.' });

    await api.update({ locale: 'de-AT' });
    await form.updateComplete;
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    expect(label()).toBe('Kartennummer');
  });

  test("follows the browser's languages and words its own fallback messages in them (Hebrew, not allowed here)", async () => {
    const { root, frameWindow } = frameWorld('https://shop.test');
    Object.defineProperty(frameWindow.navigator, 'languages', { value: ['he-IL', 'en'], configurable: true });
    const { fetchFn } = await vault();
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    await vi.waitFor(() => expect(root.textContent).toBe('לא ניתן להציג את טופס התשלום באתר זה.'));
    expect(document.documentElement.dir).toBe('rtl');
  });

  test('an expired session is reported in the locale too', async () => {
    const { root, frameWindow } = frameWorld(location.origin);
    Object.defineProperty(frameWindow.navigator, 'languages', { value: ['ja-JP'], configurable: true });
    const { fetchFn } = await vault(410);
    const { events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    await vi.waitFor(() => expect(events.some((e) => e.type === 'error')).toBe(true));
    const message = 'この決済セッションは有効期限が切れています。ページを再読み込みして、もう一度お試しください。';
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(message);
    expect(events).toContainEqual({ type: 'error', error: { code: 'SESSION_EXPIRED', message } });
  });

  test('a vault without a secure context (plain http on a real host) fails at start with VAULT_NOT_HTTPS, before any card is typed', async () => {
    const { root, frameWindow } = frameWorld(location.origin);
    // What http://vault.example.com gives the frame: no secure context, so no crypto.subtle.
    Object.defineProperty(frameWindow, 'isSecureContext', { value: false, configurable: true });
    const { fetchFn, requests } = await vault();
    const defineForm = vi.fn(() => import('@cardframe/card-form/define'));
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm, fontLoader });
    const api = await connected;
    // Before: the form rendered, `ready` went out, and only submit() said "could not be saved".
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'error', error: expect.objectContaining({ code: 'VAULT_NOT_HTTPS' }) }));
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ error: { message: expect.stringContaining('serve the vault over https') } });
    expect(events.some((e) => e.type === 'ready')).toBe(false);
    expect(root.querySelector('cardframe-card-form')).toBeNull();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('This payment form is not available right now.');
    expect(requests).toEqual([]); // not even the session: nothing to encrypt with
    expect(defineForm).not.toHaveBeenCalled();
    await expect(api.submit()).rejects.toMatchObject({ code: 'VAULT_NOT_HTTPS' });
  });

  test('an engine without constructable stylesheets fails at start with UNSUPPORTED_BROWSER instead of a blank "ready" frame', async () => {
    const { root, frameWindow } = frameWorld(location.origin);
    // WPE WebKit 2.38 / Safari 16.3: no adoptedStyleSheets on shadow roots (removed in the frame's own realm only).
    const frameRealm = frameWindow as Window & typeof globalThis;
    delete (frameRealm.ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    expect('adoptedStyleSheets' in frameRealm.ShadowRoot.prototype).toBe(false);
    const { fetchFn, requests } = await vault();
    const { connected, events } = handshake(frameWindow);
    startFrame({ window: frameWindow, document, fetch: fetchFn, defineForm: () => import('@cardframe/card-form/define'), fontLoader });
    await connected;
    await vi.waitFor(() =>
      expect(events).toContainEqual({
        type: 'error',
        error: expect.objectContaining({ code: 'UNSUPPORTED_BROWSER', message: expect.stringContaining('Safari 16.4') }),
      }),
    );
    expect(events.some((e) => e.type === 'ready')).toBe(false);
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/cannot show the payment form/);
    expect(requests).toEqual([]);
  });
});
