import { expectReceipt, frameParams, openCheckout, PAY_BUTTON, payButton, sessionState, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { elementState } from '../fixtures/page-state.ts';
import { sites } from '../sites.ts';

// Two vault processes over one Postgres + Redis: the shop's server creates the session on vault A,
// the shopper's browser loads the frame from vault B and completes it there, and the shop reads
// the token back from A.
test.skip(process.env.E2E_CLUSTER !== '1', 'PostgreSQL and Redis are not reachable on 127.0.0.1');

test('a session created through one vault is completed through the other', async ({ tab, snap }) => {
  await openCheckout(tab, sites.clusterShop.origin);
  const src = await tab.evaluate(() => document.querySelector('iframe')!.src, undefined);
  expect(new URL(src).origin).toBe(sites.clusterVaultB.origin);
  const { session } = await frameParams(tab);
  // Created on A, visible on B: one database.
  expect((await sessionState(sites.clusterVaultA.local, session)).next_action).toBe('tokenize_card');
  expect((await sessionState(sites.clusterVaultB.local, session)).next_action).toBe('tokenize_card');

  await typeCard(tab, TEST_CARDS[1]);
  await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
  await tab.click(PAY_BUTTON);
  await expectReceipt(tab, TEST_CARDS[1].number, 'Mastercard');
  // The CVC went to Redis through B and A sees it.
  expect((await elementState(tab, '#paid-cvc')).text).toBe('Held by the vault for this payment');
  expect(await sessionState(sites.clusterVaultA.local, session)).toMatchObject({ next_action: null, status: 'success' });
  await snap('cluster-paid');
});
