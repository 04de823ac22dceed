import type { Tab } from '../driver/types.ts';
import { BRAND_NAMES, expectReceipt, FUTURE_EXPIRY, masked, TEST_CARDS } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { collectObserved, digitRuns } from '../fixtures/merchant-recorder.ts';
import { elementState } from '../fixtures/page-state.ts';
import { type SplitFrames, typeInField } from '../fixtures/split-card.ts';
import { sites } from '../sites.ts';

// issue 11 §1: the demo's split-field page (apps/demo/web/split.html) pays with four frames, one
// per field, for every brand the combined element pays with; and the merchant page sees no digit.
// Runs in all three engines: input is pointer presses and keys, and the recorder is the merchant
// page's own first script (servers/recording-proxy.mjs on sites.recordedShop), not an init script.
const FRAMES = {
  number: ['#split-number iframe'],
  expiry: ['#split-expiry iframe'],
  cvc: ['#split-cvc iframe'],
  name: ['#split-name iframe'],
} as const satisfies SplitFrames;

const typeIn = (tab: Tab, field: keyof SplitFrames, text: string) => typeInField(tab, FRAMES, field, text);

/** Types a card into the four frames and pays; returns the random ids of the frames' fragments (session, channel, group). */
async function paySplit(tab: Tab, shopOrigin: string, card: { number: string; cvc: string }): Promise<string[]> {
  await tab.goto(`${shopOrigin}/split.html`);
  await typeIn(tab, 'number', card.number);
  await typeIn(tab, 'expiry', FUTURE_EXPIRY);
  await typeIn(tab, 'cvc', card.cvc);
  await typeIn(tab, 'name', 'Ada Lovelace');
  await expect.poll(async () => (await elementState(tab, '#split-pay')).disabled, { timeout: 10_000 }).toBe(false);
  const ids: string[] = [];
  for (const frame of Object.values(FRAMES)) {
    const hash = await tab.evaluate(() => location.hash, undefined, frame);
    for (const [key, value] of new URLSearchParams(hash.slice(1))) if (key !== 'origin' && key !== 'field') ids.push(value);
  }
  await tab.click('#split-pay');
  return ids;
}

for (const card of TEST_CARDS) {
  test(`split fields pay with ${card.brand}`, async ({ tab }) => {
    await paySplit(tab, sites.shop.origin, card);
    await expectReceipt(tab, card.number, BRAND_NAMES[card.brand]!);
  });
}

test.describe('what the merchant page sees', () => {
  test('nothing the merchant origin sees while the split fields exchange the card holds card data', async ({ tab }, testInfo) => {
    const card = { number: '378282246310005', cvc: '7391' };
    // The random ids in the frames' fragments (session, channel, group) are the merchant's to see: cut them first.
    const ids = await paySplit(tab, sites.recordedShop.origin, card);
    const tokenId = await expectReceipt(tab, card.number, 'American Express');
    const observed = await collectObserved(tab);
    // The recorder did record: the group's coarse state reached the page, the shop called its API.
    expect(observed.messages.some((m) => m.includes('"complete":true'))).toBe(true);
    expect(observed.network.some((n) => n.includes('/api/pay'))).toBe(true);
    await testInfo.attach('observed.json', { body: JSON.stringify(observed, null, 2), contentType: 'application/json' });
    // The name is not cut or checked: the merchant's server reads it back with the token (Guardian's
    // `cardholder_name`), so the shop may show it; the invariant is the number and the CVC.
    const allowed = [masked(card.number), tokenId, ...ids];
    for (const [channelName, lines] of Object.entries(observed)) {
      const text = allowed.reduce((acc, value) => acc.split(value).join('[allowed]'), (lines as string[]).join('\n'));
      expect(text, `${channelName} holds the PAN`).not.toContain(card.number);
      for (const run of digitRuns(card.number)) expect(text, `${channelName} holds the digit run ${run}`).not.toContain(run);
      expect(text, `${channelName} holds the CVC`).not.toMatch(new RegExp(`(^|\\D)${card.cvc}(\\D|$)`));
    }
  });
});
