import { BRAND_NAMES, expectReceipt, openCheckout, PAY_BUTTON, payButton, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { count, elementState } from '../fixtures/page-state.ts';
import { sites } from '../sites.ts';

// The shopper's journey through the demo shop: a real vault on localhost, the shop on 127.0.0.1.

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
