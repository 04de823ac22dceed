/**
 * `npm run bench` (vault): metadata inquiries on a BIN table of BENCH_BIN_RANGES ranges (default
 * 500,000, generated with overlaps at 6, 8, 9 and 10 digits), on the embedded SQLite, in process
 * (no ports). Prints the import's cost and a table of inquiries/s and CPU µs per inquiry, next to
 * a baseline measured in the same run: reading a PCI token by id, the vault's cheapest indexed
 * read. Route rows go through the whole HTTP stack with `app.inject` (auth, validation, JSON).
 * Asserts nothing.
 *
 * BENCH_BIN_RANGES, BENCH_BIN_OPS (inquiries per row, default 20,000), BENCH_ROUNDS (default 3;
 * each ratio is the median of its rounds).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { buildDeps } from '../src/build-deps.ts';
import { hashSecret } from '../src/domain/api-keys.ts';
import { findToken } from '../src/domain/tokens.ts';
import { luhnCheckDigit } from '../src/network/sandbox-cryptogram.ts';
import { createMemorySecurityCodeStore } from '../src/ephemeral/memory-security-code-store.ts';
import { lookupBinRange } from '../src/metadata/bin-store.ts';
import { importBinText } from '../src/metadata/import-bin-file.ts';
import { createDb } from '../src/storage/create-db.ts';
import { migrateToLatest } from '../src/storage/migrations.ts';

const RANGES = Number(process.env.BENCH_BIN_RANGES ?? 500_000);
const OPS = Number(process.env.BENCH_BIN_OPS ?? 20_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const ADMIN = 'bench-admin-token-0123456789abcdefghijkl';

/** mulberry32: a seeded generator, so every run benches the same table. */
let seed = 12345;
const random = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
};
const SCHEMES = ['visa', 'mastercard', 'american express', 'discover', 'jcb'];

/** A table with nested and overlapping ranges of several prefix lengths, as real BIN files have. */
const starts: string[] = [];

function generateTable(count: number): string {
  const lines = ['start,end,scheme,type,segment,issuer_name,issuer_country_code,currency_code,product_code,product_name'];
  const seen = new Set<string>();
  while (lines.length <= count) {
    const length = [6, 8, 8, 9, 10][random(5)]!;
    const first = String(2 + random(5));
    let start = first;
    while (start.length < length) start += String(random(10));
    const span = random(length === 6 ? 3 : 20);
    const end = String(Math.min(Number(start) + span, 10 ** length - 1));
    if (end.length !== start.length || seen.has(`${start}-${end}`)) continue;
    seen.add(`${start}-${end}`);
    starts.push(start);
    const known = random(3);
    lines.push(
      [
        start,
        end,
        SCHEMES[random(5)],
        known ? 'credit' : '',
        known ? 'consumer' : '',
        known > 1 ? `"Issuer ${random(5000)}, Ltd"` : '',
        known ? 'DE' : '',
        known ? 'EUR' : '',
        '',
        '',
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Half the probes start inside a range of the table, half anywhere. */
function randomPan(): string {
  let body = random(2) ? starts[random(starts.length)]! : String(2 + random(5));
  while (body.length < 15) body += String(random(10));
  return body + luhnCheckDigit(body);
}

interface Row {
  name: string;
  opsPerSecond: number;
  cpuUsPerOp: number;
}

async function measure(name: string, op: (i: number) => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < Math.min(1000, OPS); i++) await op(i);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < OPS; i++) await op(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { name, opsPerSecond: Math.round(OPS / seconds), cpuUsPerOp: Math.round(((used.user + used.system) / OPS) * 10) / 10 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bin-bench-'));
  const handle = createDb({ databaseUrl: undefined, dataDir });
  try {
    await migrateToLatest(handle.db);
    const deps = buildDeps({
      handle,
      masterKey: randomBytes(32),
      securityCodeStore: createMemorySecurityCodeStore(),
      adminTokenHash: hashSecret(ADMIN),
      publicUrl: 'http://bench.invalid',
      allowedOrigins: [],
      sessionTtlSeconds: 900,
      securityCodeTtlSeconds: 3600,
      jweKeyRotationSeconds: 86_400,
      frameDir: dataDir,
      sdkDir: dataDir,
      hellgateDir: dataDir,
    });
    const app = await createApp(deps);
    await app.ready();

    const csv = generateTable(RANGES);
    const importStart = process.hrtime.bigint();
    const report = await importBinText(handle.db, csv, 'csv');
    const importSeconds = Number(process.hrtime.bigint() - importStart) / 1e9;
    console.log(
      `\nBIN table: ${report.accepted.toLocaleString('en')} ranges (${(csv.length / 1e6).toFixed(1)} MB CSV) -> ${report.segments!.toLocaleString('en')} segments; ` +
        `parse + validate + resolve overlaps + write: ${importSeconds.toFixed(1)} s (SQLite, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)})`,
    );

    const year = new Date().getUTCFullYear() + 3;
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/pci/tokens',
        headers: { 'x-admin-token': ADMIN },
        payload: { source: { type: 'pan', account_number: '4111111111111111', expiry_month: 1, expiry_year: year } },
      })
    ).json() as { id: string };
    const pans = Array.from({ length: 4096 }, randomPan);
    let hits = 0;
    for (const pan of pans) if (await lookupBinRange(handle.db, pan)) hits++;
    const headers = { 'x-admin-token': ADMIN, 'content-type': 'application/json' };
    const bodies = pans.map((account_number) => JSON.stringify({ source: { type: 'pan', account_number, expiry_month: 1, expiry_year: year } }));

    const rounds: Row[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rounds.push([
        await measure('baseline: token by id (domain)', () => findToken(deps, token.id)),
        await measure('BIN lookup (domain)', (i) => lookupBinRange(handle.db, pans[i & 4095]!)),
        await measure('baseline: GET /api/pci/tokens/{id}', () => app.inject({ method: 'GET', url: `/api/pci/tokens/${token.id}`, headers })),
        await measure('POST /api/metadata/inquiries', (i) =>
          app.inject({ method: 'POST', url: '/api/metadata/inquiries', headers, payload: bodies[i & 4095]! }),
        ),
      ]);
    }
    const names = rounds[0]!.map((row) => row.name);
    const table = names.map((name, i) => {
      const ops = median(rounds.map((round) => round[i]!.opsPerSecond));
      const cpu = median(rounds.map((round) => round[i]!.cpuUsPerOp));
      const baseline = i % 2 === 1 ? median(rounds.map((round) => round[i]!.cpuUsPerOp / round[i - 1]!.cpuUsPerOp)) : undefined;
      return {
        row: name,
        'ops/s': ops,
        'CPU µs/op': cpu,
        'CPU vs baseline above': baseline === undefined ? '' : `${baseline.toFixed(2)}x`,
      };
    });
    console.log(
      `Inquiries on ${report.accepted.toLocaleString('en')} ranges (${((hits / pans.length) * 100).toFixed(0)}% of the random PANs hit a range); medians of ${ROUNDS} rounds of ${OPS.toLocaleString('en')} sequential ops`,
    );
    console.table(table);
    await app.close();
  } finally {
    await handle.db.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
