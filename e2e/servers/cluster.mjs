#!/usr/bin/env node
// Two vault processes over one PostgreSQL database and one Redis, as `npm run start:cluster`
// runs them: a fresh database per run (dropped on exit), one shared master key, two ports.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const baseUrl = process.env.E2E_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const database = `cardframe_e2e_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
await admin.end();
const databaseUrl = new URL(baseUrl);
databaseUrl.pathname = `/${database}`;

const masterKey = randomBytes(32).toString('base64');
const ports = (process.env.CLUSTER_PORTS || '4110,4111').split(',');
const dirs = [];
const children = ports.map((port) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cardframe-e2e-cluster-'));
  dirs.push(dir);
  return spawn(process.execPath, ['apps/vault/dist/server.js'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: port,
      CARDFRAME_DATA_DIR: dir,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: process.env.E2E_REDIS_URL || 'redis://127.0.0.1:6379/7',
      CARDFRAME_MASTER_KEY: masterKey,
      CARDFRAME_PUBLIC_URL: `http://localhost:${port}`,
    },
  });
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map((child) =>
      child.exitCode !== null
        ? undefined
        : new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill('SIGTERM');
          }),
    ),
  );
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  const cleanup = new pg.Client({ connectionString: baseUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await cleanup.end();
  process.exit(code);
}
for (const child of children) child.on('exit', () => void stop(1));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
