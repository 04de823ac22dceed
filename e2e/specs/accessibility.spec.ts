import { axeViolations } from '../fixtures/axe.ts';
import { CARD_FRAME, field, focusField, openCheckout, typeInto } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { elementState } from '../fixtures/page-state.ts';
import { sites } from '../sites.ts';

// axe-core, WCAG 2.0/2.1/2.2 A and AA, on the demo's checkout and inside the card frame, in the
// states a shopper meets there; the form's own states are covered in card-form.a11y.test.ts.

/** Both documents: the merchant's page and the vault's frame. */
async function expectNoViolations(tab: Parameters<typeof axeViolations>[0]): Promise<void> {
  expect(await axeViolations(tab), 'checkout page').toEqual([]);
  expect(await axeViolations(tab, CARD_FRAME), 'card frame').toEqual([]);
}

test('empty checkout: 0 violations on the page and in the frame; axe does run in both (a planted fault is found)', async ({ tab }) => {
  await openCheckout(tab, sites.shop.origin);
  await expectNoViolations(tab);
  // Control: an unlabelled input planted in each document is reported, so "0" above is not vacuous.
  const plant = () => void document.body.append(document.createElement('input'));
  await tab.evaluate(plant, undefined);
  await tab.evaluate(plant, undefined, CARD_FRAME);
  expect((await axeViolations(tab)).join('\n')).toMatch(/^label /m);
  expect((await axeViolations(tab, CARD_FRAME)).join('\n')).toMatch(/^label /m);
});

test('Enter on an incomplete form shows and announces every error and focuses the first invalid field: 0 violations', async ({ tab }) => {
  await openCheckout(tab, sites.shop.origin);
  await typeInto(tab, 'Expiry date', '1');
  await tab.press('Enter');
  await expect.poll(async () => (await elementState(tab, '#number-error', CARD_FRAME)).text).toBe('Your card number is incomplete.');
  expect((await elementState(tab, '#expiry-error', CARD_FRAME)).text).toBe('Your card’s expiry date is incomplete.');
  await expect.poll(async () => (await field(tab, 'Card number')).focused, { message: 'the first invalid field has focus' }).toBe(true);
  const announced = await tab.evaluate(
    () => document.querySelector('cardframe-card-form')?.shadowRoot?.querySelector('[aria-live]')?.textContent?.trim(),
    undefined,
    CARD_FRAME,
  );
  expect(announced).toBe('Your card number is incomplete.');
  await expectNoViolations(tab);
});

test('an invalid number flagged as its last digit lands, on the dark appearance: 0 violations', async ({ tab }) => {
  await openCheckout(tab, sites.shop.origin);
  await tab.click('#appearance-toggle');
  await expect.poll(() => tab.evaluate(() => document.documentElement.dataset.theme, undefined)).toBe('dark');
  await typeInto(tab, 'Card number', '4242424242424241');
  await expect.poll(async () => (await elementState(tab, '#number-error', CARD_FRAME)).text).toBe('Your card number is invalid.');
  await focusField(tab, 'Security code');
  await expectNoViolations(tab);
});
