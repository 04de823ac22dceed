import { CARD_FRAME, expectReceipt, field, frameParams, PAY_BUTTON, payButton, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { expect, needs, test } from '../fixtures/engine-test.ts';
import { staticLog } from '../fixtures/static-log.ts';
import { createSession } from '../fixtures/vault-api.ts';
import type { Tab } from '../driver/types.ts';
import { sites } from '../sites.ts';

// issue 3, security specs: the frame refuses foreign ancestors, ignores bridge messages from
// anything but its parent, refuses comlink paths beyond the allowlist, and styles cannot fetch.
// All run in Chromium, Firefox and WebKit, except where a test says it needs a capability.

test.describe('over HTTP, no browser involved', () => {
  test.skip(({ engine }) => engine !== 'chromium', 'engine-independent HTTP check: runs in the chromium project only');
  test('the card frame is served with its security headers', async () => {
    const response = await fetch(`${sites.vault.local}/frame/v1/card.html`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`frame-ancestors ${sites.shop.origin}`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("connect-src 'self'");
    // The operator's font host is in font-src and nowhere else (CARDFRAME_FONT_ORIGINS, ADR 0034).
    expect(csp).toContain(`font-src 'self' ${sites.harness.origin};`);
    // (The harness is also an allowed merchant, hence in frame-ancestors; no fetch directive but font-src names it.)
    const fetchDirectives = csp.split('; ').filter((directive) => !directive.startsWith('frame-ancestors '));
    expect(fetchDirectives.filter((directive) => directive.includes(sites.harness.origin))).toEqual([`font-src 'self' ${sites.harness.origin}`]);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // Exactly one inline script (early-session.ts, ADR 0042), allowed by the hash of the text served.
    const inline = [...(await response.clone().text()).matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(inline[0]))).toString('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${digest}';`);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('no-store');
  });
});

const FRAMED: readonly string[] = ['#slot iframe'];

test('a page on a third site that frames the card frame is refused by frame-ancestors', async ({ tab, snap }) => {
  const session = await createSession(sites.vault.local);
  const params = (origin: string) => new URLSearchParams({ vault: sites.vault.origin, session, origin, channel: 'evilchannel0123456789' });
  // The control: the very same page served by an allowed merchant origin shows the form.
  await tab.goto(`${sites.harness.origin}/frames-card.html#${params(sites.harness.origin)}`);
  await expect.poll(async () => (await field(tab, 'Card number', FRAMED)).exists, { timeout: 15_000 }).toBe(true);

  // On the third site, the browser refuses to render the frame: no card form in it, ever.
  await tab.goto(`${sites.evil.origin}/frames-card.html#${params(sites.evil.origin)}`);
  // Also when the attacker claims to be the allowed merchant in the fragment: the browser checks the real ancestor.
  const claimed = await (async () => {
    const probe = async () => (await field(tab, 'Card number', FRAMED).catch(() => ({ exists: false }))).exists;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const first = await probe();
    await tab.goto(`${sites.evil.origin}/frames-card.html?claimed#${params(sites.shop.origin)}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return [first, await probe()];
  })();
  expect(claimed).toEqual([false, false]);
  if (tab.has('console')) {
    // Where the engine shows its console, the refusal names the directive.
    await expect.poll(() => tab.consoleMessages().filter((m) => /frame-ancestors/.test(m)).length).toBeGreaterThan(0);
  }
  await snap('framed-by-third-site');
});

type Bridge = { bridge: { hello: boolean; channel: string; events: { type: string }[] }; connect: () => void; rpc: (m: object) => Promise<unknown> };

/** The frame's handshake page on the merchant origin, waiting for our reply to its hello. */
async function handMadeBridge(tab: Tab) {
  const session = await createSession(sites.vault.local);
  await tab.goto(`${sites.harness.origin}/handshake-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as Bridge).bridge.hello, undefined), { timeout: 15_000 }).toBe(true);
  const channel = await tab.evaluate(() => (window as unknown as Bridge).bridge.channel, undefined);
  return { session, channel };
}

const readyEvents = (tab: Tab) => tab.evaluate(() => (window as unknown as Bridge).bridge.events.filter((e) => e.type === 'ready').length, undefined);
const connect = (tab: Tab) => tab.evaluate(() => (window as unknown as Bridge).connect(), undefined);
const rpc = (tab: Tab, message: object) => tab.evaluate((m) => (window as unknown as Bridge).rpc(m), message);

test('a second frame on the merchant origin sends a well-formed connect: ignored; the parent still connects', async ({ tab }) => {
  const { channel } = await handMadeBridge(tab);
  // Same origin as the merchant, right channel, two ports, exact target origin: only the source differs.
  const received = await tab.evaluate(
    async ({ channel, vault }) => {
      const seen: string[] = [];
      const rpc = new MessageChannel();
      const events = new MessageChannel();
      rpc.port1.onmessage = (e) => seen.push(JSON.stringify(e.data));
      events.port1.onmessage = (e) => seen.push(JSON.stringify(e.data));
      const frames = window.parent.frames;
      let card: Window | undefined;
      for (let i = 0; i < frames.length; i++) if (frames[i] !== window) card = frames[i];
      if (!card) throw new Error('no card frame');
      card.postMessage({ type: 'cardframe:connect', version: 1, channel }, vault, [rpc.port2, events.port2]);
      rpc.port1.postMessage({ id: 'sibling', type: 'APPLY', path: ['submit'], argumentList: [] });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return seen;
    },
    { channel, vault: sites.vault.origin },
    ['#sibling'],
  );
  expect(received).toEqual([]);
  expect(await readyEvents(tab)).toBe(0);

  // The frame is still waiting for its parent: the real reply connects.
  await connect(tab);
  await expect.poll(() => readyEvents(tab)).toBe(1);
});

test.describe('the SDK waits for its hello', () => {
  needs('intercept', 'holds the card frame’s document so a forged hello arrives first');
  test("a forged hello from a same-origin frame does not get the SDK's connect", async ({ tab }) => {
    const session = await createSession(sites.vault.local);
    await tab.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
    await expect.poll(() => tab.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady, undefined)).toBe(true);
    // Hold the card frame's document so the SDK is still waiting for its hello when the forgery arrives.
    const gate = await tab.hold('/frame/v1/card.html');
    await tab.evaluate(() => {
      const w = window as unknown as { cardframe: { card: () => { mount: (s: string) => Promise<void> } }; mounted?: Promise<string> };
      w.mounted = w.cardframe
        .card()
        .mount('#card')
        .then(
          () => 'mounted',
          (e: { code: string }) => e.code,
        );
    }, undefined);
    const src = await tab.evaluate(() => document.querySelector('#card iframe')!.getAttribute('src')!, undefined);
    const channel = new URLSearchParams(new URL(src).hash.slice(1)).get('channel')!;
    const received = await tab.evaluate(
      async ({ channel, shop }) => {
        const seen: string[] = [];
        window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
        window.parent.postMessage({ type: 'cardframe:hello', version: 1, channel }, shop);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return seen;
      },
      { channel, shop: sites.harness.origin },
      ['#sibling'],
    );
    expect(received).toEqual([]);
    gate.release();
    // The real frame's hello still completes the handshake.
    expect(await tab.evaluate(() => (window as unknown as { mounted: Promise<string> }).mounted, undefined)).toBe('mounted');
  });
});

test('a third site that opened the checkout sends bridge messages: nothing happens', async ({ tab, snap }) => {
  await tab.goto(`${sites.evil.origin}/opener.html#${new URLSearchParams({ shop: sites.shop.origin })}`);
  // A shopper's click opens the checkout (window.open from a gesture: no popup blocker refuses it).
  const popup = await tab.popup(() => tab.click('#open-shop'));
  await expect.poll(async () => (await field(popup, 'Card number')).editable, { timeout: 15_000 }).toBe(true);
  const { channel } = await frameParams(popup);
  const received = await tab.evaluate(
    ({ vault, channel }) =>
      (window as unknown as { attack: (t: Window, i: number, v: string, c: string) => Promise<string[]> }).attack(
        (window as unknown as { shop: Window }).shop,
        0,
        vault,
        channel,
      ),
    { vault: sites.vault.origin, channel },
  );
  expect(received).toEqual([]);
  // The checkout is untouched: still empty, Pay still disabled, and a real payment still works.
  expect((await payButton(popup)).disabled).toBe(true);
  expect((await field(popup, 'Card number')).value).toBe('');
  await typeCard(popup, TEST_CARDS[0]);
  await expect.poll(async () => (await payButton(popup)).disabled).toBe(false);
  await popup.click(PAY_BUTTON);
  await expectReceipt(popup, TEST_CARDS[0].number, 'Visa');
  await snap('checkout-after-third-site-attack', popup);
});

test('comlink constructor / __proto__ paths through a real handshake are refused, nothing is polluted', async ({ tab }) => {
  await handMadeBridge(tab);
  await connect(tab);
  await expect.poll(() => readyEvents(tab)).toBe(1);
  const raw = (value: unknown) => ({ type: 'RAW', value });

  const attacks = [
    { id: 'a1', type: 'GET', path: ['constructor'] },
    { id: 'a2', type: 'GET', path: ['submit', 'constructor', 'constructor'] },
    { id: 'a3', type: 'APPLY', path: ['constructor', 'constructor'], argumentList: [raw('return globalThis')] },
    { id: 'a4', type: 'APPLY', path: ['update', 'constructor'], argumentList: [raw('return 1')] },
    { id: 'a5', type: 'SET', path: ['__proto__', 'polluted'], value: raw('yes') },
    { id: 'a6', type: 'SET', path: ['constructor', 'prototype', 'polluted'], value: raw('yes') },
    { id: 'a7', type: 'CONSTRUCT', path: ['submit'], argumentList: [] },
    { id: 'a8', type: 'APPLY', path: ['__proto__'], argumentList: [] },
    { id: 'a9', type: 'ENDPOINT', path: [] },
    { id: 'a10', type: 'APPLY', path: ['update'], argumentList: [{ type: 'HANDLER', name: 'proxy', value: null }] },
  ];
  for (const attack of attacks) {
    const reply = (await rpc(tab, attack)) as { type?: string; name?: string };
    expect(reply, `${attack.type} ${attack.path.join('.')}`).toMatchObject({ type: 'HANDLER', name: 'throw' });
  }
  // An allowlisted call on the same port still works: the refusals were targeted, not a dead port.
  expect(await rpc(tab, { id: 'ok', type: 'APPLY', path: ['focus'], argumentList: [] })).toMatchObject({ id: 'ok', type: 'RAW' });

  const polluted = await tab.evaluate(
    () => ({
      object: ({} as Record<string, unknown>).polluted ?? null,
      proto: (Object.prototype as Record<string, unknown>).polluted ?? null,
    }),
    undefined,
    ['#slot iframe'],
  );
  expect(polluted).toEqual({ object: null, proto: null });
});

test('style payloads with url( make no request and are rejected by the SDK and the frame', async ({ tab, engine }) => {
  // Every payload points at the attacker's server, which logs whatever reaches it: engine-neutral.
  const leak = `${sites.evil.origin}/leak-${engine}-${Date.now()}`;
  const bare = leak.replace('http:', '');
  const payloads = [
    { base: { backgroundColor: `url(${leak}/a)` } },
    { base: { color: `red; background: url(${bare}/b)` } },
    { base: { fontFamily: `x\\75rl(${bare}/c)` } },
    { base: { ':focus': { backgroundColor: `image-set(url(${bare}/d) 1x)` } } },
    { base: { backgroundImage: `url(${leak}/e)` } },
  ];

  // The SDK: card() with a bad style throws INVALID_STYLE; update() on a mounted card rejects.
  const session = await createSession(sites.vault.local);
  await tab.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady, undefined)).toBe(true);
  const sdkResults = await tab.evaluate(async (styles) => {
    type Card = { mount: (s: string) => Promise<void>; update: (o: object) => Promise<void> };
    const cf = (window as unknown as { cardframe: { card: (o?: object) => Card } }).cardframe;
    const codes: string[] = [];
    for (const style of styles) {
      try {
        cf.card({ style });
        codes.push('accepted');
      } catch (error) {
        codes.push((error as { code: string }).code);
      }
    }
    const card = cf.card();
    await card.mount('#card');
    for (const style of styles) {
      codes.push(
        await card.update({ style }).then(
          () => 'accepted',
          (error: { code: string }) => error.code,
        ),
      );
    }
    return codes;
  }, payloads);
  expect(sdkResults).toEqual(Array(payloads.length * 2).fill('INVALID_STYLE'));

  // The frame: the same payloads sent raw over comlink, past the SDK, are refused too.
  await handMadeBridge(tab);
  await connect(tab);
  await expect.poll(() => readyEvents(tab)).toBe(1);
  for (const [i, style] of payloads.entries()) {
    const reply = await rpc(tab, { id: `s${i}`, type: 'APPLY', path: ['update'], argumentList: [{ type: 'RAW', value: { style } }] });
    expect(reply).toMatchObject({ type: 'HANDLER', name: 'throw', value: { value: { code: 'INVALID_STYLE' } } });
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect((await staticLog(sites.evil.local)).filter((entry) => entry.path.startsWith(new URL(leak).pathname))).toEqual([]);
});

test('the merchant page cannot read into the card frame', async ({ tab }) => {
  await tab.goto(sites.shop.origin);
  await expect.poll(async () => (await field(tab, 'Card number', CARD_FRAME)).editable, { timeout: 15_000 }).toBe(true);
  // Cross-origin: the merchant page's own script cannot reach into the frame's document.
  const reach = await tab.evaluate(() => {
    const frame = document.querySelector('iframe')!;
    try {
      return String(frame.contentWindow!.document.body.innerHTML.length);
    } catch (error) {
      return (error as Error).name;
    }
  }, undefined);
  expect(reach).toBe('SecurityError');
});

test("the frame's inline script runs under its CSP, its session request is the frame's only one, and one locale loads", async ({ tab }) => {
  await tab.goto(sites.shop.origin);
  await expect.poll(async () => (await field(tab, 'Card number', CARD_FRAME)).editable, { timeout: 15_000 }).toBe(true);
  const seen = await tab.evaluate(
    () => {
      const paths = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      return {
        // Set only by the inline script: a CSP that blocked it would leave the frame to fetch the session itself.
        early: typeof (window as { cardframeEarlySession?: unknown }).cardframeEarlySession,
        sessionRequests: paths.filter((path) => path.startsWith('/api/sessions/')).length,
        // The 25 KB budget is for one locale: exactly one catalogue chunk, and the frame's messages only once one is shown.
        localeChunks: paths.filter((path) => path.includes('/assets/locale-')).length,
        messageChunks: paths.filter((path) => path.includes('/assets/messages-')).length,
      };
    },
    undefined,
    CARD_FRAME,
  );
  expect(seen).toEqual({ early: 'object', sessionRequests: 1, localeChunks: 1, messageChunks: 0 });
});

test('a brand font from an origin the vault does not list is blocked by the CSP, reported, and never requested', async ({ tab, engine }) => {
  // The attacker's site is in no CARDFRAME_FONT_ORIGINS; its server logs whatever reaches it: engine-neutral.
  const blocked = `${sites.evil.origin}/fonts/open-sans-regular.woff2?${engine}-${Date.now()}`;
  const session = await createSession(sites.vault.local);
  await tab.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady, undefined), { timeout: 15_000 }).toBe(true);
  const mounted = await tab.evaluate(async (src) => {
    type Card = { mount: (s: string) => Promise<void>; on: (t: string, f: (e: { code: string; message: string }) => void) => void };
    const w = window as unknown as { cardframe: { card: (o: object) => Card }; fontErrors: { code: string; message: string }[] };
    w.fontErrors = [];
    const card = w.cardframe.card({ fonts: [{ family: 'Evil Font', src }], style: { base: { fontFamily: '"Evil Font", serif' } } });
    card.on('error', (e) => w.fontErrors.push({ code: e.code, message: e.message }));
    // A font never fails the mount: the form keeps the fallback family and the shopper can pay.
    return card.mount('#card').then(
      () => 'mounted',
      (e: { code: string }) => e.code,
    );
  }, blocked);
  expect(mounted).toBe('mounted');
  const errors = () => tab.evaluate(() => (window as unknown as { fontErrors: { code: string; message: string }[] }).fontErrors, undefined);
  await expect.poll(errors, { timeout: 10_000 }).toHaveLength(1);
  expect((await errors())[0]).toEqual({ code: 'FONT_LOAD_FAILED', message: expect.stringContaining(`"Evil Font" (${blocked})`) });
  const face = await tab.evaluate(() => [...document.fonts].map((f) => `${f.family.replace(/"/g, '')}:${f.status}`), undefined, ['#card iframe']);
  expect(face).toEqual(['Evil Font:error']);
  // Blocked by the browser before the network: the attacker's server never saw the request.
  expect((await staticLog(sites.evil.local)).filter((entry) => entry.path.includes(new URL(blocked).search))).toEqual([]);
  if (tab.has('console')) {
    // Where the engine shows its console, the refusal names the directive.
    await expect.poll(() => tab.consoleMessages().filter((m) => /font-src/.test(m)).length).toBeGreaterThan(0);
  }
});
