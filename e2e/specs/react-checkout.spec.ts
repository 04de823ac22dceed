import type { Tab } from '../driver/types.ts';
import {
  BRAND_NAMES,
  expectReceipt,
  frameParams,
  masked,
  openCheckout,
  PAY_BUTTON,
  payButton,
  sessionState,
  TEST_CARDS,
  typeCard,
} from '../fixtures/checkout.ts';
import { expect, needs, test } from '../fixtures/engine-test.ts';
import { collectObserved, digitRuns } from '../fixtures/merchant-recorder.ts';
import { count, elementState } from '../fixtures/page-state.ts';
import { SHORT_SESSION_TTL_SECONDS, sites } from '../sites.ts';

// issue 11 §2: the demo's React page (apps/demo/web/react.html, built on @cardframe/react) pays
// through the same shop server flow as the other pages, under the same strict CSP, and shows the
// package's errors (the provider's onError) on the page without an unhandled rejection.
const REACT_PAGE = '/react.html';
const VISA = TEST_CARDS[0];
const AMEX = TEST_CARDS[2];

declare global {
  interface Window {
    __rejections?: string[];
  }
}

/** Where the engine can run a script before the page's own, records every unhandled rejection. */
async function watchRejections(tab: Tab): Promise<boolean> {
  if (!tab.has('init-script')) return false;
  await tab.addInitScript(() => {
    window.__rejections = [];
    window.addEventListener('unhandledrejection', (event) => window.__rejections?.push(String(event.reason?.code ?? event.reason)));
  }, undefined);
  return true;
}
const rejections = (tab: Tab) => tab.evaluate(() => window.__rejections ?? [], undefined);

/** The browser's own CSP refusals, where the engine shows its console. */
const cspRefusals = (tab: Tab) => (tab.has('console') ? tab.consoleMessages().filter((m) => /content.security.policy/i.test(m)) : []);

for (const card of [VISA, AMEX]) {
  test(`the React checkout pays with ${card.brand}; the shop's server reads the masked card back`, async ({ tab, snap }) => {
    const watching = await watchRejections(tab);
    await openCheckout(tab, `${sites.shop.origin}${REACT_PAGE}`);
    // StrictMode mounts, unmounts and mounts again: exactly one frame is left.
    expect(await count(tab, 'iframe')).toBe(1);
    const { session } = await frameParams(tab);
    expect((await payButton(tab)).disabled).toBe(true);
    await typeCard(tab, card);
    await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
    await tab.click(PAY_BUTTON);
    await expectReceipt(tab, card.number, BRAND_NAMES[card.brand]!);
    expect(await sessionState(sites.vault.local, session)).toMatchObject({ next_action: null, status: 'success' });
    // The receipt replaced the form: the provider and its frame are gone.
    expect(await count(tab, 'iframe')).toBe(0);
    expect((await elementState(tab, '.demo-nav a[aria-current="page"]')).text).toBe('React');
    expect(cspRefusals(tab)).toEqual([]);
    if (watching) expect(await rejections(tab)).toEqual([]);
    await snap(`react-${card.brand}-paid`);
  });
}

test('an expired session reaches the provider’s onError and the page offers a new checkout', async ({ tab, snap }) => {
  test.setTimeout(90_000);
  const watching = await watchRejections(tab);
  await openCheckout(tab, `${sites.shortShop.origin}${REACT_PAGE}`);
  const { session } = await frameParams(tab);
  await typeCard(tab, VISA);
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await expect
    .poll(async () => (await fetch(`${sites.shortVault.local}/api/sessions/${session}`)).status, {
      timeout: (SHORT_SESSION_TTL_SECONDS + 10) * 1000,
      intervals: [1000],
    })
    .not.toBe(200);

  await tab.click(PAY_BUTTON);
  // SESSION_EXPIRED, or SESSION_NOT_FOUND once the vault's sweeper has removed the row.
  await expect.poll(async () => (await elementState(tab, '#session-ended-text')).text, { timeout: 15_000 }).toMatch(/timed out|no longer valid/);
  expect((await elementState(tab, '#restart')).visible).toBe(true);
  expect((await payButton(tab)).exists).toBe(false);
  expect(await count(tab, 'iframe')).toBe(0);
  expect((await elementState(tab, '#view-success')).exists).toBe(false);
  if (watching) expect(await rejections(tab)).toEqual([]);
  await snap('react-expired-session');
  expect([404, 410]).toContain((await fetch(`${sites.shortVault.local}/api/sessions/${session}`)).status);
});

test.describe('a merchant bug hands out a used session', () => {
  needs('intercept', 'answers the shop’s /api/checkout with an already completed session');
  test('the element’s SESSION_COMPLETED reaches onError, is shown, and rejects nothing', async ({ tab, snap }) => {
    await watchRejections(tab);
    await openCheckout(tab, `${sites.shop.origin}${REACT_PAGE}`);
    const { session } = await frameParams(tab);
    await typeCard(tab, VISA);
    await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
    await tab.click(PAY_BUTTON);
    await expectReceipt(tab, VISA.number, 'Visa');

    await tab.fulfillJson(`${sites.shop.origin}/api/checkout`, { sessionId: session, vaultUrl: sites.vault.origin });
    await tab.goto(`${sites.shop.origin}${REACT_PAGE}`);
    await expect.poll(async () => (await elementState(tab, '#session-ended-text')).text, { timeout: 15_000 }).toMatch(/already been used/);
    // The form is gone, not just disabled: nothing invites the shopper to type a card again.
    expect((await payButton(tab)).exists).toBe(false);
    expect(await count(tab, 'iframe')).toBe(0);
    expect(await rejections(tab)).toEqual([]);
    await snap('react-used-session');
  });
});

test('nothing the merchant origin sees on the React page holds card data', async ({ tab }) => {
  const card = { number: '4000056655665556', cvc: '739' };
  await openCheckout(tab, `${sites.recordedShop.origin}${REACT_PAGE}`);
  const { session, channel } = await frameParams(tab);
  await typeCard(tab, card);
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await tab.click(PAY_BUTTON);
  const tokenId = await expectReceipt(tab, card.number, 'Visa');
  const observed = await collectObserved(tab);
  expect(observed.messages.some((m) => m.includes('"complete":true'))).toBe(true);
  expect(observed.network.some((n) => n.includes('/api/pay'))).toBe(true);
  const allowed = [masked(card.number), tokenId, session, channel];
  for (const [channelName, lines] of Object.entries(observed)) {
    const text = allowed.reduce((acc, value) => acc.split(value).join('[allowed]'), (lines as string[]).join('\n'));
    expect(text, `${channelName} holds the PAN`).not.toContain(card.number);
    for (const run of digitRuns(card.number)) expect(text, `${channelName} holds the digit run ${run}`).not.toContain(run);
    expect(text, `${channelName} holds the CVC`).not.toMatch(new RegExp(`(^|\\D)${card.cvc}(\\D|$)`));
  }
});
