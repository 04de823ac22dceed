import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frozenReleases, integrityOf, SCRIPT } from '../../../../packages/sdk/build/sdk-releases.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const releasesDir = path.join(root, 'packages/sdk/releases');
const sriFile = path.join(root, 'packages/sdk/dist/sri.json');

/** The README's script-tag snippet is what merchants copy: its pinned URL and hash must be what the vault serves. */
describe.skipIf(process.env.CARDFRAME_TEST_BACKEND === 'postgres')('the README script-tag snippet', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const snippet = readme.slice(readme.indexOf('<!-- sri:start -->'), readme.indexOf('<!-- sri:end -->'));
  const [, src, integrity] = /<script src="https:\/\/vault\.example(\/sdk\/[^"]+)"\s+integrity="([^"]+)"/.exec(snippet) ?? [];

  it('pins the newest frozen SDK release with the hash of its committed bytes (a release moves it: npm run release:pin-readme)', () => {
    const newest = frozenReleases(releasesDir).at(-1);
    expect(newest, 'packages/sdk/releases/ holds no frozen release').toBeDefined();
    const pinnedPath = `/sdk/${newest}/${SCRIPT}`;
    const frozenIntegrity = integrityOf(readFileSync(path.join(releasesDir, newest!, SCRIPT)));
    expect({ src, integrity }).toEqual({ src: pinnedPath, integrity: frozenIntegrity });
    // The README's page CSP authorises exactly that script, and so does the SDK's own README.
    expect(readme).toContain(`script-src 'self' https://vault.example${pinnedPath};`);
    expect(readFileSync(path.join(root, 'packages/sdk/README.md'), 'utf8')).toContain(`https://vault.example${pinnedPath}`);
  });

  it('pins a path this build serves immutable, with the hash the vault publishes for it', () => {
    expect(existsSync(sriFile), 'packages/sdk/dist/sri.json is missing: run npm run build').toBe(true);
    const manifest = JSON.parse(readFileSync(sriFile, 'utf8')) as { versions: Record<string, { path: string; integrity: string }> };
    const served = Object.values(manifest.versions).find((v) => v.path === src);
    expect(served, `${src} is not among the versions this build serves`).toBeDefined();
    expect(served!.integrity).toBe(integrity);
  });

  it('has no inline script: every <script> element loads a file', () => {
    const scripts = [...snippet.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="/);
  });
});
