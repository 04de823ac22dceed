import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from './test/server-process.ts';
import { throwawaySchema } from './test/throwaway-schema.ts';
import { backend, FUTURE_YEAR, MASTERCARD, PG_URL, VISA } from './test/test-vault.ts';

// Issue 13 §2: "a crash mid-rotation loses nothing and resumes", shown on a real vault process
// killed with SIGKILL in the middle of a field-key rotation, on the backend of the project
// (`vault`: SQLite; `vault:postgres`: Postgres).
const ADMIN = `rotation-kill-admin-${randomBytes(12).toString('hex')}`;
const TOKENS = 300;
const BATCH = 25;
const servers: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

interface Stored {
  tokens: { pan_ct: string; holder_ct: string | null; fingerprint: string }[];
  rotation: { state: string; done: number; total: number };
}

/** Reads the database behind the vault's back (between runs and after the last one). */
async function openStorage(): Promise<{ env: Record<string, string>; read(): Promise<Stored> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vault-rotation-kill-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const tokensSql = 'select pan_ct, holder_ct, fingerprint from tokens';
  const rotationSql = "select state, done, total from key_rotations where kind = 'field'";
  if (backend === 'sqlite') {
    return {
      env: { CARDFRAME_DATA_DIR: dataDir },
      async read() {
        const db = new Database(path.join(dataDir, 'vault.sqlite'), { readonly: true });
        try {
          return { tokens: db.prepare(tokensSql).all() as Stored['tokens'], rotation: db.prepare(rotationSql).get() as Stored['rotation'] };
        } finally {
          db.close();
        }
      },
    };
  }
  const { schema, admin, databaseUrl, drop } = await throwawaySchema(PG_URL, 't_kill');
  cleanups.push(drop);
  return {
    env: { CARDFRAME_DATA_DIR: dataDir, DATABASE_URL: databaseUrl() },
    async read() {
      const tokens = (await admin.query(`${tokensSql.replace('tokens', `${schema}.tokens`)}`)).rows as Stored['tokens'];
      const rotation = (await admin.query(rotationSql.replace('key_rotations', `${schema}.key_rotations`))).rows[0] as Stored['rotation'];
      return { tokens, rotation: { ...rotation, done: Number(rotation.done), total: Number(rotation.total) } };
    },
  };
}

it('a vault killed (SIGKILL) in the middle of a field-key rotation resumes it after a restart and completes it: every card readable, every row on the new key', async () => {
  const storage = await openStorage();
  const port = await freePort();
  const env = {
    ...storage.env,
    PORT: String(port),
    CARDFRAME_ADMIN_TOKEN: ADMIN,
    CARDFRAME_MASTER_KEY: randomBytes(32).toString('base64'),
    // Sweeps (which resume rotations) every second; batches small and paced, so the kill lands between them.
    CARDFRAME_SWEEP_INTERVAL: '1',
    CARDFRAME_KEY_ROTATION_BATCH: String(BATCH),
    CARDFRAME_KEY_ROTATION_PAUSE: '150',
  };
  const call = async (method: string, url: string, body?: object) => {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: { 'x-admin-token': ADMIN, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { card?: Record<string, string> } };
  };
  const create = async (i: number) => {
    const pan = i % 2 ? VISA : MASTERCARD;
    const res = await call('POST', '/api/pci/tokens', {
      source: { type: 'pan', account_number: pan, expiry_month: 6, expiry_year: FUTURE_YEAR, cardholder_name: `Holder ${i}` },
    });
    expect(res.status).toBe(200);
    return { id: res.body.id as string, pan, holder: `Holder ${i}` };
  };
  const check = async (token: { id: string; pan: string; holder: string }) => {
    const res = await call('GET', `/api/pci/tokens/${token.id}`);
    expect(res.status).toBe(200);
    expect(res.body.card!.masked_account_number).toBe(`${token.pan.slice(0, 6)}******${token.pan.slice(-4)}`);
    expect(res.body.card!.cardholder_name).toBe(token.holder);
  };

  let server = await startServer(env, 90_000);
  servers.push(server);
  const tokens: { id: string; pan: string; holder: string }[] = [];
  for (let i = 0; i < TOKENS; i += 10) tokens.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => create(i + j)))));

  const started = await call('POST', '/api/admin/key-rotations', { kind: 'field' });
  expect(started.status).toBe(202);
  const id = started.body.id as string;
  expect(started.body.total).toBe(TOKENS + 1); // and the session JWE key
  // Reads and writes go on while the job runs, until the kill.
  let progress = started.body;
  let n = TOKENS;
  while (Number(progress.done) < 3 * BATCH) {
    tokens.push(await create(n++));
    await check(tokens[Math.floor(Math.random() * tokens.length)]!);
    progress = (await call('GET', `/api/admin/key-rotations/${id}`)).body;
  }
  server.child.kill('SIGKILL');
  await server.exited;

  // Killed half-way: the rows are on both versions, and the rotation is still running.
  const halfway = await storage.read();
  expect(halfway.rotation.state).toBe('running');
  expect(halfway.rotation.done).toBeGreaterThanOrEqual(3 * BATCH);
  expect(halfway.rotation.done).toBeLessThan(TOKENS);
  const onNew = halfway.tokens.filter((t) => t.pan_ct.startsWith('v2.')).length;
  expect(onNew).toBeGreaterThan(0);
  expect(halfway.tokens.length - onNew).toBeGreaterThan(BATCH);

  // The same environment again: once the dead holder's lease lapses, a sweep resumes the job.
  server = await startServer(env, 90_000);
  servers.push(server);
  for (let i = 0; i < 5; i++) {
    tokens.push(await create(n++));
    await check(tokens[i * 37]!);
  }
  const deadline = Date.now() + 90_000;
  for (;;) {
    progress = (await call('GET', `/api/admin/key-rotations/${id}`)).body;
    if (progress.state === 'done') break;
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(progress.done).toBeGreaterThanOrEqual(Number(progress.total));
  for (let i = 0; i < tokens.length; i += 20) await Promise.all(tokens.slice(i, i + 20).map(check));
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);

  const after = await storage.read();
  expect(after.rotation.state).toBe('done');
  expect(after.tokens).toHaveLength(tokens.length);
  expect(after.tokens.filter((t) => !t.pan_ct.startsWith('v2.') || !t.holder_ct!.startsWith('v2.') || !t.fingerprint.startsWith('f2.'))).toEqual([]);
}, 300_000);
