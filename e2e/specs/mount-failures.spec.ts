import { CARD_FRAME } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { lanAddress, probeMount } from '../fixtures/mount-probe.ts';
import { deepText } from '../fixtures/page-state.ts';
import { createSession } from '../fixtures/vault-api.ts';
import type { Tab } from '../driver/types.ts';
import { sites } from '../sites.ts';

/**
 * How many times the SDK asked the vault whether this page's origin is allowed: from the requests the runner saw where
 * the engine's automation shows them, else from the page's Resource Timing (WebKit). Chromium gives no timing entry to a
 * fetch whose body is never read, and the SDK reads only the status.
 */
const originChecks = async (tab: Tab): Promise<number> =>
  tab.has('network')
    ? tab.requests().filter((request) => new URL(request.url).pathname === '/frame/v1/allowed').length
    : tab.evaluate(() => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/frame/v1/allowed').length, undefined);

// Failures a merchant used to meet as a silent wait or a misleading message (issue 9 §2), each
// now a CardframeError code from mount() and one `error` event, in every engine.

test('a merchant origin missing from CARDFRAME_ALLOWED_ORIGINS is told so within 2 s, naming the setting', async ({ tab }) => {
  // The attacker's site stands in for a merchant the vault does not list. Before: 15 s of nothing,
  // then FRAME_LOAD_FAILED "did not load in time" (frame-ancestors blocks the frame, which cannot say why).
  const session = await createSession(sites.vault.local);
  const probe = await probeMount(tab, sites.evil.origin, { vault: sites.vault.origin, session });
  expect(probe.outcome).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED', message: `${sites.evil.origin} is not in CARDFRAME_ALLOWED_ORIGINS` });
  expect((probe.outcome as { ms: number }).ms).toBeLessThan(2_500);
  expect(probe.errors).toEqual(['ORIGIN_NOT_ALLOWED']);
  // The control for the next test: the page's Resource Timing does show the SDK's question (once its response is in).
  await expect.poll(() => originChecks(tab)).toBe(1);
  // The page learns one bit about itself: nothing of the allowed list.
  expect(JSON.stringify(probe)).not.toContain(String(sites.shop.port));
  expect(JSON.stringify(probe)).not.toContain(String(sites.harness.port));
});

test('the same page on an allowed origin mounts, and the vault is never asked', async ({ tab }) => {
  const session = await createSession(sites.vault.local);
  const probe = await probeMount(tab, sites.harness.origin, { vault: sites.vault.origin, session });
  expect(probe.outcome).toMatchObject({ ready: true });
  expect(probe.errors).toEqual([]);
  // The SDK asks the vault only when its frame is still silent after 1 s; past that mark, there is no such request.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await originChecks(tab)).toBe(0);
});

test('a vault on plain http at a real host name fails mount() at once with VAULT_NOT_HTTPS, before any card is typed', async ({ tab }) => {
  // Before: the form showed, took a whole card, and then said "The card could not be saved".
  const insecureVault = `http://${lanAddress()}:${sites.vault.port}`;
  const session = await createSession(sites.vault.local);
  const probe = await probeMount(tab, sites.harness.origin, { vault: insecureVault, session });
  expect(probe.outcome).toMatchObject({ code: 'VAULT_NOT_HTTPS', message: expect.stringContaining('serve the vault over https') });
  expect((probe.outcome as { ms: number }).ms).toBeLessThan(5_000);
  expect(probe.errors).toEqual(['VAULT_NOT_HTTPS']);
  // The shopper sees a message in the frame, not a form.
  expect(await deepText(tab, CARD_FRAME)).toContain('This payment form is not available right now.');
  expect(await tab.evaluate(() => document.querySelector('cardframe-card-form') === null, undefined, CARD_FRAME)).toBe(true);
});
