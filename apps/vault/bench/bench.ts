/**
 * `npm run bench`: requests/s and p50/p99 latency of the vault's hot paths on loopback, next to
 * two baselines measured in the same run (a bare node:http server, raw RSA-OAEP-256 decryptions
 * with node:crypto), and the ratios against the goals. Prints a table; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants, generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon, { type Request as LoadRequest } from 'autocannon';
import { CompactEncrypt, importJWK } from 'jose';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MODULUS = Number(process.env.BENCH_RSA_BITS ?? 2048);
const children: ChildProcess[] = [];

async function serve(mode: string): Promise<{ port: number; adminToken: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts'), mode, String(MODULUS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]!)));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

interface Row {
  name: string;
  rps: number;
  p50: number | undefined;
  p99: number | undefined;
  failures: number;
}

async function load(name: string, url: string, request: LoadRequest): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests: [request] });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.non2xx + result.errors };
}

function rawDecryptRate(): Row {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: MODULUS });
  const wrapped = publicEncrypt({ key: publicKey, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, randomBytes(32));
  const samples: number[] = [];
  const until = performance.now() + DURATION * 1000;
  while (performance.now() < until) {
    const t = performance.now();
    privateDecrypt({ key: privateKey, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))]!;
  return { name: `raw RSA-OAEP-256 decrypt (${MODULUS})`, rps: samples.length / DURATION, p50: pct(0.5), p99: pct(0.99), failures: 0 };
}

async function main() {
  const rows: Row[] = [];
  const bare = await serve('bare');
  rows.push(await load('bare node:http hello world', `http://127.0.0.1:${bare.port}`, { method: 'GET', path: '/' }));
  rows.push(rawDecryptRate());

  const vault = await serve('vault');
  const base = `http://127.0.0.1:${vault.port}`;
  const admin = { 'content-type': 'application/json', 'x-admin-token': vault.adminToken };
  const keyRes = await fetch(`${base}/api/admin/api-keys`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ scopes: ['pci:tokens:create', 'pci:tokens:read'] }),
  });
  const apiKey = ((await keyRes.json()) as { key_value: string }).key_value;
  const auth = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const year = new Date().getUTCFullYear() + 3;
  const panBody = JSON.stringify({ source: { type: 'pan', account_number: '4111111111111111', expiry_month: 12, expiry_year: year } });

  rows.push(await load('create session', base, { method: 'POST', path: '/api/pci/tokens', headers: auth, body: JSON.stringify({ source: { type: 'session' } }) }));
  rows.push(await load('create from pan', base, { method: 'POST', path: '/api/pci/tokens', headers: auth, body: panBody }));
  const token = (await (await fetch(`${base}/api/pci/tokens`, { method: 'POST', headers: auth, body: panBody })).json()) as { id: string };
  rows.push(await load('get token', base, { method: 'GET', path: `/api/pci/tokens/${token.id}`, headers: { 'x-api-key': apiKey } }));

  // Each completion needs its own open session: prepare more than the run can use, as the frame would.
  const rawRate = rows[1]!.rps;
  const needed = Math.ceil(rawRate * DURATION * 1.3) + 200;
  const sessions: { id: string; body: string }[] = [];
  const first = (await (await fetch(`${base}/api/pci/tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ source: { type: 'session' } }) })).json()) as { session_id: string };
  const jwk = ((await (await fetch(`${base}/api/sessions/${first.session_id}`)).json()) as { data: { jwk: Record<string, string> } }).data.jwk;
  const key = await importJWK(jwk, 'RSA-OAEP-256');
  const claims = new TextEncoder().encode(JSON.stringify({ account_number: '4111111111111111', expiry_month: 12, expiry_year: year, security_code: '123' }));
  for (let i = 0; i < needed; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, needed - i) }, async () => {
        const s = (await (await fetch(`${base}/api/pci/tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ source: { type: 'session' } }) })).json()) as { session_id: string };
        const jwe = await new CompactEncrypt(claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid! }).encrypt(key);
        return { id: s.session_id, body: JSON.stringify({ action: 'tokenize_card', result: { enc_payload: jwe } }) };
      }),
    );
    sessions.push(...batch);
  }
  let next = 0;
  rows.push(
    await load('complete-action (JWE)', base, {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/json' },
      setupRequest(req: LoadRequest) {
        const s = sessions[next++ % sessions.length]!;
        return { ...req, path: `/api/sessions/${s.id}/complete-action`, body: s.body };
      },
    }),
  );

  const fmt = (n: number | undefined, d = 1) => (n === undefined ? '-' : n.toFixed(d));
  console.log(`\nvault bench: ${CONNECTIONS} connections, ${DURATION}s per row, loopback, SQLite (WAL) + memory store, RSA ${MODULUS}\n`);
  console.log('| benchmark | req/s | p50 ms | p99 ms | non-2xx/errors |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.failures} |`);
  const byName = (n: string) => rows.find((r) => r.name.startsWith(n))!;
  const completeRatio = byName('complete-action').rps / byName('raw RSA').rps;
  const getRatio = byName('get token').rps / byName('bare').rps;
  console.log('\n| ratio | value | goal | met |');
  console.log('|---|---:|---:|:-:|');
  console.log(`| complete-action / raw decrypt | ${(completeRatio * 100).toFixed(0)}% | ≥ 60% | ${completeRatio >= 0.6 ? 'yes' : 'NO'} |`);
  console.log(`| get token / bare node:http | ${(getRatio * 100).toFixed(0)}% | ≥ 40% | ${getRatio >= 0.4 ? 'yes' : 'NO'} |`);
  if (byName('complete-action').failures > 0) console.log('\nnote: complete-action non-2xx means the run used up its prepared sessions');
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
