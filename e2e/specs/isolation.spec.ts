import { CARD_FRAME, expectReceipt, focusField, frameParams, masked, openCheckout, PAY_BUTTON, payButton, typeCard } from '../fixtures/checkout.ts';
import { expect, test } from '../fixtures/engine-test.ts';
import { collectObserved, digitRuns } from '../fixtures/merchant-recorder.ts';
import { sites } from '../sites.ts';

// issue 3, "Shows it works": the merchant page records all it can see while a shopper pays;
// none of it holds the card number, the CVC, or any 6-digit run of the card. The recorder is the
// merchant page's own first script (servers/recording-proxy.mjs), so this runs in every engine;
// Chromium and Firefox add the browser's own request log and console.
const CARD = { number: '4000056655665556', cvc: '739' }; // Visa debit test number

for (const path of ['/', '/npm.html']) {
  test(`nothing the merchant origin sees contains card data (${path})`, async ({ tab, snap }, testInfo) => {
    await openCheckout(tab, `${sites.recordedShop.origin}${path}`);
    const { session, channel } = await frameParams(tab);
    await typeCard(tab, CARD);
    await tab.press('Tab');
    await focusField(tab, 'Card number', CARD_FRAME);
    await expect.poll(async () => (await payButton(tab)).disabled).toBe(false);
    await tab.click(PAY_BUTTON);
    const tokenId = await expectReceipt(tab, CARD.number, 'Visa');
    await snap(`isolation-${path === '/' ? 'script-tag' : 'npm'}`);

    const observed = await collectObserved(tab);
    // The recorders did record: the handshake, the change events, the API calls, the receipt.
    expect(observed.messages.some((m) => m.includes('cardframe:hello'))).toBe(true);
    expect(observed.messages.some((m) => m.includes('"complete":true'))).toBe(true);
    expect(observed.network.some((n) => n.includes('/api/pay'))).toBe(true);
    expect(observed.dom.join('\n')).toContain(masked(CARD.number));
    await testInfo.attach('observed.json', { body: JSON.stringify(observed, null, 2), contentType: 'application/json' });

    // Values the merchant is meant to see are cut out first: the masked number the vault returns
    // (first six and last four, by Guardian's design) and the random ids (which could hold digits).
    const allowed = [masked(CARD.number), tokenId, session, channel];
    for (const [channelName, lines] of Object.entries(observed)) {
      const text = allowed.reduce((acc, value) => acc.split(value).join('[allowed]'), (lines as string[]).join('\n'));
      expect(text, `${channelName} holds the PAN`).not.toContain(CARD.number);
      for (const run of digitRuns(CARD.number)) expect(text, `${channelName} holds the digit run ${run}`).not.toContain(run);
      expect(text, `${channelName} holds the CVC`).not.toMatch(new RegExp(`(^|\\D)${CARD.cvc}(\\D|$)`));
    }
  });
}
