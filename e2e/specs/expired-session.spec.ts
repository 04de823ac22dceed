import { elementState } from '../fixtures/page-state.ts';
import { frameParams, openCheckout, PAY_BUTTON, payButton, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { SHORT_SESSION_TTL_SECONDS, sites } from '../sites.ts';

// A second vault whose sessions live SHORT_SESSION_TTL_SECONDS, behind its own shop: the shopper
// fills the form, waits past the session's lifetime, and pays.
test('an expired session gives a clear message and creates no token', async ({ tab, snap }) => {
  test.setTimeout(90_000);
  await openCheckout(tab, sites.shortShop.origin);
  const { session } = await frameParams(tab);
  await typeCard(tab, TEST_CARDS[0]);
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
  expect((await payButton(tab)).visible).toBe(false);
  expect((await elementState(tab, '#restart')).visible).toBe(true);
  expect((await elementState(tab, '#view-success')).visible).toBe(false);
  await snap('expired-session');

  // Still no token: the session was never completed (the vault reports it expired, not success).
  const state = await fetch(`${sites.shortVault.local}/api/sessions/${session}`);
  expect([404, 410]).toContain(state.status);
});
