import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, startServer, type ServerProcess } from './test/server-process.ts';
import { throwawaySchema } from './test/throwaway-schema.ts';
import { startTcpProxy } from './test/tcp-proxy.ts';
import { backend, FUTURE_YEAR, PG_URL, REDIS_URL, VISA } from './test/test-vault.ts';

const ADMIN = 'fault-test-admin-token-0123456789abcdefgh';
const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(() => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vault-faults-'));
  dirs.push(dir);
  return dir;
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// Process-level faults on the embedded default; the same code paths run in-process on Postgres
// (master-key-check.test.ts, postgres-outage.test.ts).
// Each test starts real server processes (tsx), which on a loaded 2-core machine takes a while.
describe.skipIf(backend !== 'sqlite')('the server process under faults', () => {
  it('refuses a wrong master key with one sentence before writing anything, and never replaces a lost one', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { PORT: String(port), CARDFRAME_DATA_DIR: dataDir, CARDFRAME_ADMIN_TOKEN: ADMIN };
    const first = await startServer(env);
    const created = await fetch(`http://127.0.0.1:${port}/api/pci/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN },
      body: JSON.stringify({ source: { type: 'pan', account_number: VISA, expiry_month: 5, expiry_year: FUTURE_YEAR } }),
    });
    expect(created.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const db = path.join(dataDir, 'vault.sqlite');
    const before = digest(db);

    const wrong = spawnServer({ ...env, CARDFRAME_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    servers.push(wrong);
    expect(await wrong.exited).toBe(1);
    expect(wrong.output().trim()).toBe('cardframe vault: the master key does not match this database');
    expect(digest(db)).toBe(before);

    const keyFile = path.join(dataDir, 'master.key');
    const key = readFileSync(keyFile, 'utf8');
    unlinkSync(keyFile);
    const lost = spawnServer(env);
    servers.push(lost);
    expect(await lost.exited).toBe(1);
    expect(lost.output()).toMatch(/master\.key is missing, but the database holds data encrypted under a master key/);
    expect(existsSync(keyFile)).toBe(false);
    expect(digest(db)).toBe(before);
    // With the key restored from backup, the vault starts and reads its cards.
    const restored = await startServer({ ...env, CARDFRAME_MASTER_KEY: key.trim() });
    servers.push(restored);
    const read = await fetch(`http://127.0.0.1:${port}/api/pci/tokens/${((await created.json()) as { id: string }).id}`, {
      headers: { 'x-admin-token': ADMIN },
    });
    expect(read.status).toBe(200);
    restored.child.kill('SIGTERM');
    expect(await restored.exited).toBe(0);
  }, 180_000);

  it('drains on SIGTERM: in-flight and kept-alive requests are answered (Connection: close), no accepted request is cut or 503, every answer is logged', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const logFile = path.join(dataDir, 'requests.log');
    const server = await startServer({
      PORT: String(port),
      CARDFRAME_DATA_DIR: dataDir,
      CARDFRAME_ADMIN_TOKEN: ADMIN,
      CARDFRAME_LOG_FILE: logFile,
      LOG_LEVEL: 'info',
    });
    servers.push(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const body = JSON.stringify({ source: { type: 'pan', account_number: VISA, expiry_month: 5, expiry_year: FUTURE_YEAR } });
    const outcomes: { status?: number; connection?: string; error?: string; afterSignal: boolean }[] = [];
    let signalledAt = Infinity;
    // The signal reaches the process a moment after kill() returns.
    const signalled = () => Date.now() > signalledAt + 200;
    let stop = false;
    const once = () =>
      new Promise<void>((resolve) => {
        const afterSignal = signalled();
        const req = http.request(
          { host: '127.0.0.1', port, path: '/api/pci/tokens', method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-admin-token': ADMIN } },
          (res) => {
            res.resume();
            res.on('end', () => {
              outcomes.push({ status: res.statusCode!, connection: res.headers.connection ?? '', afterSignal });
              resolve();
            });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          outcomes.push({ error: error.code ?? error.message, afterSignal });
          if (error.code === 'ECONNREFUSED') stop = true;
          resolve();
        });
        req.end(body);
      });
    const loops = Array.from({ length: 8 }, async () => {
      while (!stop) await once();
    });
    await new Promise((r) => setTimeout(r, 700));
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    stop = true;
    await Promise.all(loops);
    agent.destroy();
    expect(code).toBe(0);
    const answered = outcomes.filter((o) => o.status !== undefined);
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.every((o) => o.status === 200)).toBe(true);
    // After the signal, every answer tells its client to close the connection.
    const drained = answered.filter((o) => o.afterSignal);
    expect(drained.length).toBeGreaterThan(0);
    expect(drained.every((o) => o.connection === 'close')).toBe(true);
    // The only failures come from the listener closing: refused, or reset while still in the
    // kernel's accept queue (never seen by the vault; a load balancer that watched /readyz sends none).
    expect(outcomes.filter((o) => o.error !== undefined && o.error !== 'ECONNREFUSED' && o.error !== 'ECONNRESET')).toEqual([]);
    expect(outcomes.filter((o) => o.error !== undefined && !o.afterSignal)).toEqual([]);
    // Nothing the vault accepted was cut: every request it handled (one log line each) was answered.
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"request completed"'));
    expect(lines.length).toBe(answered.length);
  }, 120_000);
});

describe.skipIf(backend !== 'postgres')('the server process while Postgres is down at start', () => {
  it('waits for the database instead of exiting, and serves once it is back', async () => {
    const { databaseUrl, drop } = await throwawaySchema(PG_URL, 't_start');
    const target = new URL(PG_URL);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    try {
      proxy.cut();
      const port = await freePort();
      const server = spawnServer({
        PORT: String(port),
        CARDFRAME_DATA_DIR: tempDir(),
        CARDFRAME_ADMIN_TOKEN: ADMIN,
        CARDFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
        DATABASE_URL: databaseUrl(proxy.url(PG_URL)),
        REDIS_URL: `${REDIS_URL}/14`,
      });
      servers.push(server);
      await new Promise((r) => setTimeout(r, 4000));
      expect(server.child.exitCode).toBeNull();
      proxy.restore();
      const deadline = Date.now() + 60_000;
      while (!server.output().includes('listening on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(server.output()).toContain('listening on');
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await proxy.close();
      await drop();
    }
  }, 120_000);
});
