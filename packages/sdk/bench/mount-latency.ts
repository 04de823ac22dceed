/**
 * End-to-end latency on loopback in each of the three engines (Chromium, Firefox ESR, WebKitGTK),
 * through the e2e driver (e2e/driver): per engine, the median over 20 cold mounts of
 * `mount()` → `ready` beside a blank cross-site iframe loaded in the same page and the same run
 * (goal: ready ≤ 3× blank), and of `submit()` → token id. Beside them, as a floor and not the goal's
 * baseline, a cross-site iframe with one input timed to its first layout. Then where the mount's time goes, per
 * engine, from the frame's own Navigation and Resource Timing.
 *
 * Starts the built vault (`apps/vault/dist/server.js`) with a throwaway data dir on `localhost`
 * and a tiny merchant page on `127.0.0.1` (another site, no browser flags). Needs `npm run build`
 * first. Everything it starts it stops. BENCH_ENGINES=webkit (comma list) picks engines;
 * BENCH_RUNS changes the run count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENGINES, freePort, launchEngine, missingFor, type EngineBrowser, type EngineName, type Tab } from '../../../e2e/driver/index.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const engines = (process.env.BENCH_ENGINES ?? ENGINES.join(',')).split(',').filter(Boolean) as EngineName[];
const root = resolve(import.meta.dirname, '../../..');
const vaultEntry = join(root, 'apps/vault/dist/server.js');
for (const file of [vaultEntry, join(root, 'packages/sdk/dist/cardframe.js'), join(root, 'packages/frame/dist/card.html')]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` at the repo root first`);
    process.exit(1);
  }
}
const missing = engines.flatMap((engine) => (ENGINES.includes(engine) ? missingFor(engine) : [`unknown engine ${engine}`]));
if (missing.length) {
  console.error(missing.join('\n'));
  process.exit(1);
}

const CARD_FRAME = ['iframe[title="Secure card payment form"]'];

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

const median = (values: number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => Number(value.toFixed(1));
/** Milliseconds from `from` to `t`, both on the wall clock, as text. */
const since0 = (t: number, from: number) => (t - from).toFixed(0);

/** The floor row's frame: one labelled input in the card form's font, laid out, then it tells its parent. */
const inputPage = (parentOrigin: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>input</title>
<style>body{margin:0;font:16px system-ui,sans-serif}input{font:inherit;padding:10px 12px;border:1px solid #c4cad4;border-radius:6px}</style>
</head><body><label>Card number <input inputmode="numeric" autocomplete="cc-number"></label>
<script>document.body.getBoundingClientRect();parent.postMessage('cardframe-bench:laid-out', ${JSON.stringify(parentOrigin)});</script></body></html>`;

/** The merchant page: the SDK from the vault, a container, and four timing helpers. */
function shopPage(vaultUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Bench shop</title>
<script src="${vaultUrl}/sdk/v1/cardframe.js"></script><script src="/bench.js"></script></head>
<body><div id="card"></div></body></html>`;
}

const benchScript = `
// A cross-site iframe holding one labelled input, timed to its first layout (it lays itself out and says so):
// what any interactive frame costs in this engine, as a floor beside the card's ready. Not the goal's baseline.
window.inputFrame = (src) => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  const start = performance.now();
  const done = (event) => {
    if (event.source !== frame.contentWindow || event.data !== 'cardframe-bench:laid-out') return;
    removeEventListener('message', done);
    resolve(performance.now() - start);
    frame.remove();
  };
  addEventListener('message', done);
  frame.src = src;
  document.body.append(frame);
});
window.blankFrame = (src) => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  const start = performance.now();
  frame.onload = () => { resolve(performance.now() - start); frame.remove(); };
  frame.src = src;
  document.body.append(frame);
});
// When the frame's hello reaches the page: the frame's script is running and its bridge is listening.
window.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cardframe:hello') window.helloAt = performance.now();
});
window.mountCard = async (sessionId, baseUrl) => {
  const cardframe = await Cardframe.init(sessionId, { baseUrl });
  window.card = cardframe.card();
  const start = performance.now();
  await window.card.mount('#card');
  return { ms: performance.now() - start, at: performance.timeOrigin + start, hello: window.helloAt - start };
};
window.submitCard = async () => {
  const start = performance.now();
  const { tokenId } = await window.card.submit();
  return { ms: performance.now() - start, tokenId };
};`;

/** Runs in the card frame: its navigation and every resource it fetched, on the wall clock. */
function frameTimeline() {
  const origin = performance.timeOrigin;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    origin,
    responseEnd: origin + (nav?.responseEnd ?? 0),
    domContentLoaded: origin + (nav?.domContentLoadedEventEnd ?? 0),
    load: origin + (nav?.loadEventEnd ?? 0),
    resources: performance.getEntriesByType('resource').map((entry) => {
      const r = entry as PerformanceResourceTiming;
      return { name: r.name, type: r.initiatorType, start: origin + r.startTime, end: origin + r.responseEnd, bytes: r.transferSize };
    }),
  };
}

interface Breakdown {
  'frame document received': number;
  'frame scripts loaded': number;
  'frame DOMContentLoaded': number;
  'session fetched': number;
  'frame load event': number;
  'hello reached the page': number;
  ready: number;
  requests: number;
}

async function benchEngine(engine: EngineName, urls: { shop: string; vault: string; blank: string; input: string }, newSession: () => Promise<string>) {
  let browser: EngineBrowser | undefined;
  const blank: number[] = [];
  const input: number[] = [];
  const ready: number[] = [];
  const submit: number[] = [];
  const parts: Breakdown[] = [];
  const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
  let lastToken = '';
  let requests: string[] = [];
  let version = engine as string;
  try {
    // The bench observes no requests. Subscribed to them, Firefox builds and sends BiDi network events for each of the
    // frame's six requests: +13–17 ms on its mount and +2–3 ms on the one-request blank iframe (ADR 0042).
    browser = await launchEngine(engine, { observeNetwork: false });
    // One uncounted warm-up run: the vault's first session also creates its rotating JWE key.
    for (let run = -1; run < RUNS; run++) {
      const tab: Tab = await browser.newTab(); // a fresh profile or context: cold cache for both frames
      if (run === -1) version = await browser.version();
      await tab.goto(urls.shop);
      const sessionId = await newSession();
      const blankMs = await tab.evaluate((src) => (window as any).blankFrame(src) as Promise<number>, urls.blank);
      const inputMs = await tab.evaluate((src) => (window as any).inputFrame(src) as Promise<number>, urls.input);
      const mounted = await tab.evaluate(([id, base]) => (window as any).mountCard(id, base) as Promise<{ ms: number; at: number; hello: number }>, [
        sessionId,
        urls.vault,
      ] as const);
      const timeline = await tab.evaluate(frameTimeline, undefined, CARD_FRAME);
      for (const [selector, text] of [
        ['#number-input', '4242424242424242'],
        ['#expiry-input', `12${year}`],
        ['#cvc-input', '123'],
      ] as const) {
        await tab.click(selector, CARD_FRAME);
        await tab.type(text);
      }
      const result = await tab.evaluate(() => (window as any).submitCard() as Promise<{ ms: number; tokenId: string }>, undefined);
      await tab.close();
      lastToken = result.tokenId;
      requests = [
        `document ${since0(timeline.origin, mounted.at)}`,
        ...timeline.resources.map((r) => `${new URL(r.name).pathname} ${r.type} ${since0(r.start, mounted.at)}→${since0(r.end, mounted.at)} ms ${r.bytes} B`),
      ];
      if (run < 0) continue;
      blank.push(blankMs);
      input.push(inputMs);
      ready.push(mounted.ms);
      submit.push(result.ms);
      const since = (t: number) => t - mounted.at;
      const scripts = timeline.resources.filter((r) => r.type === 'script' || r.name.endsWith('.js'));
      const session = timeline.resources.find((r) => r.name.includes('/api/sessions/'));
      parts.push({
        'frame document received': since(timeline.responseEnd),
        'frame scripts loaded': scripts.length ? since(Math.max(...scripts.map((r) => r.end))) : Number.NaN,
        'frame DOMContentLoaded': since(timeline.domContentLoaded),
        'session fetched': session ? since(session.end) : Number.NaN,
        'frame load event': since(timeline.load),
        'hello reached the page': mounted.hello,
        ready: mounted.ms,
        requests: timeline.resources.length + 1,
      });
    }
  } finally {
    await browser?.close();
  }
  return { engine, version, blank, input, ready, submit, parts, lastToken, requests };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cardframe-bench-'));
  const adminToken = randomBytes(24).toString('base64url');
  const vaultPort = await freePort();
  const shop = createServer();
  const shopPort = await listen(shop);
  // Three sites, as in production: the vault on localhost, the shop on 127.0.0.1, and the blank
  // frame served cross-site too (the vault's host name, the shop's server), like the card frame.
  const vaultUrl = `http://localhost:${vaultPort}`;
  const shopUrl = `http://127.0.0.1:${shopPort}`;
  const blankUrl = `http://localhost:${shopPort}/blank.html`;
  const inputUrl = `http://localhost:${shopPort}/input.html`;
  shop.on('request', (request, response) => {
    const send = (type: string, body: string) => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (request.url === '/') send('text/html; charset=utf-8', shopPage(vaultUrl));
    else if (request.url === '/bench.js') send('text/javascript', benchScript);
    else if (request.url === '/blank.html') send('text/html; charset=utf-8', '<!doctype html><title>blank</title>');
    else if (request.url === '/input.html') send('text/html; charset=utf-8', inputPage(shopUrl));
    else response.writeHead(404).end();
  });

  let vault: ChildProcess | undefined;
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

    const results = [];
    for (const engine of engines) {
      const result = await benchEngine(engine, { shop: shopUrl, vault: vaultUrl, blank: blankUrl, input: inputUrl }, newSession);
      const token = (await (await fetch(`${api}/api/pci/tokens/${result.lastToken}`, { headers })).json()) as {
        card?: { masked_account_number?: string };
      };
      if (token.card?.masked_account_number !== '424242******4242') throw new Error(`${engine}: the last token does not read back as the typed card`);
      results.push(result);
    }

    console.log(`Cardframe mount/submit latency: median of ${RUNS} cold mounts (+1 warm-up) per engine, loopback, fresh profile per run`);
    console.table(
      results.map((r) => {
        const ratio = median(r.ready) / median(r.blank);
        return {
          engine: r.version,
          'blank cross-site iframe ms': ms(median(r.blank)),
          'mount() → ready ms': ms(median(r.ready)),
          'ready / blank': `${ratio.toFixed(2)}× ${ratio <= 3 ? 'MEETS' : 'MISSES'} ≤ 3×`,
          'one-input iframe laid out ms': ms(median(r.input)),
          'ready / one-input': `${(median(r.ready) / median(r.input)).toFixed(2)}×`,
          'submit() → tokenId ms': ms(median(r.submit)),
          'submit goal ≤ 50 ms': median(r.submit) <= 50 ? 'MEETS' : 'MISSES',
        };
      }),
    );
    console.log("Where the mount goes: ms after mount() (median), from the card frame's Navigation and Resource Timing");
    console.table(
      Object.fromEntries(
        results.map((r) => [
          r.engine,
          Object.fromEntries(
            (Object.keys(r.parts[0] ?? {}) as (keyof Breakdown)[]).map((key) => [key, ms(median(r.parts.map((p) => p[key]).filter((v) => !Number.isNaN(v))))]),
          ),
        ]),
      ),
    );
    for (const r of results)
      console.log(`${r.engine}: the card frame's requests in the last run (start→end ms after mount(), transfer bytes)\n  ${r.requests.join('\n  ')}`);
  } finally {
    vault?.kill('SIGTERM');
    await new Promise((done) => shop.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
