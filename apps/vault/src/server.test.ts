import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backend, FUTURE_YEAR, VISA } from './test/test-vault.ts';

const ADMIN = 'restart-test-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vault-restart-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the real server process (TypeScript through tsx) and waits until it listens. */
async function start(
  port: number,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; stdout: () => string; stderr: () => string; logStream: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server.ts')], {
    // Development mode: these tests exercise the generated-key path (master-key-source.ts).
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CARDFRAME_DATA_DIR: dataDir, LOG_LEVEL: 'warn', CARDFRAME_DEV_MODE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
    stderr += d.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!out.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, stdout: () => out, stderr: () => stderr, logStream: () => stdout };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

// The process-level tests use the embedded default; the Postgres project covers the same code in-process.
describe.skipIf(backend !== 'sqlite')('the server process', () => {
  it('announces a generated master key and admin token once, then keeps tokens across a SIGKILL', async () => {
    const port = await freePort();
    const first = await start(port);
    // Finding 12: the token is in a 0600 file named on stderr, never on the log stream.
    const announced = /wrote it to (\S+admin-token-\d+) \(mode 0600\)/.exec(first.stderr());
    expect(announced).not.toBeNull();
    expect(statSync(announced![1]!).mode & 0o777).toBe(0o600);
    const adminToken = readFileSync(announced![1]!, 'utf8').trim();
    expect(adminToken).toMatch(/^adm_[A-Za-z0-9_-]+$/);
    expect(first.logStream()).not.toContain(adminToken);
    expect(first.stdout()).toContain('development mode: generated a master key');
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    const base = `http://127.0.0.1:${port}`;
    const created = await fetch(`${base}/api/pci/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify({ source: { type: 'pan', account_number: VISA, expiry_month: 5, expiry_year: FUTURE_YEAR } }),
    });
    expect(created.status).toBe(200);
    const token = (await created.json()) as { id: string };
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(port);
    expect(second.stdout()).not.toContain('admin token');
    expect(second.stdout()).not.toContain('generated a master key');
    const read = await fetch(`${base}/api/pci/tokens/${token.id}`, { headers: { 'x-admin-token': adminToken } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { card: { masked_account_number: string } }).card.masked_account_number).toBe('411111******1111');
    second.child.kill('SIGTERM');
    const code = await new Promise((r) => second.child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });

  it('writes its buffered request log within a second, and the rest when stopped', async () => {
    const port = await freePort();
    const logFile = path.join(dataDir, 'requests.log');
    const server = await start(port, { LOG_LEVEL: 'info', CARDFRAME_LOG_FILE: logFile });
    const requestLines = () =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((l) => l.includes('request completed'))
        : [];
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await expect.poll(requestLines, { timeout: 3000 }).toHaveLength(1);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    expect(requestLines().map((l) => (JSON.parse(l) as { url: string }).url)).toEqual(['/healthz', '/readyz']);
  });

  it('refuses to share its SQLite data dir with a second process, at once and in words', async () => {
    const port = await freePort();
    const owner = await start(port);
    const intruder = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server.ts')], {
      env: { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', CARDFRAME_DATA_DIR: dataDir, LOG_LEVEL: 'warn', CARDFRAME_DEV_MODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(intruder);
    let err = '';
    intruder.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => intruder.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain('is in use by another vault process; several vault processes need DATABASE_URL');
    // The owner is unharmed.
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    owner.child.kill('SIGTERM');
    await new Promise((r) => owner.child.once('exit', r));
  });

  it('fails fast with a readable message on bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server.ts')], {
      env: { ...process.env, CARDFRAME_DATA_DIR: dataDir, CARDFRAME_MASTER_KEY: 'short', CARDFRAME_ADMIN_TOKEN: ADMIN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain('CARDFRAME_MASTER_KEY must be 32 bytes');
    expect(readFileSync(path.join(dataDir, 'master.key'), 'utf8').trim()).toHaveLength(44);
  });

  it('outside development mode refuses to start with the master key beside the data, and says what to do', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server.ts')], {
      env: { ...process.env, CARDFRAME_DATA_DIR: dataDir, CARDFRAME_ADMIN_TOKEN: ADMIN, CARDFRAME_DEV_MODE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain('master.key lies beside the data');
    expect(err).toContain('CARDFRAME_MASTER_KEY_FILE');
  });
});
