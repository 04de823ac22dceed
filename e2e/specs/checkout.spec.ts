import {
  BRAND_NAMES,
  CARD_FRAME,
  CVC_FRAME,
  expectReceipt,
  field,
  focusField,
  frameParams,
  FUTURE_EXPIRY,
  MAESTRO,
  openCheckout,
  PAST_EXPIRY,
  PAY_BUTTON,
  payButton,
  sessionState,
  TEST_CARDS,
  typeCard,
  typeInto,
} from '../fixtures/checkout.ts';
import { expect, needs, test } from '../fixtures/engine-test.ts';
import { computedStyle, count, deepText, elementState, fetchedUrls } from '../fixtures/page-state.ts';
import { sites } from '../sites.ts';

// The shopper's journey through the demo shop: a real vault on localhost, the shop on 127.0.0.1.
// Every test here runs in Chromium, Firefox and WebKit, except the two that hold or answer a
// request from the runner (WebKit's classic WebDriver cannot intercept requests).

test.describe('checkout happy path per brand', () => {
  for (const card of TEST_CARDS) {
    test(`${card.brand}: the shop's server reads back the masked card and scheme`, async ({ tab, snap }) => {
      await openCheckout(tab, sites.shop.origin);
      expect((await payButton(tab)).disabled).toBe(true);
      await typeCard(tab, card);
      await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
      const chips = ['visa', 'mastercard', 'american express', 'discover', 'jcb'].includes(card.brand) ? 1 : 0;
      expect(await count(tab, '.brand-chip.active')).toBe(chips);
      await snap(`${card.brand}-filled`);
      await tab.click(PAY_BUTTON);
      await expectReceipt(tab, card.number, BRAND_NAMES[card.brand]!);
      expect((await elementState(tab, '#paid-cvc')).text).toBe('Held by the vault for this payment');
      await snap(`${card.brand}-paid`);
    });
  }
});

test('unionpay typed digit by digit keeps focus until all 16 digits are in', async ({ tab }) => {
  // UnionPay runs 14–19 digits with no Luhn check, so 14 digits already look complete; the form
  // must not move on there, or the last digits would land in the expiry field.
  await openCheckout(tab, sites.shop.origin);
  await typeInto(tab, 'Card number', '6200000000000005');
  await expect.poll(async () => (await field(tab, 'Card number')).value).toBe('6200 0000 0000 0005');
  expect((await field(tab, 'Card number')).focused).toBe(true);
  expect((await field(tab, 'Expiry date')).value).toBe('');
});

test('the npm build of the checkout tokenizes the same way', async ({ tab, snap }) => {
  await openCheckout(tab, `${sites.shop.origin}/npm.html`);
  await typeCard(tab, TEST_CARDS[0]);
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await tab.click(PAY_BUTTON);
  await expectReceipt(tab, TEST_CARDS[0].number, 'Visa');
  await snap('npm-paid');
});

test.describe('while the vault answers', () => {
  needs('intercept', 'holds the frame’s complete-action request to see the busy state');
  test('the npm checkout shows a busy, disabled Pay button until the token arrives', async ({ tab, snap }) => {
    await openCheckout(tab, `${sites.shop.origin}/npm.html`);
    await typeCard(tab, TEST_CARDS[0]);
    // Hold the frame's request to the vault so the tokenizing state can be seen.
    const gate = await tab.hold('/complete-action');
    await tab.click(PAY_BUTTON);
    await expect.poll(async () => (await payButton(tab)).className).toMatch(/busy/);
    expect((await elementState(tab, '#pay-button .spinner')).visible).toBe(true);
    expect((await payButton(tab)).disabled).toBe(true);
    await snap('npm-tokenizing');
    gate.release();
    await expectReceipt(tab, TEST_CARDS[0].number, 'Visa');
    expect((await payButton(tab)).className).not.toMatch(/busy/);
  });
});

test.describe('refusals the shopper sees, with no token created', () => {
  const cases = [
    { name: 'invalid number (Luhn)', number: '4242424242424241', expiry: FUTURE_EXPIRY, text: 'Your card number is invalid.', field: 'card number' },
    { name: 'past expiry', number: '4242424242424242', expiry: PAST_EXPIRY, text: 'Your card’s expiry date is in the past.', field: 'expiry date' },
    { name: 'unsupported scheme (Maestro)', number: MAESTRO, expiry: FUTURE_EXPIRY, text: 'This card brand is not accepted.', field: 'card number' },
  ];
  for (const c of cases) {
    test(c.name, async ({ tab, snap }) => {
      await openCheckout(tab, sites.shop.origin);
      const { session } = await frameParams(tab);
      await typeInto(tab, 'Card number', c.number);
      await typeInto(tab, 'Expiry date', c.expiry);
      await typeInto(tab, 'Security code', '123');
      // Leaving the field (Tab, as a shopper would) shows the message by the field.
      await tab.press('Tab');
      const error = `#${c.field === 'card number' ? 'number' : 'expiry'}-error`;
      await expect.poll(async () => (await elementState(tab, error, CARD_FRAME)).text).toMatch(c.text);
      // The shop, from the change event, says what Pay waits for.
      await expect.poll(async () => (await elementState(tab, '#pay-hint')).text).toBe(`Check the ${c.field} above to continue.`);
      expect((await payButton(tab)).disabled).toBe(true);
      // Pressing Enter in the frame asks to submit; the form refuses it without a request.
      await focusField(tab, 'Security code');
      await tab.press('Enter');
      await snap(c.name);
      // Resource Timing lists every fetch the frame made: none went to complete-action.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await fetchedUrls(tab, CARD_FRAME)).filter((url) => url.includes('/complete-action'))).toEqual([]);
      expect((await sessionState(sites.vault.local, session)).next_action).toBe('tokenize_card');
    });
  }
});

test.describe('a merchant bug hands out a used session', () => {
  needs('intercept', 'answers the shop’s /api/checkout with an already completed session');
  test('a used session gives a clear message and no second token', async ({ tab, snap }) => {
    await openCheckout(tab, sites.shop.origin);
    const { session } = await frameParams(tab);
    await typeCard(tab, TEST_CARDS[0]);
    await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
    await tab.click(PAY_BUTTON);
    await expectReceipt(tab, TEST_CARDS[0].number, 'Visa');
    expect(await sessionState(sites.vault.local, session)).toMatchObject({ next_action: null, status: 'success' });

    await tab.fulfillJson(`${sites.shop.origin}/api/checkout`, { sessionId: session, vaultUrl: sites.vault.origin });
    await tab.goto(sites.shop.origin);
    await expect.poll(async () => (await elementState(tab, '#session-ended-text')).text, { timeout: 15_000 }).toMatch(/already been used/);
    expect((await elementState(tab, '#restart')).visible).toBe(true);
    // The form is gone, not just disabled: nothing invites the shopper to type a card again.
    expect((await payButton(tab)).visible).toBe(false);
    expect(await count(tab, 'iframe')).toBe(0);
    await snap('used-session');
  });
});

test('keyboard only: tab into the frame, type, Enter pays', async ({ tab, snap }) => {
  await openCheckout(tab, sites.shop.origin);
  // From the top of the page (nothing focused after load), Tab until the card number field has focus.
  for (let i = 0; i < 12; i++) {
    await tab.press('Tab');
    if ((await field(tab, 'Card number')).focused) break;
  }
  expect((await field(tab, 'Card number')).focused).toBe(true);
  await tab.type('4242424242424242');
  // Focus moves on by itself when a field is complete.
  await expect.poll(async () => (await field(tab, 'Expiry date')).focused).toBe(true);
  await tab.type(FUTURE_EXPIRY);
  await expect.poll(async () => (await field(tab, 'Security code')).focused).toBe(true);
  // Shift+Tab goes back a field inside the frame, and Tab returns.
  await tab.press('Shift+Tab');
  await expect.poll(async () => (await field(tab, 'Expiry date')).focused).toBe(true);
  await tab.press('Tab');
  await expect.poll(async () => (await field(tab, 'Security code')).focused).toBe(true);
  await tab.type('123');
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await tab.press('Enter');
  await expectReceipt(tab, '4242424242424242', 'Visa');
  await expect.poll(async () => (await elementState(tab, '#success-heading')).focused).toBe(true);
  await snap('keyboard-paid');
});

test('saved card: pay again re-collects only the CVC through a refresh session', async ({ tab, snap }) => {
  const amex = TEST_CARDS[2];
  await openCheckout(tab, sites.shop.origin);
  await typeCard(tab, amex);
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await tab.click(PAY_BUTTON);
  const tokenId = await expectReceipt(tab, amex.number, 'American Express');

  await tab.click('#pay-again');
  await expect.poll(async () => (await field(tab, 'Security code', CVC_FRAME)).editable, { timeout: 15_000 }).toBe(true);
  // Only the CVC: no number or expiry field, and the saved card is named.
  expect((await field(tab, 'Card number', CVC_FRAME)).exists).toBe(false);
  expect(await deepText(tab, CVC_FRAME)).toContain('•••• 0005');
  await snap('cvc-refresh-form');
  await typeInto(tab, 'Security code', '4321', CVC_FRAME);
  await expect.poll(async () => (await elementState(tab, '#cvc-pay')).disabled).toBe(false);
  await tab.click('#cvc-pay');
  await expect.poll(async () => (await elementState(tab, '#success-lead')).text, { timeout: 15_000 }).toMatch(/Paid again with your saved card/);
  expect((await elementState(tab, '#paid-token')).text).toBe(tokenId);
  expect((await elementState(tab, '#paid-cvc')).text).toBe('Held by the vault for this payment');
  await snap('cvc-refresh-paid');
});

test('dark appearance reaches the frame through the SDK style options', async ({ tab, snap }) => {
  await openCheckout(tab, sites.shop.origin);
  const color = () => computedStyle(tab, '#number-input', 'color', CARD_FRAME);
  const light = await color();
  await tab.click('#appearance-toggle');
  await expect.poll(() => tab.evaluate(() => document.documentElement.dataset.theme, undefined)).toBe('dark');
  await expect.poll(color).not.toBe(light);
  expect(await color()).toBe('rgb(232, 234, 238)');
  // The whole field group turns dark, not only the inputs.
  expect(await computedStyle(tab, '.group', 'background-color', CARD_FRAME)).toBe('rgb(28, 32, 39)');
  await typeCard(tab, TEST_CARDS[0]);
  await snap('dark-filled');
});
