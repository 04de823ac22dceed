import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Exported for the tests: the admin token the test vault accepts. */
export const TEST_ADMIN_TOKEN = 'demo-test-admin-token-0123456789abcdefghij';

declare module 'vitest' {
  export interface ProvidedContext {
    vaultUrl: string;
    adminToken: string;
  }
}

const vaultServer = path.resolve(import.meta.dirname, '../../../vault/dist/server.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Global setup of the demo project: the demo's vault-facing code is tested against the real,
 * built vault (embedded SQLite, a fresh temp data dir), never a stand-in. `npm test` builds first.
 */
export default async function startVault(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(vaultServer)) {
    throw new Error(`${vaultServer} is missing: build the vault first (npm run build -w apps/vault)`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cardframe-demo-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [vaultServer], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CARDFRAME_DATA_DIR: dataDir,
      // A throwaway test vault: its master key may live in its temp dir.
      CARDFRAME_DEV_MODE: '1',
      CARDFRAME_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      CARDFRAME_PUBLIC_URL: url,
      CARDFRAME_ALLOWED_ORIGINS: 'http://127.0.0.1:3000',
      DATABASE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the test vault exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the test vault did not become ready in 30s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  project.provide('vaultUrl', url);
  project.provide('adminToken', TEST_ADMIN_TOKEN);
  return async () => {
    if (child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
