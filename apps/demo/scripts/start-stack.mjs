#!/usr/bin/env node
// Starts the whole demo from built files: the vault (one process, or two over one Postgres and
// Redis with --cluster) and the merchant demo on a second origin, so the card frame is truly
// cross-origin. Prints the URL to open; Ctrl-C (SIGINT) or SIGTERM stops everything it started.
//
//   npm start                    vault http://localhost:8080 + shop http://127.0.0.1:3000
//   DATABASE_URL=… REDIS_URL=… npm start     the same on PostgreSQL and Redis
//   npm run start:cluster        vaults :8080 and :8081 over one Postgres + Redis; the shop
//                                creates sessions on :8080 and the browser completes them on :8081
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.join(root, 'data');
const cluster = process.argv.includes('--cluster');
const SHOP_URL = 'http://127.0.0.1:3000';
const VAULT_PORTS = cluster ? [8080, 8081] : [8080];

const say = (line) => process.stdout.write(`${line}\n`);

/** A secret generated once and kept in ./data with mode 0600, so restarts keep working. */
function keptSecret(name, make) {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, `${make()}\n`, { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

function requireBuilt(file) {
  if (!existsSync(path.join(root, file))) {
    say(`${file} is missing: run "npm run build" first (npm start does it for you).`);
    process.exit(1);
  }
}

const children = new Set();
let stopping = false;

/** Starts a built server; its output is prefixed with its name. If it dies on its own, everything stops. */
function start(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) process.stdout.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      say(`[${name}] exited (${signal ?? `code ${code}`}); stopping the stack.`);
      void stop(1);
    }
  });
  return child;
}

/**
 * Without DATABASE_URL the cluster gets its own database on the default server, created once:
 * the server's `test` database is shared with the test suites, whose rows are sealed with other
 * master keys, and a vault refuses to start over rows it cannot decrypt.
 */
async function clusterDatabase(serverUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect().catch((error) => {
    throw new Error(`PostgreSQL is not reachable at ${serverUrl} (${error.message}); set DATABASE_URL`);
  });
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'cardframe_cluster'");
    if (exists.rowCount === 0) await client.query('CREATE DATABASE cardframe_cluster');
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = '/cardframe_cluster';
  return url.toString();
}

/** Refuses to start over a port something else already answers on (its readiness would fool us). */
async function requireFreePort(url) {
  const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    async (response) => {
      await response.body?.cancel();
      return true;
    },
    () => false,
  );
  if (answered) throw new Error(`${new URL(url).host} is already in use; stop what runs there first`);
}

async function waitUntilReady(name, url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs / 1000}s`);
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (children.size > 0 && Date.now() < deadline) await sleep(100);
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main() {
  requireBuilt('apps/vault/dist/server.js');
  requireBuilt('apps/demo/dist/server.js');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const adminToken = keptSecret('admin-token', () => randomBytes(32).toString('base64url'));

  const shared = {};
  if (cluster) {
    shared.DATABASE_URL = process.env.DATABASE_URL || (await clusterDatabase('postgres://postgres@127.0.0.1:5432/test'));
    shared.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
    // Both vaults must decrypt what the other wrote: one master key, generated once into ./data.
    shared.CARDFRAME_MASTER_KEY = process.env.CARDFRAME_MASTER_KEY || keptSecret('master-key', () => randomBytes(32).toString('base64'));
  }
  const store = shared.DATABASE_URL || process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded SQLite';

  for (const url of [...VAULT_PORTS.map((port) => `http://localhost:${port}`), SHOP_URL]) await requireFreePort(url);

  const vaultUrls = [];
  for (const port of VAULT_PORTS) {
    const url = `http://localhost:${port}`;
    const vault = start(`vault:${port}`, 'apps/vault/dist/server.js', {
      ...shared,
      PORT: String(port),
      // A development vault answers this machine only; a deployment sets HOST behind its TLS proxy.
      HOST: '127.0.0.1',
      CARDFRAME_DATA_DIR: path.join(dataDir, cluster ? `vault-${port}` : 'vault'),
      // `npm start` is the local demo: development mode lets the vault keep its key in ./data.
      CARDFRAME_DEV_MODE: '1',
      CARDFRAME_ADMIN_TOKEN: adminToken,
      CARDFRAME_PUBLIC_URL: url,
      CARDFRAME_ALLOWED_ORIGINS: SHOP_URL,
    });
    await waitUntilReady(`vault:${port}`, `${url}/readyz`, vault);
    vaultUrls.push(url);
  }

  const demo = start('demo', 'apps/demo/dist/server.js', {
    PORT: '3000',
    HOST: '127.0.0.1',
    DEMO_DATA_DIR: path.join(dataDir, cluster ? 'demo-cluster' : 'demo'),
    VAULT_API_URL: vaultUrls[0],
    VAULT_FRAME_URL: vaultUrls.at(-1),
    CARDFRAME_ADMIN_TOKEN: adminToken,
  });
  await waitUntilReady('demo', `${SHOP_URL}/healthz`, demo);

  say('');
  say(`  Cardframe is running (${store}${cluster ? `, ${vaultUrls.length} vaults` : ''}).`);
  say(`  Vault:  ${vaultUrls.join('  ')}${cluster ? '   (the shop creates sessions on the first, the frame uses the second)' : ''}`);
  say(`  Open:   ${SHOP_URL}          checkout with the SDK script tag (SRI-pinned)`);
  say(`          ${SHOP_URL}/npm.html  the same checkout with the npm import`);
  say('  Test card 4242 4242 4242 4242, any future expiry, any CVC.  Ctrl-C stops everything.');
  say('');
}

main().catch((error) => {
  say(`Cannot start: ${error.message}`);
  void stop(1);
});
