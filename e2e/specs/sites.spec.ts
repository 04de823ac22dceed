import { expect, test } from '../fixtures/engine-test.ts';
import { staticLog } from '../fixtures/static-log.ts';
import { HOSTS, sites } from '../sites.ts';

// The e2e world's three sites, as each engine sees them: every name is a secure context (WebCrypto
// works, no flags), and the vault, the shop and the attacker are pairwise cross-site, not only
// cross-origin. The browser says so itself in the Sec-Fetch-Site header of a framed probe page.

test('vault, shop and attacker are secure contexts with WebCrypto', async ({ tab }) => {
  for (const origin of [sites.vault.origin, sites.shop.origin, sites.evil.origin]) {
    await tab.goto(`${origin}${origin === sites.vault.origin ? '/readyz' : '/'}`);
    const secure = await tab.evaluate(() => ({ secure: isSecureContext, subtle: typeof crypto.subtle?.encrypt === 'function' }), undefined);
    expect(secure, origin).toEqual({ secure: true, subtle: true });
  }
});

const pairs = [
  { name: 'shop → vault', top: sites.harness.origin, host: HOSTS.vault, expected: 'cross-site' },
  { name: 'attacker → vault', top: sites.evil.origin, host: HOSTS.vault, expected: 'cross-site' },
  { name: 'attacker → shop', top: sites.evil.origin, host: HOSTS.shop, expected: 'cross-site' },
  { name: 'vault → attacker', top: `http://${HOSTS.vault}:${sites.harness.port}`, host: HOSTS.attacker, expected: 'cross-site' },
  // The control: another port of the shop's own host is the same site, so the probe can tell them apart.
  { name: 'shop → another shop port (control)', top: sites.harness.origin, host: HOSTS.shop, expected: 'same-site' },
] as const;

for (const pair of pairs) {
  test(`${pair.name} is ${pair.expected}`, async ({ tab, engine }) => {
    // The probe is served by the attacker's static site, which listens on every loopback name.
    const id = `${engine}-${pair.name.replace(/\W+/g, '-')}-${Date.now()}`;
    const probe = `http://${pair.host}:${sites.evil.port}/probe.html?id=${id}`;
    await tab.goto(pair.top.endsWith(`:${sites.harness.port}`) ? `${pair.top}/index.html` : pair.top);
    await tab.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, probe);
    await expect.poll(async () => (await staticLog(sites.evil.local)).find((entry) => entry.path.endsWith(`id=${id}`))?.site).toBe(pair.expected);
  });
}
