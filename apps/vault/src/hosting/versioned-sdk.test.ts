import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleSdkDist, freezeRelease } from '../../../../packages/sdk/build/sdk-releases.ts';
import { createTestVault, type TestVault } from '../test/test-vault.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vault-sdk-versions-'));
const sdkDir = path.join(dir, 'dist');
const releasesDir = path.join(dir, 'releases');
const OLD = "(()=>{window.Cardframe={version:'0.1.0'}})();\n";
const NEW = "(()=>{window.Cardframe={version:'0.2.0',better:true}})();\n";
let vault: TestVault;

const sha384 = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** What `npm run build -w @cardframe/sdk` does: an empty dist, the script-tag build, then the release layout. */
function buildSdk(script: string, version: string) {
  rmSync(sdkDir, { recursive: true, force: true });
  mkdirSync(sdkDir, { recursive: true });
  writeFileSync(path.join(sdkDir, 'cardframe.js'), script);
  return assembleSdkDist({ distDir: sdkDir, releasesDir, version });
}

beforeAll(async () => {
  mkdirSync(path.join(dir, 'frame'), { recursive: true });
  vault = await createTestVault({ allowedOrigins: [], frameDir: path.join(dir, 'frame'), sdkDir });
});
afterAll(async () => {
  await vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SDK at immutable versioned paths', () => {
  it('serves a development build only at the moving path: nothing pinnable changes bytes (ADR 0040)', async () => {
    buildSdk(OLD, '0.1.0');
    const manifest = (await vault.app.inject({ method: 'GET', url: '/sdk/v1/sri.json' })).json();
    expect(manifest['cardframe.js']).toMatchObject({ path: '/sdk/v1/cardframe.js', version: '0.1.0', frozen: false, integrity: sha384(OLD) });
    expect(manifest.versions).toEqual({});
    expect((await vault.app.inject({ method: 'GET', url: '/sdk/0.1.0/cardframe.js' })).statusCode).toBe(404);
    const moving = await vault.app.inject({ method: 'GET', url: '/sdk/v1/cardframe.js' });
    expect(sha384(moving.rawPayload)).toBe(sha384(OLD));
    expect(moving.headers['cache-control']).toBe('public, max-age=300');
  });

  it('keeps serving a frozen version with its old hash after the SDK is upgraded', async () => {
    // The release: 0.1.0 is frozen (npm run release:freeze), and the next build serves it at its immutable path.
    freezeRelease({ distDir: sdkDir, releasesDir, version: '0.1.0' });
    buildSdk(OLD, '0.1.0');
    // What the README tells a merchant to pin: the versioned URL and its hash from sri.json.
    const before = (await vault.app.inject({ method: 'GET', url: '/sdk/v1/sri.json' })).json();
    const pinned = before.versions['0.1.0'] as { path: string; integrity: string };
    expect(pinned).toMatchObject({ path: '/sdk/0.1.0/cardframe.js', integrity: sha384(OLD) });
    expect(before['cardframe.js']).toMatchObject({ path: '/sdk/v1/cardframe.js', version: '0.1.0', frozen: true, integrity: sha384(OLD) });

    // Development goes on at 0.2.0, the SDK changes, the next vault is built and deployed.
    buildSdk(NEW, '0.2.0');

    const old = await vault.app.inject({ method: 'GET', url: pinned.path });
    expect(old.statusCode).toBe(200);
    expect(sha384(old.rawPayload)).toBe(pinned.integrity);
    expect(old.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(old.headers['access-control-allow-origin']).toBe('*');

    const moving = await vault.app.inject({ method: 'GET', url: '/sdk/v1/cardframe.js' });
    expect(sha384(moving.rawPayload)).toBe(sha384(NEW));
    expect(moving.headers['cache-control']).toBe('public, max-age=300');
    const after = (await vault.app.inject({ method: 'GET', url: '/sdk/v1/sri.json' })).json();
    expect(after['cardframe.js']).toMatchObject({ version: '0.2.0', frozen: false, integrity: sha384(NEW) });
    expect(after.versions).toEqual({ '0.1.0': expect.objectContaining({ path: '/sdk/0.1.0/cardframe.js', integrity: sha384(OLD) }) });
    expect((await vault.app.inject({ method: 'GET', url: '/sdk/0.2.0/cardframe.js' })).statusCode).toBe(404);
  });

  it('refuses to build a released version with other bytes', () => {
    expect(() => buildSdk(`${OLD}// changed\n`, '0.1.0')).toThrow(/0\.1\.0 is already released .* bump "version"/);
    expect(() => freezeRelease({ distDir: sdkDir, releasesDir, version: '0.1.0' })).toThrow(/immutable/);
  });

  it('answers 404 for versions it does not have and for anything that is not a version', async () => {
    for (const url of ['/sdk/9.9.9/cardframe.js', '/sdk/latest/cardframe.js', '/sdk/..%2f..%2fframe/cardframe.js', '/sdk/0.1/cardframe.js']) {
      expect((await vault.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('serves the brotli or gzip copy the client accepts, and the identity bytes otherwise', async () => {
    buildSdk(NEW.repeat(20), '0.3.0');
    freezeRelease({ distDir: sdkDir, releasesDir, version: '0.3.0' });
    buildSdk(NEW.repeat(20), '0.3.0');
    const identity = readFileSync(path.join(sdkDir, 'cardframe.js'));
    for (const url of ['/sdk/v1/cardframe.js', '/sdk/0.3.0/cardframe.js', '/sdk/0.1.0/cardframe.js']) {
      const br = await vault.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers.vary).toBe('accept-encoding');
      const gz = await vault.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      const plain = await vault.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
      expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
      if (url === '/sdk/v1/cardframe.js') expect(plain.rawPayload.equals(identity)).toBe(true);
    }
  });
});
