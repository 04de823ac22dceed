import { FUTURE_EXPIRY, field } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { probeMount } from '../fixtures/mount-probe.ts';
import { createSession } from '../fixtures/vault-api.ts';
import { sites } from '../sites.ts';

// Programmatic focus from the merchant page reaches the field inside the frame in every engine
// (issue 9 §2). Before, WebKit ignored the frame's own focus() until the shopper had touched the
// frame: card.focus() left focus on the frame's body and keys typed next went nowhere.

async function mountedCard(tab: Parameters<typeof probeMount>[0]): Promise<void> {
  const session = await createSession(sites.vault.local);
  const probe = await probeMount(tab, sites.harness.origin, { vault: sites.vault.origin, session });
  expect(probe.outcome).toMatchObject({ ready: true });
}

test('card.focus() puts the caret in the card number field: the next keys land there', async ({ tab }) => {
  await mountedCard(tab);
  await tab.evaluate(() => (window as unknown as { card: { focus(field?: string): Promise<void> } }).card.focus(), undefined);
  await expect.poll(async () => (await field(tab, 'Card number')).focused).toBe(true);
  await tab.type('4242');
  await expect.poll(async () => (await field(tab, 'Card number')).value).toBe('4242');
  await tab.evaluate(() => (window as unknown as { card: { focus(field?: string): Promise<void> } }).card.focus('cvc'), undefined);
  await expect.poll(async () => (await field(tab, 'Security code')).focused).toBe(true);
  await tab.type('123');
  await expect.poll(async () => (await field(tab, 'Security code')).value).toBe('123');
});

test('a refused submit() focuses the first invalid field, so the shopper can type the fix at once', async ({ tab }) => {
  // The shopper has not touched the frame yet (the case WebKit refused): submit the empty form.
  await mountedCard(tab);
  const code = await tab.evaluate(
    () =>
      (window as unknown as { card: { submit(): Promise<unknown> } }).card.submit().then(
        () => 'resolved',
        (error: { code: string }) => error.code,
      ),
    undefined,
  );
  expect(code).toBe('NOT_COMPLETE');
  await expect.poll(async () => (await field(tab, 'Card number')).focused).toBe(true);
  expect(await tab.evaluate(() => document.activeElement?.tagName, undefined)).toBe('IFRAME');
  await tab.type('4242424242424242');
  await expect.poll(async () => (await field(tab, 'Card number')).value).toBe('4242 4242 4242 4242');
  // The form moves on by itself once the number is complete: the keys keep landing.
  await expect.poll(async () => (await field(tab, 'Expiry date')).focused).toBe(true);
  await tab.type(FUTURE_EXPIRY);
  await expect.poll(async () => (await field(tab, 'Expiry date')).value).not.toBe('');
});
