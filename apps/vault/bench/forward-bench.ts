/**
 * Forward proxy throughput: requests/s and latency of `POST /api/pci/tokens/{id}/forward` to a
 * local PSP stand-in, beside a direct call to that PSP with the same body, measured in the same
 * run on the same loopback. Prints a table; asserts nothing. BENCH_DURATION (s, default 5),
 * BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Request as LoadRequest } from 'autocannon';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const children: ChildProcess[] = [];

async function serve(...args: string[]): Promise<{ port: number; adminToken?: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve-forward.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]!)));
    child.once('exit', (code) => reject(new Error(`${args[0]} server exited with ${code}`)));
  });
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

async function load(name: string, url: string, request: LoadRequest): Promise<Row> {
  if (WARMUP > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, requests: [request] });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests: [request] });
  return { name, rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, failures: r.non2xx + r.errors };
}

async function main() {
  const psp = await serve('psp');
  const destination = `http://127.0.0.1:${psp.port}`;
  const vault = await serve('vault', `${destination}/v1`);
  const base = `http://127.0.0.1:${vault.port}`;
  const admin = { 'content-type': 'application/json', 'x-admin-token': vault.adminToken! };
  const year = new Date().getUTCFullYear() + 3;
  const source = { type: 'pan', account_number: '4111111111111111', expiry_month: 12, expiry_year: year, cardholder_name: 'Bench Holder' };
  const token = (await (await fetch(`${base}/api/pci/tokens`, { method: 'POST', headers: admin, body: JSON.stringify({ source }) })).json()) as { id: string };
  const key = (await (
    await fetch(`${base}/api/admin/api-keys`, { method: 'POST', headers: admin, body: JSON.stringify({ scopes: ['pci:tokens:forward', 'pci:tokens:read'] }) })
  ).json()) as { key_value: string };

  const order = (card: object) => JSON.stringify({ amount: { value: 1299, currency: 'EUR' }, reference: 'order-1', paymentMethod: card });
  const template = order({
    number: '{{ account_number }}',
    holderName: '{{ cardholder_name }}',
    expiryMonth: '{{ expiry_month }}',
    expiryYear: '{{ expiry_year | unwrap }}',
  });
  const rendered = order({ number: source.account_number, holderName: source.cardholder_name, expiryMonth: '12', expiryYear: year });

  const rows: Row[] = [];
  rows.push(
    await load('direct POST to the PSP stand-in', destination, {
      method: 'POST',
      path: '/v1/payments',
      headers: { 'content-type': 'application/json' },
      body: rendered,
    }),
  );
  // The vault's own per-request floor (auth, token read, decrypt, log), with no upstream hop.
  rows.push(
    await load('GET the token (vault floor, no upstream)', base, {
      method: 'GET',
      path: `/api/pci/tokens/${token.id}`,
      headers: { 'x-api-key': key.key_value },
    }),
  );
  rows.push(
    await load('forward through the vault', base, {
      method: 'POST',
      path: `/api/pci/tokens/${token.id}/forward`,
      headers: { 'content-type': 'application/json', 'x-api-key': key.key_value, 'x-destination-url': `${destination}/v1/payments` },
      body: template,
    }),
  );

  const cpus = os.cpus();
  console.log(`\nforward bench: ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per row, loopback, SQLite + memory store, info log to a file`);
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim()}; client, vault and PSP stand-in share these cores\n`);
  console.log('| benchmark | req/s (2xx) | p50 ms | p99 ms | non-2xx/errors |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.failures} |`);
  const [direct, , forward] = rows as [Row, Row, Row];
  console.log(`\nforward / direct: ${((forward.rps / direct.rps) * 100).toFixed(0)}% of the direct rate, +${(forward.p50 - direct.p50).toFixed(2)} ms at p50`);
}

try {
  await main();
} finally {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }),
  );
}
