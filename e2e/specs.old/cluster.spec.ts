import { expect, test } from '@playwright/test';
import { expectReceipt, frameParams, openCheckout, payButton, sessionState, snap, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { sites } from '../sites.ts';

// Two vault processes over one Postgres + Redis: the shop's server creates the session on vault A
// (4110), the shopper's browser loads the frame from vault B (4111) and completes it there, and
// the shop reads the token back from A.
test.skip(process.env.E2E_CLUSTER !== '1', 'PostgreSQL and Redis are not reachable on 127.0.0.1');

test('a session created through one vault is completed through the other', async ({ page }, testInfo) => {
  const frame = await openCheckout(page, sites.clusterShop.origin);
  expect(new URL((await page.locator('iframe').first().getAttribute('src'))!).origin).toBe(sites.clusterVaultB.origin);
  const { session } = await frameParams(page);
  // Created on A, visible on B: one database.
  expect((await sessionState(sites.clusterVaultA.local, session)).next_action).toBe('tokenize_card');
  expect((await sessionState(sites.clusterVaultB.local, session)).next_action).toBe('tokenize_card');

  await typeCard(frame, TEST_CARDS[1]);
  await payButton(page).click();
  await expectReceipt(page, TEST_CARDS[1].number, 'Mastercard');
  // The CVC went to Redis through B and A sees it.
  await expect(page.locator('#paid-cvc')).toHaveText('Held by the vault for this payment');
  expect(await sessionState(sites.clusterVaultA.local, session)).toMatchObject({ next_action: null, status: 'success' });
  await snap(page, testInfo, 'cluster-paid');
});
