import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sites } from '../sites.ts';

/**
 * The SDK is pinned with Subresource Integrity (security.md checklist 14): the hash the vault
 * publishes is the hash of the bytes it serves, the README's snippet shows that same hash, and a
 * browser refuses a loader that differs by one byte.
 */
const readmeIntegrity = async (): Promise<string | undefined> => {
  const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const snippet = readme.slice(readme.indexOf('<!-- sri:start -->'), readme.indexOf('<!-- sri:end -->'));
  return /integrity="(sha384-[A-Za-z0-9+/=]+)"/.exec(snippet)?.[1];
};

test('the published SRI hash is the hash of the served loader, and the README snippet shows it', async ({ request }) => {
  const manifest = await (await request.get(`${sites.vault.local}/sdk/v1/sri.json`)).json();
  const loader = await request.get(`${sites.vault.local}/sdk/v1/cardframe.js`);
  expect(loader.headers()['access-control-allow-origin']).toBe('*');
  const served = `sha384-${createHash('sha384').update(await loader.body()).digest('base64')}`;
  expect(manifest['cardframe.js'].integrity).toBe(served);
  // If this fails, the SDK changed: copy the new hash from /sdk/v1/sri.json into README.md.
  expect(await readmeIntegrity()).toBe(served);
});

test('a merchant page loads the pinned loader, and refuses it when one byte is changed', async ({ page, request }) => {
  const { integrity } = (await (await request.get(`${sites.vault.local}/sdk/v1/sri.json`)).json())['cardframe.js'];
  const url = `${sites.harness.origin}/sri-page.html#${new URLSearchParams({ vault: sites.vault.origin, integrity })}`;

  await page.goto(url);
  await expect.poll(() => page.evaluate(() => (window as { sdkLoad?: string }).sdkLoad)).toBe('loaded');
  expect(await page.evaluate(() => typeof (window as { Cardframe?: unknown }).Cardframe)).toBe('object');

  const tampered = await page.context().newPage();
  await tampered.route(`${sites.vault.origin}/sdk/v1/cardframe.js`, async (route) => {
    // The runner resolves the vault on loopback; the browser asked for it by its site name.
    const response = await route.fetch({ url: `${sites.vault.local}/sdk/v1/cardframe.js` });
    const body = Buffer.from(await response.body());
    const at = body.length - 2;
    body.writeUInt8(body.readUInt8(at) ^ 1, at);
    await route.fulfill({ response, body });
  });
  const refusals: string[] = [];
  tampered.on('console', (message) => {
    if (/integrity/i.test(message.text())) refusals.push(message.text());
  });
  await tampered.goto(url);
  await expect.poll(() => tampered.evaluate(() => (window as { sdkLoad?: string }).sdkLoad)).toBe('refused');
  expect(await tampered.evaluate(() => typeof (window as { Cardframe?: unknown }).Cardframe)).toBe('undefined');
  expect(refusals.join('\n')).toMatch(/integrity/i);
});
