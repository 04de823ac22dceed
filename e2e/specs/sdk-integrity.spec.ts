import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures/engine-test.ts';
import { sites } from '../sites.ts';

/**
 * The SDK is pinned with Subresource Integrity (security.md checklist 14): the hash the vault
 * publishes is the hash of the bytes it serves, the README's snippet pins a frozen release the vault
 * serves immutable with that same hash, and a browser refuses a loader that differs by one byte.
 */
const readmePin = async (): Promise<{ path?: string; integrity?: string }> => {
  const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const snippet = readme.slice(readme.indexOf('<!-- sri:start -->'), readme.indexOf('<!-- sri:end -->'));
  const [, pinned, integrity] = /<script src="https:\/\/vault\.example(\/sdk\/[^"]+)"\s+integrity="(sha384-[A-Za-z0-9+/=]+)"/.exec(snippet) ?? [];
  return { path: pinned, integrity };
};

interface Manifest {
  'cardframe.js': { integrity: string };
  versions: Record<string, { path: string; integrity: string }>;
}
const manifest = async () => (await (await fetch(`${sites.vault.local}/sdk/v1/sri.json`)).json()) as Manifest;
const sri = async () => (await manifest())['cardframe.js'].integrity;
const sha384 = (bytes: ArrayBuffer) => `sha384-${createHash('sha384').update(Buffer.from(bytes)).digest('base64')}`;

test.describe('over HTTP, no browser involved', () => {
  // Runs once: what the vault serves does not depend on the engine.
  test.skip(({ engine }) => engine !== 'chromium', 'engine-independent HTTP check: runs in the chromium project only');
  test('the published SRI hash is the hash of the served loader', async () => {
    const loader = await fetch(`${sites.vault.local}/sdk/v1/cardframe.js`);
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(await sri()).toBe(sha384(await loader.arrayBuffer()));
  });

  test('the README pins a frozen release the vault serves immutable, with the hash of the bytes it serves', async () => {
    const pin = await readmePin();
    expect(pin.path).toMatch(/^\/sdk\/\d+\.\d+\.\d+[^/]*\/cardframe\.js$/);
    const loader = await fetch(`${sites.vault.local}${pin.path}`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(sha384(await loader.arrayBuffer())).toBe(pin.integrity);
    expect(Object.values((await manifest()).versions)).toContainEqual(expect.objectContaining({ path: pin.path, integrity: pin.integrity }));
  });
});

test('a merchant page loads the pinned loader, and refuses it when one byte is changed', async ({ tab }) => {
  const integrity = await sri();
  const loader = `${sites.vault.origin}/sdk/v1/cardframe.js`;
  await tab.goto(`${sites.harness.origin}/sri-page.html#${new URLSearchParams({ src: loader, integrity })}`);
  await expect.poll(() => tab.evaluate(() => (window as { sdkLoad?: string }).sdkLoad, undefined)).toBe('loaded');
  expect(await tab.evaluate(() => typeof (window as { Cardframe?: unknown }).Cardframe, undefined)).toBe('object');

  // The same bytes but one, served by the harness (servers/static-site.mjs flips one): refused.
  const tampered = `${sites.harness.origin}/tampered.js?${new URLSearchParams({ src: `${sites.vault.local}/sdk/v1/cardframe.js` })}`;
  await tab.goto(`${sites.harness.origin}/sri-page.html?tampered#${new URLSearchParams({ src: tampered, integrity })}`);
  await expect.poll(() => tab.evaluate(() => (window as { sdkLoad?: string }).sdkLoad, undefined)).toBe('refused');
  expect(await tab.evaluate(() => typeof (window as { Cardframe?: unknown }).Cardframe, undefined)).toBe('undefined');
  if (tab.has('console')) expect(tab.consoleMessages().join('\n')).toMatch(/integrity|hash/i);
});
