import { expect, test } from '@playwright/test';
import {
  BRAND_NAMES,
  cardFrame,
  expectReceipt,
  frameParams,
  FUTURE_EXPIRY,
  MAESTRO,
  openCheckout,
  PAST_EXPIRY,
  payButton,
  sessionState,
  snap,
  TEST_CARDS,
  typeCard,
} from '../fixtures/checkout.ts';
import { sites } from '../sites.ts';

// The shopper's journey through the demo shop: a real vault on vault.test, the shop on shop.test.

test.describe('checkout happy path per brand', () => {
  for (const card of TEST_CARDS) {
    test(`${card.brand}: the shop's server reads back the masked card and scheme`, async ({ page }, testInfo) => {
      const frame = await openCheckout(page, sites.shop.origin);
      await expect(payButton(page)).toBeDisabled();
      await typeCard(frame, card);
      await expect(payButton(page)).toBeEnabled();
      await expect(page.locator(`.brand-chip.active`)).toHaveCount(['visa', 'mastercard', 'american express', 'discover', 'jcb'].includes(card.brand) ? 1 : 0);
      await snap(page, testInfo, `${card.brand}-filled`);
      await payButton(page).click();
      await expectReceipt(page, card.number, BRAND_NAMES[card.brand]!);
      await expect(page.locator('#paid-cvc')).toHaveText('Held by the vault for this payment');
      await snap(page, testInfo, `${card.brand}-paid`);
    });
  }
});

test('unionpay typed digit by digit keeps focus until all 16 digits are in', async ({ page }) => {
  // UnionPay runs 14–19 digits with no Luhn check, so 14 digits already look complete; the form
  // must not move on there, or the last digits would land in the expiry field.
  const frame = await openCheckout(page, sites.shop.origin);
  await frame.getByLabel('Card number').pressSequentially('6200000000000005', { delay: 5 });
  await expect(frame.getByLabel('Card number')).toHaveValue('6200 0000 0000 0005');
  await expect(frame.getByLabel('Card number')).toBeFocused();
  await expect(frame.getByLabel('Expiry date')).toHaveValue('');
});

test('the npm build of the checkout tokenizes the same way', async ({ page }, testInfo) => {
  const frame = await openCheckout(page, `${sites.shop.origin}/npm.html`);
  await typeCard(frame, TEST_CARDS[0]);
  // Hold the frame's request to the vault so the tokenizing state can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/complete-action', async (route) => {
    await held;
    await route.continue();
  });
  await payButton(page).click();
  await expect(payButton(page)).toHaveClass(/busy/);
  await expect(page.locator('#pay-button .spinner')).toBeVisible();
  await expect(payButton(page)).toBeDisabled();
  await snap(page, testInfo, 'npm-tokenizing');
  release();
  await expectReceipt(page, TEST_CARDS[0].number, 'Visa');
  await expect(payButton(page)).not.toHaveClass(/busy/);
  await snap(page, testInfo, 'npm-paid');
});

test.describe('refusals the shopper sees, with no token created', () => {
  // Any complete-action call would mean the frame tried to tokenize a card it should refuse.
  let tokenizations: string[] = [];
  test.beforeEach(async ({ page }) => {
    tokenizations = [];
    page.on('request', (request) => {
      if (request.url().includes('/complete-action')) tokenizations.push(request.url());
    });
  });

  const cases = [
    { name: 'invalid number (Luhn)', number: '4242424242424241', expiry: FUTURE_EXPIRY, text: 'Your card number is invalid.', field: 'card number' },
    { name: 'past expiry', number: '4242424242424242', expiry: PAST_EXPIRY, text: /expiry date is invalid or in the past/, field: 'expiry date' },
    { name: 'unsupported scheme (Maestro)', number: MAESTRO, expiry: FUTURE_EXPIRY, text: 'This card brand is not accepted.', field: 'card number' },
  ];
  for (const c of cases) {
    test(c.name, async ({ page }, testInfo) => {
      const frame = await openCheckout(page, sites.shop.origin);
      const { session } = await frameParams(page);
      await frame.getByLabel('Card number').pressSequentially(c.number, { delay: 5 });
      await frame.getByLabel('Expiry date').pressSequentially(c.expiry, { delay: 5 });
      await frame.getByLabel('Security code').pressSequentially('123', { delay: 5 });
      await frame.getByLabel('Security code').blur();
      // The frame shows the message by the field; the shop, from the change event, says what Pay waits for.
      await expect(frame.locator(`#${c.field === 'card number' ? 'number' : 'expiry'}-error`)).toHaveText(c.text);
      await expect(page.locator('#pay-hint')).toHaveText(`Check the ${c.field} above to continue.`);
      await expect(payButton(page)).toBeDisabled();
      // Pressing Enter in the frame asks to submit; the form refuses it without a request.
      await frame.getByLabel('Security code').press('Enter');
      await snap(page, testInfo, c.name);
      expect(tokenizations).toEqual([]);
      expect((await sessionState(sites.vault.local, session)).next_action).toBe('tokenize_card');
    });
  }
});

test('a used session gives a clear message and no second token', async ({ page }, testInfo) => {
  const frame = await openCheckout(page, sites.shop.origin);
  const { session } = await frameParams(page);
  await typeCard(frame, TEST_CARDS[0]);
  await payButton(page).click();
  await expectReceipt(page, TEST_CARDS[0].number, 'Visa');
  expect(await sessionState(sites.vault.local, session)).toMatchObject({ next_action: null, status: 'success' });

  // A merchant bug: the shop hands out the same, already completed session again.
  await page.route(`${sites.shop.origin}/api/checkout`, (route) =>
    route.fulfill({ json: { sessionId: session, vaultUrl: sites.vault.origin } }),
  );
  await page.goto(sites.shop.origin);
  await expect(page.locator('#session-ended-text')).toHaveText(/already been used/);
  await expect(page.getByRole('button', { name: 'Start a new checkout' })).toBeVisible();
  // The form is gone, not just disabled: nothing invites the shopper to type a card again.
  await expect(payButton(page)).toBeHidden();
  await expect(page.locator('iframe')).toHaveCount(0);
  await snap(page, testInfo, 'used-session');
});

test('keyboard only: tab into the frame, type, Enter pays', async ({ page }, testInfo) => {
  await openCheckout(page, sites.shop.origin);
  const frame = cardFrame(page);
  // From the top of the page, Tab until the card number field has focus.
  await page.locator('body').focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (await frame.getByLabel('Card number').evaluate((el) => el === (el.getRootNode() as ShadowRoot | Document).activeElement)) break;
  }
  await expect(frame.getByLabel('Card number')).toBeFocused();
  await page.keyboard.type('4242424242424242', { delay: 5 });
  // Focus moves on by itself when a field is complete.
  await expect(frame.getByLabel('Expiry date')).toBeFocused();
  await page.keyboard.type(FUTURE_EXPIRY, { delay: 5 });
  await expect(frame.getByLabel('Security code')).toBeFocused();
  await page.keyboard.type('123', { delay: 5 });
  await expect(payButton(page)).toBeEnabled();
  await page.keyboard.press('Enter');
  await expectReceipt(page, '4242424242424242', 'Visa');
  await expect(page.locator('#success-heading')).toBeFocused();
  await snap(page, testInfo, 'keyboard-paid');
});

test('saved card: pay again re-collects only the CVC through a refresh session', async ({ page }, testInfo) => {
  const amex = TEST_CARDS[2];
  const frame = await openCheckout(page, sites.shop.origin);
  await typeCard(frame, amex);
  await payButton(page).click();
  const tokenId = await expectReceipt(page, amex.number, 'American Express');

  await page.getByRole('button', { name: 'Pay again with saved card' }).click();
  const cvcFrame = page.locator('#cvc-slot').frameLocator(`iframe`);
  await expect(cvcFrame.getByLabel('Security code')).toBeEditable();
  // Only the CVC: no number or expiry field, and the saved card is named.
  await expect(cvcFrame.getByLabel('Card number')).toHaveCount(0);
  await expect(cvcFrame.getByText('•••• 0005')).toBeVisible();
  await snap(page, testInfo, 'cvc-refresh-form');
  await cvcFrame.getByLabel('Security code').pressSequentially('4321', { delay: 5 });
  await expect(page.locator('#cvc-pay')).toBeEnabled();
  await page.locator('#cvc-pay').click();
  await expect(page.locator('#success-lead')).toHaveText(/Paid again with your saved card/);
  await expect(page.locator('#paid-token')).toHaveText(tokenId);
  await expect(page.locator('#paid-cvc')).toHaveText('Held by the vault for this payment');
  await snap(page, testInfo, 'cvc-refresh-paid');
});

test('dark appearance reaches the frame through the SDK style options', async ({ page }, testInfo) => {
  const frame = await openCheckout(page, sites.shop.origin);
  const color = () => frame.getByLabel('Card number').evaluate((el) => getComputedStyle(el).color);
  const light = await color();
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(color).not.toBe(light);
  expect(await color()).toBe('rgb(232, 234, 238)');
  // The whole field group turns dark, not only the inputs.
  const surface = await frame.locator('.group').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(surface).toBe('rgb(28, 32, 39)');
  await typeCard(frame, TEST_CARDS[0]);
  await snap(page, testInfo, 'dark-filled');
});
