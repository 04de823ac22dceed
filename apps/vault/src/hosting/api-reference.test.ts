import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../../tools/chromium.ts';
import { createTestVault, type TestVault } from '../test/test-vault.ts';
import { API_REFERENCE_CSP, redocBundle } from './api-reference-routes.ts';

let vault: TestVault;
let browser: Browser | undefined;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => {
  await browser?.close();
  await vault.close();
});

describe('GET /docs, the API reference', () => {
  it('is a page with no inline script under a CSP that allows only the vault itself for scripts and connections', async () => {
    const res = await vault.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(API_REFERENCE_CSP);
    expect(API_REFERENCE_CSP).toContain("script-src 'self';");
    expect(API_REFERENCE_CSP).not.toMatch(/unsafe-eval|https?:/);
    for (const tag of res.body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/ src="\/docs\//);
    const bundle = await vault.app.inject({ method: 'GET', url: '/docs/redoc.standalone.js', headers: { 'accept-encoding': 'identity' } });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.rawPayload.length).toBeGreaterThan(100_000);
    expect(redocBundle()).toBeDefined();
    // Nothing in it reaches for Redocly's CDN.
    expect(bundle.body).not.toContain('cdn.redoc.ly');
  });

  // One real render: the reference must work under its own CSP, not just be served.
  it.skipIf(process.env.CARDFRAME_TEST_BACKEND === 'postgres')(
    'renders every operation in Chromium with no CSP violation',
    async () => {
      await vault.app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(vault.app.server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
      await page.addInitScript({
        content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused by CSP: ' + e.violatedDirective + ' ' + e.blockedURI));",
      });
      await page.goto(`${base}/docs`);
      await page
        .getByRole('heading', { name: /Guardian API/ })
        .first()
        .waitFor({ timeout: 30_000 });
      const spec = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { summary?: string }>> };
      const summaries = Object.values(spec.paths).flatMap((ops) =>
        Object.values(ops)
          .map((op) => op.summary)
          .filter(Boolean),
      );
      expect(summaries.length).toBeGreaterThan(10);
      const text = (await page.locator('body').textContent()) ?? '';
      for (const summary of summaries) expect(text).toContain(summary);
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
