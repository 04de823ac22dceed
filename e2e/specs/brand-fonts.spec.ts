import { expect, test } from '../fixtures/engine-test.ts';
import { staticLog } from '../fixtures/static-log.ts';
import { createSession } from '../fixtures/vault-api.ts';
import type { Tab } from '../driver/types.ts';
import { sites } from '../sites.ts';

// issue 10 §3: a merchant's brand font reaches the card form under the frame's strict CSP. The main vault lists the
// harness site in CARDFRAME_FONT_ORIGINS and serves e2e/fixtures/fonts as CARDFRAME_FONT_DIR (playwright.config.ts);
// the attacker's site is listed nowhere. Every test runs in Chromium, Firefox and WebKit.

const FRAME = ['#card iframe'] as const;
const FONT_FILE = 'fonts/open-sans-regular.woff2';

type Page = {
  cardframe: { card: (o: object) => { mount: (s: string) => Promise<void>; on: (t: string, f: (e: { code: string; message: string }) => void) => void } };
};

/** The SDK on the merchant harness page, a card mounted with `options`; the frame's `error` events are kept in `window.errors`. */
async function mountWith(tab: Tab, options: object): Promise<string> {
  const session = await createSession(sites.vault.local);
  await tab.goto(`${sites.harness.origin}/sdk-page.html#${new URLSearchParams({ vault: sites.vault.origin, session })}`);
  await expect.poll(() => tab.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady, undefined), { timeout: 15_000 }).toBe(true);
  return tab.evaluate(async (opts) => {
    const w = window as unknown as Page & { errors: { code: string; message: string }[] };
    w.errors = [];
    const card = w.cardframe.card(opts);
    card.on('error', (e) => w.errors.push({ code: e.code, message: e.message }));
    return card.mount('#card').then(
      () => 'mounted',
      (e: { code: string }) => e.code,
    );
  }, options);
}

const pageErrors = (tab: Tab) => tab.evaluate(() => (window as unknown as { errors: { code: string; message: string }[] }).errors, undefined);

/** Inside the card frame: each face's status, what the number field and its label are drawn in, and whether it differs from monospace. */
const frameFonts = (tab: Tab) =>
  tab.evaluate(
    async () => {
      await document.fonts.ready;
      const form = document.querySelector('cardframe-card-form')!;
      const input = form.shadowRoot!.querySelector('#number-input')!;
      const label = form.shadowRoot!.querySelector('label')!;
      const width = (family: string) => {
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `16px ${family}`;
        return context.measureText('iiiiiiiiii').width;
      };
      return {
        faces: [...document.fonts].map((face) => `${face.family.replace(/"/g, '')}:${face.status}`).sort(),
        input: getComputedStyle(input).fontFamily,
        label: getComputedStyle(label).fontFamily,
        drawnInBrand: width('"E2E Brand", monospace') !== width('monospace'),
        drawnInOwn: width('"E2E Own", monospace') !== width('monospace'),
      };
    },
    undefined,
    FRAME,
  );

test('a font from an allowlisted origin and one the vault serves are applied to the fields and labels', async ({ tab, snap }) => {
  const outcome = await mountWith(tab, {
    fonts: [
      { family: 'E2E Brand', src: `${sites.harness.origin}/${FONT_FILE}`, weight: '400' },
      { family: 'E2E Own', src: '/frame/v1/fonts/open-sans-regular.woff2' },
    ],
    style: { base: { fontFamily: '"E2E Brand", monospace' } },
  });
  expect(outcome).toBe('mounted');
  await expect.poll(async () => (await frameFonts(tab)).faces, { timeout: 10_000 }).toEqual(['E2E Brand:loaded', 'E2E Own:loaded']);
  const fonts = await frameFonts(tab);
  expect(fonts.input).toContain('E2E Brand');
  expect(fonts.label).toContain('E2E Brand');
  expect(fonts).toMatchObject({ drawnInBrand: true, drawnInOwn: true });
  expect(await tab.evaluate(() => document.fonts.check('16px "E2E Brand"'), undefined, FRAME)).toBe(true);
  expect(await pageErrors(tab)).toEqual([]);
  // The font host saw the font request and nothing else: no card data, no referrer-carried page URL.
  const fetched = (await staticLog(sites.harness.local)).filter((entry) => entry.path.startsWith('/fonts/'));
  expect(fetched.map((entry) => entry.path)).toContain(`/${FONT_FILE}`);
  expect(fetched.every((entry) => entry.path === `/${FONT_FILE}`)).toBe(true);
  await snap('brand-font');
});
