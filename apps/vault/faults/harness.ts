import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { CompactEncrypt, importJWK } from 'jose';
import { spawnServer, startServer, type ServerProcess } from '../src/test/server-process.ts';

export const ADMIN = `faults-admin-${randomBytes(16).toString('hex')}`;
export const FUTURE_YEAR = new Date().getUTCFullYear() + 3;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One row of the printed table. */
export interface Row {
  scenario: string;
  backend: 'sqlite' | 'postgres+redis';
  acknowledged: number;
  lost: number;
  duplicated: number;
  /** 503s with Retry-After: the promised answer during an outage. */
  unavailable: number;
  /** Any other 5xx (500, 502, …): each one is a defect. */
  otherServerErrors: number;
  /** Tokens stored although their (unkeyed) request was answered 5xx: "never 500 for work that stuck". */
  orphans: number;
  /** Vault processes that exited because of a dependency (never the ones the scenario killed). */
  exits: number;
  /** From the dependency's return (or the restart's "listening") to the first acknowledged write. */
  recoverSeconds: number | undefined;
  note?: string;
}

export interface Response {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function request(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        timeout: timeoutMs,
        headers: { 'x-admin-token': ADMIN, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A vault process the suite started, with the port clients use. */
export interface Vault {
  port: number;
  env: Record<string, string>;
  server: ServerProcess | undefined;
  /** Set when the scenario killed it on purpose; any other exit counts as a dependency exit. */
  expectedExit: boolean;
  unexpectedExits: number;
}

export async function startVault(port: number, env: Record<string, string>): Promise<Vault> {
  const vault: Vault = { port, env, server: undefined, expectedExit: false, unexpectedExits: 0 };
  await restart(vault);
  return vault;
}

export async function restart(vault: Vault): Promise<number> {
  vault.expectedExit = false;
  const server = await startServer({ PORT: String(vault.port), CARDFRAME_ADMIN_TOKEN: ADMIN, ...vault.env }, 60_000);
  vault.server = server;
  void server.exited.then(() => {
    if (!vault.expectedExit) vault.unexpectedExits++;
  });
  return Date.now();
}

export async function kill(vault: Vault, signal: NodeJS.Signals): Promise<number | null> {
  vault.expectedExit = true;
  const server = vault.server!;
  server.child.kill(signal);
  return server.exited;
}

/** Runs the server expecting it to refuse to start; returns its exit code and output. */
export async function refusal(port: number, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const server = spawnServer({ PORT: String(port), CARDFRAME_ADMIN_TOKEN: ADMIN, ...env });
  const code = await server.exited;
  return { code, output: server.output().trim() };
}

export interface LoadOptions {
  vaults: Vault[];
  run: string;
  concurrency: number;
  /** Send an Idempotency-Key and retry the same key until acknowledged. */
  keyed: boolean;
  /** Every other request carries a CVC (so it needs the ephemeral store). */
  withCvc?: boolean;
  /** Every third write completes a session as the card frame does (its failure limiter sits on Redis). */
  sessions?: boolean;
}

/** What the load saw; `stop()` ends it after retrying keyed requests still unacknowledged. */
export interface Load {
  stop(): Promise<void>;
  acked: Map<number, string>;
  /** Sequence numbers whose unkeyed request got a 5xx answer (so must not be stored). */
  refused: Set<number>;
  unavailable: number;
  otherServerErrors: number;
  firstAckAfter(t: number): number | undefined;
  /** Statuses other than 200/503 seen (409 for a key in flight is expected with keys). */
  statuses: Map<number, number>;
}

export function startLoad(options: LoadOptions): Load {
  let stopping = false;
  let next = 0;
  let turn = 0;
  const acked = new Map<number, string>();
  const ackTimes: number[] = [];
  const refused = new Set<number>();
  const statuses = new Map<number, number>();
  const load: Load = {
    acked,
    refused,
    unavailable: 0,
    otherServerErrors: 0,
    statuses,
    firstAckAfter: (t) => ackTimes.find((at) => at >= t),
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
  const send = async (n: number): Promise<boolean> => {
    const vault = options.vaults[turn++ % options.vaults.length]!;
    const cvc = options.withCvc && n % 2 === 1;
    const body = {
      source: { type: 'pan', account_number: '4111111111111111', expiry_month: 5, expiry_year: FUTURE_YEAR, ...(cvc ? { security_code: '123' } : {}) },
      metadata: { run: options.run, n: String(n) },
    };
    try {
      const res =
        options.sessions && n % 3 === 2
          ? await completeSession(vault.port, body.source, body.metadata)
          : await request(vault.port, 'POST', '/api/pci/tokens', body, options.keyed ? { 'idempotency-key': `${options.run}-${n}` } : {});
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) {
        const answer = JSON.parse(res.body) as { id?: string; data?: { token_id: string } };
        acked.set(n, answer.id ?? answer.data!.token_id);
        ackTimes.push(Date.now());
        return true;
      }
      if (res.status === 503) load.unavailable++;
      else if (res.status >= 500) load.otherServerErrors++;
      if (res.status >= 500 && !options.keyed) refused.add(n);
      return false;
    } catch {
      // Connection refused or reset: outcome unknown to the client (a killed process).
      return false;
    }
  };
  const loops = Array.from({ length: options.concurrency }, async () => {
    while (!stopping) {
      const n = next++;
      if (await send(n)) continue;
      if (!options.keyed) {
        await sleep(50);
        continue;
      }
      // A keyed client retries the same key until it is acknowledged, even after the load stops
      // (a key left pending by a killed process answers 409 until its lease lapses).
      const giveUpAt = Date.now() + 30_000;
      while (Date.now() < giveUpAt) {
        await sleep(100);
        if (await send(n)) break;
      }
    }
  });
  return load;
}

/**
 * A session created with the run's metadata and completed with the card encrypted to its key, as the frame does;
 * the answer is the completion's (or the creation's, if that failed).
 */
async function completeSession(port: number, card: { type: string } & Record<string, unknown>, metadata: Record<string, string>): Promise<Response> {
  const created = await request(port, 'POST', '/api/pci/tokens', { source: { type: 'session' }, metadata });
  if (created.status !== 200) return created;
  const sessionId = (JSON.parse(created.body) as { session_id: string }).session_id;
  const state = await request(port, 'GET', `/api/sessions/${sessionId}`);
  if (state.status !== 200) return state;
  const jwk = (JSON.parse(state.body) as { data: { jwk: { kid: string } } }).data.jwk;
  const { type: _type, ...claims } = card;
  const payload = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid })
    .encrypt(await importJWK(jwk, 'RSA-OAEP-256'));
  return request(port, 'POST', `/api/sessions/${sessionId}/complete-action`, { action: 'tokenize_card', result: { enc_payload: payload } });
}

/** Every token of this run, by sequence number, read through the API. */
export async function storedTokens(port: number, run: string): Promise<Map<number, string[]>> {
  const byN = new Map<number, string[]>();
  let after: string | undefined;
  for (;;) {
    const res = await request(port, 'GET', `/api/pci/tokens?limit=100${after ? `&after=${after}` : ''}`);
    if (res.status !== 200) throw new Error(`listing tokens failed: ${res.status} ${res.body}`);
    const page = JSON.parse(res.body) as { data: { id: string; metadata?: Record<string, string> }[]; links: { next: string | null } };
    for (const token of page.data) {
      if (token.metadata?.run !== run) continue;
      const n = Number(token.metadata.n);
      byN.set(n, [...(byN.get(n) ?? []), token.id]);
    }
    if (!page.links.next) break;
    after = page.data.at(-1)!.id;
  }
  return byN;
}

/** Compares what clients were told with what is stored. */
export async function tally(port: number, load: Load, run: string): Promise<Pick<Row, 'acknowledged' | 'lost' | 'duplicated' | 'orphans'>> {
  const stored = await storedTokens(port, run);
  let lost = 0;
  for (const [n, id] of load.acked) if (!stored.get(n)?.includes(id)) lost++;
  let duplicated = 0;
  for (const ids of stored.values()) duplicated += ids.length - 1;
  let orphans = 0;
  for (const n of load.refused) if (stored.has(n)) orphans++;
  return { acknowledged: load.acked.size, lost, duplicated, orphans };
}

/** Polls `probe` until it says true; returns the time it did, or undefined after `limitMs`. */
export async function waitFor(probe: () => Promise<boolean>, limitMs = 15_000): Promise<number | undefined> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (await probe().catch(() => false)) return Date.now();
    await sleep(100);
  }
  return undefined;
}

export async function readyz(port: number): Promise<{ status: number; ms: number }> {
  const t = Date.now();
  try {
    const res = await request(port, 'GET', '/readyz', undefined, {}, 3000);
    return { status: res.status, ms: Date.now() - t };
  } catch {
    return { status: 0, ms: Date.now() - t };
  }
}

export function printTable(rows: Row[]): void {
  const header = ['scenario', 'backend', 'acknowledged', 'lost', 'duplicated', '5xx (503)', '5xx (other)', 'orphans', 'exits', 'recover s', 'note'];
  const cells = rows.map((r) => [
    r.scenario,
    r.backend,
    String(r.acknowledged),
    String(r.lost),
    String(r.duplicated),
    String(r.unavailable),
    String(r.otherServerErrors),
    String(r.orphans),
    String(r.exits),
    r.recoverSeconds === undefined ? '-' : r.recoverSeconds.toFixed(1),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
