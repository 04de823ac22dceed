import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from '../test/test-vault.ts';

let dir: string;
let vault: TestVault;
let missing: TestVault;
let withFonts: TestVault;
/** A woff2 file starts with the signature `wOF2`; the route serves bytes, it does not parse fonts. */
const WOFF2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(44)]);
/** Stands in for the build's one inline script (early-session.ts); its CSP hash, worked out here on its own. */
const EARLY = "(()=>{window.early='é'})();";
const EARLY_HASH = `'sha256-${createHash('sha256').update(Buffer.from(EARLY, 'utf8')).digest('base64')}'`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vault-dist-'));
  mkdirSync(path.join(dir, 'frame/assets'), { recursive: true });
  mkdirSync(path.join(dir, 'sdk'), { recursive: true });
  writeFileSync(
    path.join(dir, 'frame/card.html'),
    `<!doctype html><html><head><meta name="cardframe-allowed-origins" content=""><script>${EARLY}</script><script type="module" src="/frame/v1/assets/card-abc123.js"></script></head><body></body></html>`,
  );
  writeFileSync(path.join(dir, 'frame/assets/card-abc123.js'), 'export const x = 1;');
  writeFileSync(path.join(dir, 'sdk/cardframe.js'), 'window.Cardframe = {};');
  writeFileSync(path.join(dir, 'sdk/sri.json'), '{"cardframe.js":"sha384-x"}');
  mkdirSync(path.join(dir, 'hellgate/0.1.0'), { recursive: true });
  writeFileSync(path.join(dir, 'hellgate/hellgate.js'), 'window.Hellgate = {};');
  writeFileSync(path.join(dir, 'hellgate/0.1.0/hellgate.js'), 'window.Hellgate = { pinned: true };');
  writeFileSync(path.join(dir, 'hellgate/sri.json'), '{"hellgate.js":"sha384-x"}');
  vault = await createTestVault({
    allowedOrigins: ['https://shop.test', 'http://localhost:5173'],
    frameDir: path.join(dir, 'frame'),
    sdkDir: path.join(dir, 'sdk'),
    hellgateDir: path.join(dir, 'hellgate'),
  });
  missing = await createTestVault({
    allowedOrigins: [],
    frameDir: path.join(dir, 'nope'),
    sdkDir: path.join(dir, 'nope'),
    hellgateDir: path.join(dir, 'nope'),
  });
  mkdirSync(path.join(dir, 'fonts/sub'), { recursive: true });
  writeFileSync(path.join(dir, 'fonts/brand-3f9a.woff2'), WOFF2);
  writeFileSync(path.join(dir, 'fonts/brand.ttf'), WOFF2);
  writeFileSync(path.join(dir, 'frame/secret.woff2'), WOFF2);
  withFonts = await createTestVault({
    allowedOrigins: ['https://shop.test'],
    fontOrigins: ['https://fonts.shop.test', 'http://localhost:5174'],
    fontDir: path.join(dir, 'fonts'),
    frameDir: path.join(dir, 'frame'),
    sdkDir: path.join(dir, 'sdk'),
    hellgateDir: path.join(dir, 'hellgate'),
  });
});
afterAll(async () => {
  await vault.close();
  await missing.close();
  await withFonts.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('frame and SDK hosting', () => {
  it('serves card.html with the allowlist injected and the frame headers', async () => {
    const res = await vault.app.inject({ method: 'GET', url: '/frame/v1/card.html' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="cardframe-allowed-origins" content="https://shop.test http://localhost:5173">');
    expect(res.headers['content-security-policy']).toBe(
      `default-src 'none'; script-src 'self' ${EARLY_HASH}; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; ` +
        "frame-ancestors https://shop.test http://localhost:5173; form-action 'none'; base-uri 'none'; object-src 'none'; " +
        "require-trusted-types-for 'script'",
    );
    expect(res.headers).toMatchObject({
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('sends card.html compressed for the encoding the browser accepts, the same document as plain', async () => {
    const plain = await vault.app.inject({ method: 'GET', url: '/frame/v1/card.html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await vault.app.inject({ method: 'GET', url: '/frame/v1/card.html', headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toBe('accept-encoding');
      expect(decode(res.rawPayload).toString('utf8')).toBe(plain.body);
      // The CSP is the document's, whatever the encoding on the wire.
      expect(res.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
    }
  });

  it("adds the operator's font origins to font-src and to no other directive", async () => {
    const res = await withFonts.app.inject({ method: 'GET', url: '/frame/v1/card.html' });
    expect(res.statusCode).toBe(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toBe(
      `default-src 'none'; script-src 'self' ${EARLY_HASH}; style-src 'self'; img-src 'self' data:; ` +
        "font-src 'self' https://fonts.shop.test http://localhost:5174; connect-src 'self'; " +
        "frame-ancestors https://shop.test; form-action 'none'; base-uri 'none'; object-src 'none'; " +
        "require-trusted-types-for 'script'",
    );
    const directives = csp.split('; ').filter((d) => d.includes('fonts.shop.test'));
    expect(directives).toEqual(["font-src 'self' https://fonts.shop.test http://localhost:5174"]);
  });

  it('serves operator fonts as immutable woff2 under nosniff, and nothing else from that path', async () => {
    const res = await withFonts.app.inject({ method: 'GET', url: '/frame/v1/fonts/brand-3f9a.woff2' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(WOFF2)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'font/woff2',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
    for (const url of [
      '/frame/v1/fonts/brand.ttf',
      '/frame/v1/fonts/absent.woff2',
      '/frame/v1/fonts/sub',
      '/frame/v1/fonts/..%2Fframe%2Fsecret.woff2',
      '/frame/v1/fonts/%2E%2E%2Fframe%2Fsecret.woff2',
      '/frame/v1/fonts/.hidden.woff2',
    ]) {
      expect((await withFonts.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    // A vault without CARDFRAME_FONT_DIR serves no fonts at all.
    expect((await vault.app.inject({ method: 'GET', url: '/frame/v1/fonts/brand-3f9a.woff2' })).statusCode).toBe(404);
  });

  it('allows by hash only bare inline scripts, each exactly as written', async () => {
    const { inlineScriptHashes } = await import('./frame-headers.ts');
    const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(inlineScriptHashes('<script>a()</script><script src="/x.js"></script><script type="module">b()</script><script>\n c()\n</script>')).toEqual([
      sha('a()'),
      sha('\n c()\n'),
    ]);
    expect(inlineScriptHashes('<html></html>')).toEqual([]);
  });

  it('says frame-ancestors none without allowed origins', async () => {
    const { frameHeaders } = await import('./frame-headers.ts');
    expect(frameHeaders([])['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('escapes the injected attribute', async () => {
    const { injectAllowedOrigins } = await import('./frame-headers.ts');
    expect(injectAllowedOrigins('<meta name="cardframe-allowed-origins" content="">', ['https://a.test"><script>'])).toBe(
      '<meta name="cardframe-allowed-origins" content="https://a.test&quot;&gt;&lt;script&gt;">',
    );
  });

  it('serves immutable assets and refuses traversal', async () => {
    const res = await vault.app.inject({ method: 'GET', url: '/frame/v1/assets/card-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    for (const url of ['/frame/v1/assets/..%2fcard.html', '/frame/v1/assets/..%2f..%2fsdk%2fcardframe.js', '/frame/v1/assets/missing.js']) {
      expect((await vault.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });

  it('serves the SDK and its SRI manifest to any origin', async () => {
    for (const url of ['/sdk/v1/cardframe.js', '/sdk/v1/sri.json']) {
      const res = await vault.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves the Hellgate-shaped script like the SDK: moving, manifest, pinned versions', async () => {
    for (const [url, body] of [
      ['/hellgate/v1/hellgate.js', 'window.Hellgate = {};'],
      ['/hellgate/v1/sri.json', '{"hellgate.js":"sha384-x"}'],
      ['/hellgate/0.1.0/hellgate.js', 'window.Hellgate = { pinned: true };'],
    ]) {
      const res = await vault.app.inject({ method: 'GET', url: url! });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(body);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'x-content-type-options': 'nosniff',
      });
    }
    expect((await vault.app.inject({ method: 'GET', url: '/hellgate/0.1.0/hellgate.js' })).headers['cache-control']).toContain('immutable');
    for (const url of ['/hellgate/9.9.9/hellgate.js', '/hellgate/latest/hellgate.js', '/hellgate/v1/cardframe.js']) {
      expect((await vault.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });

  it('answers whether the asking origin is allowed, one bit for that origin only, readable cross-origin', async () => {
    const allowed = await vault.app.inject({ method: 'GET', url: '/frame/v1/allowed', headers: { origin: 'http://localhost:5173' } });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.body).toBe('');
    for (const origin of ['https://evil.test', 'https://shop.test.evil.test', 'https://SHOP.test', 'null', undefined]) {
      const refused = await vault.app.inject({ method: 'GET', url: '/frame/v1/allowed', headers: origin ? { origin } : {} });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ code: 403, classifier: 'ORIGIN_NOT_ALLOWED', message: 'This origin is not in CARDFRAME_ALLOWED_ORIGINS' });
      expect(refused.body).not.toContain('shop.test'); // the list never leaks, not even a near miss
      expect(refused.body).not.toContain('localhost');
      expect(refused.headers).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': 'no-store', vary: 'origin' });
    }
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': '*', 'cache-control': 'no-store', vary: 'origin' });
    // Works with no build present and no API key: the SDK asks before anything else exists.
    expect((await missing.app.inject({ method: 'GET', url: '/frame/v1/allowed', headers: { origin: 'https://shop.test' } })).statusCode).toBe(403);
  });

  it('answers 503 in Guardian shape naming the missing build', async () => {
    const frame = await missing.app.inject({ method: 'GET', url: '/frame/v1/card.html' });
    expect(frame.statusCode).toBe(503);
    expect(frame.json()).toMatchObject({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('frame build is missing') });
    const sdk = await missing.app.inject({ method: 'GET', url: '/sdk/v1/cardframe.js' });
    expect(sdk.statusCode).toBe(503);
    expect(sdk.json().message).toContain('sdk build is missing');
    const hellgate = await missing.app.inject({ method: 'GET', url: '/hellgate/v1/hellgate.js' });
    expect(hellgate.statusCode).toBe(503);
    expect(hellgate.json().message).toContain('hellgate build is missing');
  });
});

describe('precompressed frame assets', () => {
  it('serves the copy Accept-Encoding prefers, varies on it, and falls back to identity without a copy', async () => {
    const { precompressFile } = await import('../../../../tools/precompress.ts');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const asset = path.join(dir, 'frame/assets/big-def456.js');
    writeFileSync(asset, `export const words = ${JSON.stringify('card frame '.repeat(500))};\n`);
    precompressFile(asset);
    const url = '/frame/v1/assets/big-def456.js';
    const br = await vault.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await vault.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } });
    const plain = await vault.app.inject({ method: 'GET', url });
    expect([br.headers['content-encoding'], gz.headers['content-encoding'], plain.headers['content-encoding']]).toEqual(['br', 'gzip', undefined]);
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 10);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    // card-abc123.js has no copies: still served, uncompressed.
    const bare = await vault.app.inject({ method: 'GET', url: '/frame/v1/assets/card-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(bare.statusCode).toBe(200);
    expect(bare.headers['content-encoding']).toBeUndefined();
  });
});
