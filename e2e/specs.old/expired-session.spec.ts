import { expect, test } from '@playwright/test';
import { frameParams, openCheckout, payButton, snap, TEST_CARDS, typeCard } from '../fixtures/checkout.ts';
import { SHORT_SESSION_TTL_SECONDS, sites } from '../sites.ts';

// A second vault whose sessions live SHORT_SESSION_TTL_SECONDS, behind its own shop: the shopper
// fills the form, waits past the session's lifetime, and pays.
test('an expired session gives a clear message and creates no token', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const frame = await openCheckout(page, sites.shortShop.origin);
  const { session } = await frameParams(page);
  await typeCard(frame, TEST_CARDS[0]);
  await expect(payButton(page)).toBeEnabled();

  await expect
    .poll(async () => (await fetch(`${sites.shortVault.local}/api/sessions/${session}`)).status, {
      timeout: (SHORT_SESSION_TTL_SECONDS + 10) * 1000,
      intervals: [1000],
    })
    .not.toBe(200);

  await payButton(page).click();
  // SESSION_EXPIRED, or SESSION_NOT_FOUND once the vault's sweeper has removed the row.
  await expect(page.locator('#session-ended-text')).toHaveText(/timed out|no longer valid/);
  await expect(payButton(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start a new checkout' })).toBeVisible();
  await expect(page.locator('#view-success')).toBeHidden();
  await snap(page, testInfo, 'expired-session');

  // Still no token: the session was never completed (the vault reports it expired, not success).
  const state = await fetch(`${sites.shortVault.local}/api/sessions/${session}`);
  expect([404, 410]).toContain(state.status);
});
