import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../../tools/chromium.ts';
import { admin, createSessionId, createTestVault, FUTURE_YEAR, type TestVault } from '../test/test-vault.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const built = ['packages/frame/dist/card.html', 'packages/sdk/dist/sri.json'].every((f) => existsSync(path.join(root, f)));

/** The README's code blocks, verbatim: the merchant page, its script, and the page CSP of the security section. */
function readmeSnippets() {
  const section = readme.slice(readme.indexOf('<!-- sri:start -->'), readme.indexOf('<!-- sri:end -->'));
  const html = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  const js = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const csp = /```\nContent-Security-Policy: ([\s\S]*?)\n```/.exec(readme)?.[1]?.replace(/\s*\n\s*/g, ' ');
  if (!html || !js || !csp) throw new Error('README: the script-tag snippet or the page CSP block is missing');
  return { html, js, csp };
}

let vault: TestVault;
let shop: Server;
let browser: Browser;
let shopUrl: string;
let vaultUrl: string;
const paid: string[] = [];
let page = '';
let script = '';
let csp = '';

const listen = (server: Server) => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));

// The README promises this snippet runs under that CSP with no 'unsafe-inline' and no nonce: load both, verbatim
// (only the vault's address and the session id filled in), in real Chromium, and pay.
describe.skipIf(process.env.CARDFRAME_TEST_BACKEND === 'postgres' || !built)('the README snippet under the README CSP', () => {
  beforeAll(async () => {
    shop = createServer((request, response) => {
      if (request.url === '/checkout.html') {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp })
          .end(`<!doctype html><meta charset="utf-8"><title>checkout</title>\n${page}`);
      } else if (request.url === '/checkout.js') {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      } else if (request.url === '/api/pay' && request.method === 'POST') {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          paid.push((JSON.parse(body) as { tokenId: string }).tokenId);
          response.writeHead(204).end();
        });
      } else response.writeHead(404).end();
    });
    shopUrl = `http://127.0.0.1:${await listen(shop)}`;
    vault = await createTestVault({
      allowedOrigins: [shopUrl],
      frameDir: path.join(root, 'packages/frame/dist'),
      sdkDir: path.join(root, 'packages/sdk/dist'),
    });
    // localhost and 127.0.0.1 are two sites, both secure contexts: the frame is truly cross-site, WebCrypto works.
    await vault.app.listen({ port: 0, host: 'localhost' });
    vaultUrl = `http://localhost:${(vault.app.server.address() as AddressInfo).port}`;
    const snippets = readmeSnippets();
    const sessionId = await createSessionId(vault.app, admin);
    page = snippets.html.replaceAll('https://vault.example', vaultUrl).replace('SESSION_ID', sessionId);
    script = snippets.js.replaceAll('https://vault.example', vaultUrl);
    csp = snippets.csp.replaceAll('https://vault.example', vaultUrl);
    browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await vault?.close();
    await new Promise((done) => shop?.close(done));
  });

  it('mounts, pays and hands the token id to the page, with no CSP violation', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const violations: string[] = [];
    tab.on('console', (message) => {
      if (/Content Security Policy|Refused to|integrity/i.test(message.text())) violations.push(message.text());
    });
    // Page-side code as text: this test compiles without DOM types.
    await tab.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused by CSP: ' + e.violatedDirective + ' ' + e.blockedURI));",
    });
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));

    await tab.goto(`${shopUrl}/checkout.html`);
    const frame = tab.frameLocator('iframe[title="Secure card payment form"]');
    await frame
      .getByLabel('Card number')
      .pressSequentially('4242424242424242', { delay: 5, timeout: 15_000 })
      .catch((error: Error) => {
        throw new Error(`the card form never appeared (${error.message}); violations: ${violations.join(' | ')}; errors: ${errors.join(' | ')}`);
      });
    await frame.getByLabel('Expiry date').pressSequentially(`12${String(FUTURE_YEAR % 100).padStart(2, '0')}`, { delay: 5 });
    await frame.getByLabel('Security code').pressSequentially('123', { delay: 5 });
    await frame.getByLabel(/name/i).pressSequentially('Jane Roe', { delay: 5 });
    await expect.poll(() => tab.locator('#pay').isDisabled(), { timeout: 10_000 }).toBe(false);
    await tab.locator('#pay').click();
    await expect.poll(() => paid.length, { timeout: 15_000 }).toBe(1);

    const token = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${paid[0]}`, headers: admin });
    expect(token.json().card).toMatchObject({ masked_account_number: '424242******4242', scheme: 'visa' });
    expect(await tab.locator('#card-error').textContent()).toBe('');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
