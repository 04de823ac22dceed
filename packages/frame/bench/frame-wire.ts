/**
 * Bytes on the wire for one card-frame load in headless Chromium, cold (empty browser cache) and warm (the same
 * browser profile, a new checkout page and a new session): every response the frame's load makes the vault send,
 * as Chromium counts it (compressed body + response headers), and whether it came from the cache.
 * Goal: cold ≤ 25 KB; warm: only card.html and the session are fetched again (hashed assets are immutable).
 *
 * Starts the built vault (`apps/vault/dist/server.js`, embedded SQLite in a throwaway dir) behind a TLS-terminating
 * proxy, as the README's deployment section says to run it (browsers offer brotli only over https; the plain-http
 * row shows what gzip alone gives), and a blank merchant page on another site. Needs `npm run build` and `openssl`.
 * Everything it starts it stops.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../../tools/chromium.ts';

/** Two sites on loopback names, secure contexts in every engine without flags (docs/decisions/0008). */
const testSites = { vaultHost: 'localhost', shopHost: '127.0.0.1' } as const;

const GOAL_BYTES = 25 * 1024;
const root = resolve(import.meta.dirname, '../../..');
const vaultEntry = join(root, 'apps/vault/dist/server.js');
if (!existsSync(vaultEntry)) {
  console.error(`${vaultEntry} is missing: run \`npm run build\` at the repo root first`);
  process.exit(1);
}

const listen = (server: Server): Promise<number> => new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((done) => probe.close(done));
  return port;
}

/** A throwaway TLS front for the vault (what nginx or Caddy is in production), with a self-signed certificate. */
async function tlsProxy(dir: string, host: string, upstreamPort: number): Promise<{ port: number; server: Server }> {
  const key = join(dir, 'tls.key');
  const cert = join(dir, 'tls.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: upstreamPort, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }) as unknown as Server;
  return { port: await listen(server), server };
}

interface Transfer {
  path: string;
  wireBytes: number;
  fromCache: boolean;
}

/** Loads the shop page, mounts the card and waits for ready; returns what the vault origin sent for the frame. */
async function frameLoad(page: Page, shopUrl: string, vaultUrl: string, sessionId: string): Promise<Transfer[]> {
  const transfers: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== vaultUrl || !/^\/(frame|api\/sessions)\//.test(url.pathname)) return;
    transfers.push(
      (async () => {
        const response = await request.response();
        const sizes = await request.sizes();
        // A cache hit transfers no body and no headers: Chromium reports 0 for both.
        const fromCache = sizes.responseBodySize <= 0 || response?.status() === 304;
        const wireBytes = fromCache ? 0 : sizes.responseBodySize + Math.max(0, sizes.responseHeadersSize);
        return { path: url.pathname.replace(/[0-9a-f-]{36}/, '{id}'), wireBytes, fromCache };
      })(),
    );
  });
  await page.goto(shopUrl);
  await page.evaluate(
    async ([id, base]) => {
      const cardframe = await (window as any).Cardframe.init(id, { baseUrl: base });
      await cardframe.card().mount('#card');
    },
    [sessionId, vaultUrl] as const,
  );
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('requestfinished');
  return Promise.all(transfers);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cardframe-wire-'));
  const adminToken = randomBytes(24).toString('base64url');
  const vaultPort = await freePort();
  const shop = createServer();
  const shopPort = await listen(shop);
  const vaultUrl = `http://${testSites.vaultHost}:${vaultPort}`;
  const shopUrl = `http://${testSites.shopHost}:${shopPort}`;
  // The checkout page loads the SDK from whichever vault URL (http or the https front) it is given.
  shop.on('request', (request, response) => {
    const vault = new URL(request.url ?? '/', shopUrl).searchParams.get('vault') ?? vaultUrl;
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(`<!doctype html><meta charset="utf-8"><title>shop</title><script src="${vault}/sdk/v1/cardframe.js"></script><div id="card"></div>`);
  });

  let vault: ChildProcess | undefined;
  let browser: Browser | undefined;
  let tlsServer: Server | undefined;
  try {
    vault = spawn(process.execPath, [vaultEntry], {
      env: {
        ...process.env,
        PORT: String(vaultPort),
        HOST: '127.0.0.1',
        CARDFRAME_DATA_DIR: dataDir,
        CARDFRAME_ADMIN_TOKEN: adminToken,
        CARDFRAME_PUBLIC_URL: vaultUrl,
        CARDFRAME_ALLOWED_ORIGINS: shopUrl,
        DATABASE_URL: '',
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
        CARDFRAME_DEV_MODE: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = `http://127.0.0.1:${vaultPort}`;
    for (let i = 0; ; i++) {
      if (
        await fetch(`${api}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 100 || vault.exitCode !== null) throw new Error('the vault did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const keyResponse = await fetch(`${api}/api/admin/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify({ scopes: ['pci:tokens:create'] }),
    });
    const apiKey = ((await keyResponse.json()) as { key_value: string }).key_value;
    const newSession = async (): Promise<string> => {
      const response = await fetch(`${api}/api/pci/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ source: { type: 'session' } }),
      });
      return ((await response.json()) as { session_id: string }).session_id;
    };

    const tls = await tlsProxy(dataDir, testSites.vaultHost, vaultPort);
    tlsServer = tls.server;
    const httpsVaultUrl = `https://${testSites.vaultHost}:${tls.port}`;
    browser = await chromium.launch({
      headless: true,
      ...chromiumLaunchOptions(),
      args: [...chromiumLaunchOptions().args, '--ignore-certificate-errors'],
    });
    const total = (list: Transfer[]) => list.reduce((sum, t) => sum + t.wireBytes, 0);
    for (const [label, base] of [
      ['https (brotli)', httpsVaultUrl],
      ['http (gzip only)', vaultUrl],
    ] as const) {
      const context = await browser.newContext();
      const cold = await frameLoad(await context.newPage(), `${shopUrl}/?vault=${encodeURIComponent(base)}`, base, await newSession());
      const warm = await frameLoad(await context.newPage(), `${shopUrl}/?vault=${encodeURIComponent(base)}`, base, await newSession());
      await context.close();

      const paths = [...new Set([...cold, ...warm].map((t) => t.path))];
      const cell = (list: Transfer[], path: string) => {
        const found = list.find((t) => t.path === path);
        return found ? (found.fromCache ? 'cache' : found.wireBytes) : '';
      };
      console.log(`\nCard frame load over ${label}: bytes on the wire from the vault (encoded body + response headers), headless Chromium`);
      console.table([
        ...paths.map((path) => ({ resource: path, 'cold bytes': cell(cold, path), 'warm bytes': cell(warm, path) })),
        { resource: 'TOTAL', 'cold bytes': total(cold), 'warm bytes': total(warm) },
        { resource: `goal (cold ≤ ${GOAL_BYTES / 1024} KB)`, 'cold bytes': GOAL_BYTES, 'warm bytes': '' },
      ]);
      const refetched = warm.filter((t) => !t.fromCache).map((t) => t.path);
      console.log(
        `${label}: cold ${(total(cold) / 1024).toFixed(2)} KB, ${total(cold) <= GOAL_BYTES ? 'MEETS' : 'MISSES'} the goal; ` +
          `warm ${(total(warm) / 1024).toFixed(2)} KB, fetched again: ${refetched.join(', ') || 'nothing'}`,
      );
    }
  } finally {
    await browser?.close();
    vault?.kill('SIGTERM');
    tlsServer?.closeAllConnections();
    await new Promise((done) => tlsServer?.close(done) ?? done(undefined));
    await new Promise((done) => shop.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
