/**
 * The cost of split fields, in headless Chromium on loopback: four split fields (number, expiry,
 * CVC, name: mount ×4 → group `ready`, `group.submit()` → token id) beside the combined element
 * and a blank cross-site iframe, all in the same run (medians of 20 runs, cold cache per run).
 * mount-latency.ts measures the combined element in all three engines; this adds the split rows.
 *
 * Starts the built vault (`apps/vault/dist/server.js`) with a throwaway data dir and a
 * tiny merchant page on another site (shop.test vs vault.test, mapped to 127.0.0.1 by
 * tools/chromium.ts). Needs `npm run build` first. Everything it starts it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../../tools/chromium.ts';

/** Two sites on loopback names, secure contexts without flags (docs/decisions/0008); the blank iframe sits on the vault's site. */
const testSites = { vaultHost: 'localhost', shopHost: '127.0.0.1' } as const;

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const root = resolve(import.meta.dirname, '../../..');
const vaultEntry = join(root, 'apps/vault/dist/server.js');
const sdkScript = join(root, 'packages/sdk/dist/cardframe.js');
for (const file of [vaultEntry, sdkScript, join(root, 'packages/frame/dist/card.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` at the repo root first`);
    process.exit(1);
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((done) => probe.close(done));
  return port;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The merchant page: the SDK from the vault, a container, and two timing helpers. */
function shopPage(vaultUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench shop</title>
<script src="${vaultUrl}/sdk/v1/cardframe.js"></script><script src="/bench.js"></script></head>
<body><div id="card"></div><div id="number"></div><div id="expiry"></div><div id="cvc"></div><div id="name"></div></body></html>`;
}

const benchScript = `
window.blankFrame = (src) => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  const start = performance.now();
  frame.onload = () => { resolve(performance.now() - start); frame.remove(); };
  frame.src = src;
  document.body.append(frame);
});
window.mountCard = async (sessionId, baseUrl) => {
  const cardframe = await Cardframe.init(sessionId, { baseUrl });
  window.card = cardframe.card();
  const start = performance.now();
  await window.card.mount('#card');
  return performance.now() - start;
};
window.mountSplit = async (sessionId, baseUrl) => {
  const cardframe = await Cardframe.init(sessionId, { baseUrl });
  const fields = [cardframe.cardNumber(), cardframe.cardExpiry(), cardframe.cardCvc(), cardframe.cardholderName()];
  const ready = new Promise((resolve) => cardframe.group.on('ready', resolve));
  const start = performance.now();
  ['#number', '#expiry', '#cvc', '#name'].forEach((target, i) => fields[i].mount(target));
  await ready;
  window.group = cardframe.group;
  return performance.now() - start;
};
window.submitGroup = async () => {
  const start = performance.now();
  const { tokenId } = await window.group.submit();
  return { ms: performance.now() - start, tokenId };
};
window.submitCard = async () => {
  const start = performance.now();
  const { tokenId } = await window.card.submit();
  return { ms: performance.now() - start, tokenId };
};`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cardframe-bench-'));
  const adminToken = randomBytes(24).toString('base64url');
  const vaultPort = await freePort();
  const shop = createServer();
  const shopPort = await listen(shop);
  const vaultUrl = `http://${testSites.vaultHost}:${vaultPort}`;
  const shopUrl = `http://${testSites.shopHost}:${shopPort}`;
  // The blank frame is served cross-site too (the vault's host name, the shop's port), like the card frame.
  const blankUrl = `http://${testSites.vaultHost}:${shopPort}/blank.html`;
  shop.on('request', (request, response) => {
    const send = (type: string, body: string) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (request.url === '/') send('text/html; charset=utf-8', shopPage(vaultUrl));
    else if (request.url === '/bench.js') send('text/javascript', benchScript);
    else if (request.url === '/blank.html') send('text/html; charset=utf-8', '<!doctype html><title>blank</title>');
    else response.writeHead(404).end();
  });

  let vault: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    vault = spawn(process.execPath, [vaultEntry], {
      env: {
        ...process.env,
        PORT: String(vaultPort),
        HOST: '127.0.0.1',
        CARDFRAME_DATA_DIR: dataDir,
        CARDFRAME_DEV_MODE: '1',
        CARDFRAME_ADMIN_TOKEN: adminToken,
        CARDFRAME_PUBLIC_URL: vaultUrl,
        CARDFRAME_ALLOWED_ORIGINS: shopUrl,
        DATABASE_URL: '',
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
        NODE_NO_WARNINGS: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = `http://127.0.0.1:${vaultPort}`;
    for (let i = 0; ; i++) {
      const up = await fetch(`${api}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 100 || vault.exitCode !== null) throw new Error('the vault did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const keyResponse = await fetch(`${api}/api/admin/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify({ scopes: ['pci:tokens:create', 'pci:tokens:read'] }),
    });
    const apiKey = ((await keyResponse.json()) as { key_value: string }).key_value;
    const headers = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const newSession = async (): Promise<string> => {
      const response = await fetch(`${api}/api/pci/tokens`, { method: 'POST', headers, body: JSON.stringify({ source: { type: 'session' } }) });
      return ((await response.json()) as { session_id: string }).session_id;
    };

    browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
    const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
    const blank: number[] = [];
    const ready: number[] = [];
    const submit: number[] = [];
    const splitReady: number[] = [];
    const splitSubmit: number[] = [];
    let lastToken = '';
    // One uncounted warm-up run: the vault's first session also creates its rotating JWE key.
    for (let run = -1; run < RUNS; run++) {
      const context = await browser.newContext(); // cold cache every run, for the blank frame and the card frame alike
      const page = await context.newPage();
      await page.goto(shopUrl);
      const sessionId = await newSession();
      const blankMs = await page.evaluate((src) => (window as any).blankFrame(src), blankUrl);
      const readyMs = await page.evaluate(([id, base]) => (window as any).mountCard(id, base), [sessionId, vaultUrl] as const);
      const frame = page.frameLocator('iframe[title="Secure card payment form"]');
      await frame.locator('#number-input').pressSequentially('4242424242424242');
      await frame.locator('#expiry-input').pressSequentially(`12${year}`);
      await frame.locator('#cvc-input').pressSequentially('123');
      const result = await page.evaluate(() => (window as any).submitCard());
      if (run >= 0) {
        blank.push(blankMs);
        ready.push(readyMs);
        submit.push(result.ms);
      }
      lastToken = result.tokenId;
      await context.close();

      // The same card as four split fields (number, expiry, CVC, name), in a fresh context of its own.
      const splitContext = await browser.newContext();
      const splitPage = await splitContext.newPage();
      await splitPage.goto(shopUrl);
      const splitSession = await newSession();
      const splitMs = await splitPage.evaluate(([id, base]) => (window as any).mountSplit(id, base), [splitSession, vaultUrl] as const);
      const field = (name: string) => splitPage.frameLocator(`#${name} iframe`).locator(`#${name}-input`);
      await field('number').pressSequentially('4242424242424242');
      await field('expiry').pressSequentially(`12${year}`);
      await field('cvc').pressSequentially('123');
      await field('name').pressSequentially('Ada Lovelace');
      const splitResult = await splitPage.evaluate(() => (window as any).submitGroup());
      if (run >= 0) {
        splitReady.push(splitMs);
        splitSubmit.push(splitResult.ms);
      }
      await splitContext.close();
    }
    const token = (await (await fetch(`${api}/api/pci/tokens/${lastToken}`, { headers })).json()) as {
      card?: { scheme?: string; masked_account_number?: string };
    };

    const row = (what: string, values: number[]) => ({
      measure: what,
      'median ms': Number(median(values).toFixed(1)),
      'min ms': Number(Math.min(...values).toFixed(1)),
      'max ms': Number(Math.max(...values).toFixed(1)),
    });
    console.log(`Cardframe mount/submit latency: ${RUNS} runs (+1 warm-up), headless Chromium, loopback, cold browser cache per run`);
    console.table([
      row('blank cross-site iframe load', blank),
      row('mount() → ready', ready),
      row('4 split fields: mount() ×4 → group ready', splitReady),
      row('submit() → tokenId', submit),
      row('4 split fields: group.submit() → tokenId', splitSubmit),
    ]);
    console.log(`split fields ready / combined ready = ${(median(splitReady) / median(ready)).toFixed(2)}× (the cost of four frames instead of one)`);
    const ratio = median(ready) / median(blank);
    console.log(`ready / blank = ${ratio.toFixed(2)}× (goal ≤ 3×): ${ratio <= 3 ? 'MEETS' : 'MISSES'} the goal`);
    console.log(`last token ${lastToken}: ${token.card?.scheme} ${token.card?.masked_account_number} (read back from the vault)`);
  } finally {
    await browser?.close();
    vault?.kill('SIGTERM');
    await new Promise((done) => shop.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
