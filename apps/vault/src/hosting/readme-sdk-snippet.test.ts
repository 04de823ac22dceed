import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
const sriFile = path.join(root, 'packages/sdk/dist/sri.json');

/** The README's script-tag snippet is what merchants copy: its pinned URL and hash must be what the vault serves. */
describe.skipIf(process.env.CARDFRAME_TEST_BACKEND === 'postgres')('the README script-tag snippet', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const snippet = readme.slice(readme.indexOf('<!-- sri:start -->'), readme.indexOf('<!-- sri:end -->'));

  it('pins the versioned SDK path of this build with its hash (after a version bump, copy both from sri.json)', () => {
    expect(existsSync(sriFile), 'packages/sdk/dist/sri.json is missing: run npm run build').toBe(true);
    const manifest = JSON.parse(readFileSync(sriFile, 'utf8')) as { 'cardframe.js': { version: string }; versions: Record<string, { path: string; integrity: string }> };
    const current = manifest.versions[manifest['cardframe.js'].version]!;
    const [, src, integrity] = /<script src="https:\/\/vault\.example(\/sdk\/[^"]+)"\s+integrity="([^"]+)"/.exec(snippet) ?? [];
    expect({ src, integrity }).toEqual({ src: current.path, integrity: current.integrity });
    // The README's page CSP authorises exactly that script.
    expect(readme).toContain(`script-src 'self' https://vault.example${current.path};`);
  });

  it('has no inline script: every <script> element loads a file', () => {
    const scripts = [...snippet.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="/);
  });
});
