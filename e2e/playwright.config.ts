import { Socket } from 'node:net';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { missingFor } from './driver/launch.ts';
import { ENGINES } from './driver/types.ts';
import type { EngineOptions } from './fixtures/engine-test.ts';
import { ADMIN_TOKEN, HOSTS, SHORT_SESSION_TTL_SECONDS, sites } from './sites.ts';

const root = path.resolve(import.meta.dirname, '..');

/** True when something accepts TCP connections there (Postgres/Redis for the cluster spec). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => done(true));
  });
}

// The cluster spec runs when Postgres and Redis are up; its spec reads this to skip otherwise.
const cluster = process.env.E2E_CLUSTER ?? ((await listening(5432)) && (await listening(6379)) ? '1' : '0');
process.env.E2E_CLUSTER = cluster;

const vault = (site: { port: number; origin: string; local: string }, shopOrigin: string, extra: Record<string, string> = {}) => ({
  command: 'node e2e/servers/with-temp-dir.mjs CARDFRAME_DATA_DIR apps/vault/dist/server.js',
  cwd: root,
  url: `${site.local}/readyz`,
  reuseExistingServer: false,
  timeout: 60_000,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5000 },
  stdout: 'ignore' as const,
  env: {
    PORT: String(site.port),
    CARDFRAME_PUBLIC_URL: site.origin,
    CARDFRAME_ALLOWED_ORIGINS: shopOrigin,
    CARDFRAME_ADMIN_TOKEN: ADMIN_TOKEN,
    // A throwaway vault in a temp dir: its master key may live there (development mode).
    CARDFRAME_DEV_MODE: '1',
    LOG_LEVEL: 'warn',
    ...extra,
  },
});

const shop = (site: { port: number; local: string }, apiVault: { local: string }, frameVault: { origin: string }) => ({
  command: 'node e2e/servers/with-temp-dir.mjs DEMO_DATA_DIR apps/demo/dist/server.js',
  cwd: root,
  url: `${site.local}/healthz`,
  reuseExistingServer: false,
  timeout: 60_000,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5000 },
  stdout: 'ignore' as const,
  env: {
    PORT: String(site.port),
    HOST: '127.0.0.1',
    WAIT_FOR: `${apiVault.local}/readyz`,
    VAULT_API_URL: apiVault.local,
    VAULT_FRAME_URL: frameVault.origin,
    CARDFRAME_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
  },
});

const staticSite = (dir: string, site: { port: number; local: string; host: string }) => ({
  command: `node e2e/servers/static-site.mjs ${dir}`,
  cwd: root,
  url: `${site.local}/index.html`,
  reuseExistingServer: false,
  // On the shop's and the attacker's address both (localhost reaches 127.0.0.1), so the sites spec can probe every pair.
  env: { PORT: String(site.port), HOSTS: `${HOSTS.shop},${HOSTS.attacker}` },
});

/**
 * One project per engine; every spec runs in each (docs/decisions/0007). `E2E_ENGINES=webkit`
 * (or `npx playwright test --project=webkit`) runs one engine alone.
 */
const engines = (process.env.E2E_ENGINES ?? ENGINES.join(',')).split(',').filter(Boolean);
for (const engine of engines) {
  if (!ENGINES.includes(engine as never)) throw new Error(`E2E_ENGINES: unknown engine ${engine} (known: ${ENGINES.join(', ')})`);
}
// A missing engine fails the whole run at once, one line per missing piece naming the package;
// it is never skipped. (E2E_ENGINES=chromium runs without the others on purpose.)
const missing = engines.flatMap((engine) => missingFor(engine as (typeof ENGINES)[number]));
if (missing.length) {
  console.error(missing.join('\n'));
  throw new Error(`e2e: ${missing.length} browser engine part(s) missing (see above); install them or set E2E_ENGINES`);
}

export default defineConfig<EngineOptions>({
  testDir: './specs',
  outputDir: './artifacts/results',
  // Every test starts from its own session and tab, so tests spread over both workers; each worker
  // holds one engine at a time (one browser, or one Xvfb + WebKitWebDriver).
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: './artifacts/report', open: 'never' }]],
  // WebKit starts a MiniBrowser per test (and retries one that does not come up): more headroom.
  projects: engines.map((engine) => ({
    name: engine,
    use: { engine: engine as EngineOptions['engine'] },
    ...(engine === 'webkit' ? { timeout: 90_000 } : {}),
  })),
  webServer: [
    // Brand fonts: the harness site is the merchant's allowlisted font host; fixtures/fonts is the operator's font dir.
    vault(sites.vault, `${sites.shop.origin},${sites.harness.origin},${sites.recordedShop.origin}`, {
      CARDFRAME_FONT_ORIGINS: sites.harness.origin,
      CARDFRAME_FONT_DIR: 'e2e/fixtures/fonts',
    }),
    shop(sites.shop, sites.vault, sites.vault),
    {
      command: 'node e2e/servers/recording-proxy.mjs',
      cwd: root,
      url: `${sites.recordedShop.local}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(sites.recordedShop.port), TARGET: sites.shop.local },
    },
    vault(sites.shortVault, sites.shortShop.origin, { CARDFRAME_SESSION_TTL: String(SHORT_SESSION_TTL_SECONDS) }),
    shop(sites.shortShop, sites.shortVault, sites.shortVault),
    staticSite('third-party', sites.evil),
    staticSite('harness third-party', sites.harness),
    ...(cluster === '1'
      ? [
          {
            command: 'node e2e/servers/cluster.mjs',
            cwd: root,
            url: `${sites.clusterVaultB.local}/readyz`,
            reuseExistingServer: false,
            timeout: 90_000,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
            stdout: 'ignore' as const,
            env: {
              CLUSTER_PORTS: `${sites.clusterVaultA.port},${sites.clusterVaultB.port}`,
              CARDFRAME_ALLOWED_ORIGINS: sites.clusterShop.origin,
              CARDFRAME_ADMIN_TOKEN: ADMIN_TOKEN,
              LOG_LEVEL: 'warn',
            },
          },
          shop(sites.clusterShop, sites.clusterVaultA, sites.clusterVaultB),
        ]
      : []),
  ],
});
