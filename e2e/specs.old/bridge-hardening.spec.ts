import { expect, test, type Page } from '@playwright/test';
import { cardFrameHandle, expectReceipt, frameParams, openCheckout, payButton, snap, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { createSession } from '../fixtures/vault-api.ts';
import { sites } from '../sites.ts';

// issue 3, security specs: the frame refuses foreign ancestors, ignores bridge messages from
// anything but its parent, refuses comlink paths beyond the allowlist, and styles cannot fetch.

test('the card frame is served with its security headers', async ({ request }) => {
  const response = await request.get(`${sites.vault.local}/frame/v1/card.html`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toContain(`frame-ancestors ${sites.shop.origin}`);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toContain('no-store');
});

test('a page on a third site that frames the card frame is refused by frame-ancestors', async ({ page }, testInfo) => {
  const session = await createSession(sites.vault.local);
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  const hash = new URLSearchParams({ vault: sites.vault.origin, session, origin: sites.evil.origin, channel: 'evilchannel0123456789' });
  await page.goto(`${sites.evil.origin}/frames-card.html#${hash}`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  // Also when the attacker claims to be the allowed merchant in the fragment: the browser checks the real ancestor.
  const claimed = new URLSearchParams({ vault: sites.vault.origin, session, origin: sites.shop.origin, channel: 'evilchannel0123456789' });
  await page.goto(`${sites.evil.origin}/frames-card.html?claimed#${claimed}`);
  await expect.poll(() => refusals.length).toBeGreaterThan(1);
  await expect(page.frameLocator('iframe').getByLabel('Card number')).toHaveCount(0);
  await snap(page, testInfo, 'framed-by-third-site');
});

/** The frame's handshake page on the merchant origin, waiting for our reply to its hello. */
async function handMadeBridge(page: Page) {
  const session = await createSession(sites.vault.local);
  await page.goto(`${sites.harness.origin}/handshake-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { bridge: { hello: boolean } }).bridge.hello)).toBe(true);
  const channel = await page.evaluate(() => (window as unknown as { bridge: { channel: string } }).bridge.channel);
  return { session, channel };
}

const readyEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { bridge: { events: { type: string }[] } }).bridge.events.filter((e) => e.type === 'ready').length);

test('a second frame on the merchant origin sends a well-formed connect: ignored; the parent still connects', async ({ page }) => {
  const { channel } = await handMadeBridge(page);
  const sibling = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:blank');
  expect(sibling, 'same-origin sibling frame').toBeDefined();
  // Same origin as the merchant, right channel, two ports, exact target origin: only the source differs.
  const received = await sibling!.evaluate(
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
  );
  expect(received).toEqual([]);
  expect(await readyEvents(page)).toBe(0);

  // The frame is still waiting for its parent: the real reply connects.
  await page.evaluate(() => (window as unknown as { connect: () => void }).connect());
  await expect.poll(() => readyEvents(page)).toBe(1);
});

test("a forged hello from a same-origin frame does not get the SDK's connect", async ({ page }) => {
  const session = await createSession(sites.vault.local);
  await page.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady)).toBe(true);
  // Hold the card frame's document so the SDK is still waiting for its hello when the forgery arrives.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/frame/v1/card.html', async (route) => {
    await held;
    await route.continue();
  });
  await page.evaluate(() => {
    const w = window as unknown as { cardframe: { card: () => { mount: (s: string) => Promise<void> } }; mounted?: Promise<string> };
    w.mounted = w.cardframe.card().mount('#card').then(() => 'mounted', (e: { code: string }) => e.code);
  });
  const src = await page.locator('#card iframe').getAttribute('src');
  const channel = new URLSearchParams(new URL(src!).hash.slice(1)).get('channel')!;
  const sibling = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:blank')!;
  const received = await sibling.evaluate(async ({ channel, shop }) => {
    const seen: string[] = [];
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    window.parent.postMessage({ type: 'cardframe:hello', version: 1, channel }, shop);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return seen;
  }, { channel, shop: sites.harness.origin });
  expect(received).toEqual([]);
  release();
  // The real frame's hello still completes the handshake.
  expect(await page.evaluate(() => (window as unknown as { mounted: Promise<string> }).mounted)).toBe('mounted');
});

test('a third site that opened the checkout sends bridge messages: nothing happens', async ({ page, context }, testInfo) => {
  await page.goto(`${sites.evil.origin}/opener.html`);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate((shop) => {
      (window as unknown as { shop: Window | null }).shop = window.open(shop);
    }, sites.shop.origin),
  ]);
  const frame = await openCheckout(popup, sites.shop.origin).catch(async () => {
    await expect(popup.frameLocator('iframe').first().getByLabel('Card number')).toBeEditable();
    return popup.frameLocator('iframe').first();
  });
  const { channel } = await frameParams(popup);
  const received = await page.evaluate(
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
  await expect(payButton(popup)).toBeDisabled();
  await typeCard(frame, TEST_CARDS[0]);
  await payButton(popup).click();
  await expectReceipt(popup, TEST_CARDS[0].number, 'Visa');
  await snap(popup, testInfo, 'checkout-after-third-site-attack');
});

test('comlink constructor / __proto__ paths through a real handshake are refused, nothing is polluted', async ({ page }) => {
  await handMadeBridge(page);
  await page.evaluate(() => (window as unknown as { connect: () => void }).connect());
  await expect.poll(() => readyEvents(page)).toBe(1);
  const rpc = (message: object) => page.evaluate((m) => (window as unknown as { rpc: (m: object) => Promise<unknown> }).rpc(m), message);
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
    const reply = (await rpc(attack)) as { type?: string; name?: string };
    expect(reply, `${attack.type} ${attack.path.join('.')}`).toMatchObject({ type: 'HANDLER', name: 'throw' });
  }
  // An allowlisted call on the same port still works: the refusals were targeted, not a dead port.
  expect(await rpc({ id: 'ok', type: 'APPLY', path: ['focus'], argumentList: [] })).toMatchObject({ id: 'ok', type: 'RAW' });

  const cardFrame = await cardFrameHandle(page);
  const polluted = await cardFrame.evaluate(() => ({
    object: (({}) as Record<string, unknown>).polluted,
    proto: (Object.prototype as Record<string, unknown>).polluted,
  }));
  expect(polluted).toEqual({ object: undefined, proto: undefined });
});

test('style payloads with url( make no request and are rejected by the SDK and the frame', async ({ page, context }) => {
  const leaks: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes(sites.evil.origin.replace('http://', '')) || request.url().includes('leak')) leaks.push(request.url());
  });
  const payloads = [
    { base: { backgroundColor: `url(${sites.evil.origin}/leak)` } },
    { base: { color: 'red; background: url(//evil.test:4300/leak)' } },
    { base: { fontFamily: 'x\\75rl(//evil.test:4300/leak)' } },
    { base: { ':focus': { backgroundColor: 'image-set(url(//evil.test:4300/leak) 1x)' } } },
    { base: { backgroundImage: `url(${sites.evil.origin}/leak)` } },
  ];

  // The SDK: card() with a bad style throws INVALID_STYLE; update() on a mounted card rejects.
  const session = await createSession(sites.vault.local);
  await page.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady)).toBe(true);
  const sdkResults = await page.evaluate(async (styles) => {
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
      codes.push(await card.update({ style }).then(() => 'accepted', (error: { code: string }) => error.code));
    }
    return codes;
  }, payloads);
  expect(sdkResults).toEqual(Array(payloads.length * 2).fill('INVALID_STYLE'));

  // The frame: the same payloads sent raw over comlink, past the SDK, are refused too.
  await handMadeBridge(page);
  await page.evaluate(() => (window as unknown as { connect: () => void }).connect());
  await expect.poll(() => readyEvents(page)).toBe(1);
  for (const [i, style] of payloads.entries()) {
    const reply = await page.evaluate(
      (m) => (window as unknown as { rpc: (m: object) => Promise<unknown> }).rpc(m),
      { id: `s${i}`, type: 'APPLY', path: ['update'], argumentList: [{ type: 'RAW', value: { style } }] },
    );
    expect(reply).toMatchObject({ type: 'HANDLER', name: 'throw', value: { value: { code: 'INVALID_STYLE' } } });
  }
  await page.waitForTimeout(500);
  expect(leaks).toEqual([]);
});

test('the merchant page cannot read into the card frame', async ({ page }) => {
  await openCheckout(page, sites.shop.origin);
  // Cross-origin: the merchant page's own script cannot reach into the frame's document.
  const reach = await page.evaluate(() => {
    const frame = document.querySelector('iframe')!;
    try {
      return String(frame.contentWindow!.document.body.innerHTML.length);
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(reach).toBe('SecurityError');
});
