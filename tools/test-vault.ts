import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real, built vault for browser tests of packages that run against it (React, Vue): embedded
 * SQLite in a fresh temp dir, the frame and SDK it serves, the test page's origin allowed.
 * Started by a project's globalSetup; its URL and an API key travel to the test's browser commands
 * through the environment of this (the Vitest main) process. `npm run build` first.
 */
const vaultServer = path.resolve(import.meta.dirname, '../apps/vault/dist/server.js');
const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdefghij';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestVault {
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

export async function startTestVault(allowedOrigin: string): Promise<TestVault> {
  for (const file of [vaultServer, path.resolve(import.meta.dirname, '../packages/frame/dist/card.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cardframe-browser-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [vaultServer], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CARDFRAME_DATA_DIR: dataDir,
      CARDFRAME_ADMIN_TOKEN: ADMIN_TOKEN,
      // The vault refuses to start without a master key kept apart from the data: a throwaway
      // vault gets a fresh random one, living only as long as its temp dir.
      CARDFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
      CARDFRAME_PUBLIC_URL: url,
      CARDFRAME_ALLOWED_ORIGINS: allowedOrigin,
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the test vault exited with code ${child.exitCode}`);
      if (
        await fetch(`${url}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error('the test vault did not become ready in 30s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await fetch(`${url}/api/admin/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN_TOKEN },
      body: JSON.stringify({ scopes: ['pci:tokens:create', 'pci:tokens:read'] }),
    });
    const { key_value: apiKey } = (await response.json()) as { key_value: string };
    return { url, apiKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Per project (several may run in one Vitest process), keyed by the project's test page port:
 * where its vault is, through the environment of this process.
 */
export const vaultEnv = (pagePort: number) => `CARDFRAME_TEST_VAULT_${pagePort}`;

export function testVaultOf(pagePort: number): { url: string; apiKey: string } {
  const [url, apiKey] = (process.env[vaultEnv(pagePort)] ?? '').split(' ');
  if (!url || !apiKey) throw new Error(`the test vault for the page on port ${pagePort} is not running (globalSetup)`);
  return { url, apiKey };
}

/** A new tokenization session at the test vault (what a merchant server does per checkout). */
export async function createTestSession(project: number): Promise<string> {
  const { url, apiKey } = testVaultOf(project);
  const response = await fetch(`${url}/api/pci/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ source: { type: 'session' } }),
  });
  return ((await response.json()) as { session_id: string }).session_id;
}

/** Reads a token back from the vault: what the merchant server would see (masked number, scheme). */
export async function readTestToken(project: number, tokenId: string): Promise<unknown> {
  const { url, apiKey } = testVaultOf(project);
  return (await fetch(`${url}/api/pci/tokens/${encodeURIComponent(tokenId)}`, { headers: { 'x-api-key': apiKey } })).json();
}
