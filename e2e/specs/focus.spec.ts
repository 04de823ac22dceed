import { FUTURE_EXPIRY, field } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { probeMount } from '../fixtures/mount-probe.ts';
import { createSession } from '../fixtures/vault-api.ts';
import { sites } from '../sites.ts';

// Programmatic focus from the merchant page reaches the field inside the frame in every engine
// (issue 9 §2). Before, WebKit ignored the frame's own focus() until the shopper had touched the
// frame: card.focus() left focus on the frame's body and keys typed next went nowhere.
//
// Now the SDK focuses the iframe element (which WebKit allows the page), so keys go to the frame;
// Chromium and Firefox put the caret in the field at once. WebKit still refuses the input's
// scripted focus until a user gesture in the frame, so there the field takes focus on the
// shopper's first key press, before that key lands (card-form focusField): the text goes where
// the merchant asked in all three, which is what these specs type to prove.

/** The merchant page's focus: the iframe element (so the frame gets the keys). */
const frameHasPageFocus = (tab: Parameters<typeof probeMount>[0]) => tab.evaluate(() => document.activeElement?.tagName, undefined);

async function mountedCard(tab: Parameters<typeof probeMount>[0]): Promise<void> {
  const session = await createSession(sites.vault.local);
  const probe = await probeMount(tab, sites.harness.origin, { vault: sites.vault.origin, session });
  expect(probe.outcome).toMatchObject({ ready: true });
}

test('card.focus() puts the caret in the card number field: the next keys land there', async ({ tab, engine }) => {
  await mountedCard(tab);
  await tab.evaluate(() => (window as unknown as { card: { focus(field?: string): Promise<void> } }).card.focus(), undefined);
  expect(await frameHasPageFocus(tab)).toBe('IFRAME');
  if (engine !== 'webkit') await expect.poll(async () => (await field(tab, 'Card number')).focused).toBe(true);
  await tab.type('4242');
  expect((await field(tab, 'Card number')).focused).toBe(true);
  await expect.poll(async () => (await field(tab, 'Card number')).value).toBe('4242');
  await tab.evaluate(() => (window as unknown as { card: { focus(field?: string): Promise<void> } }).card.focus('cvc'), undefined);
  // A second focus() after the shopper typed: every engine now moves the caret at once.
  await expect.poll(async () => (await field(tab, 'Security code')).focused).toBe(true);
  await tab.type('123');
  await expect.poll(async () => (await field(tab, 'Security code')).value).toBe('123');
});

test('a refused submit() focuses the first invalid field, so the shopper can type the fix at once', async ({ tab, engine }) => {
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
  await expect.poll(() => frameHasPageFocus(tab)).toBe('IFRAME');
  if (engine !== 'webkit') await expect.poll(async () => (await field(tab, 'Card number')).focused).toBe(true);
  await tab.type('4242424242424242');
  await expect.poll(async () => (await field(tab, 'Card number')).value).toBe('4242 4242 4242 4242');
  // The form moves on by itself once the number is complete: the keys keep landing.
  await expect.poll(async () => (await field(tab, 'Expiry date')).focused).toBe(true);
  await tab.type(FUTURE_EXPIRY);
  await expect.poll(async () => (await field(tab, 'Expiry date')).value).not.toBe('');
});
