import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { VaultDeps } from '../domain/vault-deps.ts';

export interface VaultMetrics {
  registry: Registry;
  /** The onResponse hook: request durations, and the counters HTTP outcomes define. */
  observe(request: FastifyRequest, reply: FastifyReply): void;
}

export interface MetricsOptions {
  /** The PostgreSQL pool, for its connection counts (SQLite has none). */
  pool?: pg.Pool;
  /** Node's own metrics (event loop lag, heap, GC): on in the server, off in tests that build many apps. */
  processMetrics?: boolean;
}

/** A backing store that does not answer within this counts as down for this scrape. */
const PROBE_TIMEOUT_MS = 2000;

const within = <T>(promise: Promise<T>): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref())]);

const up = async (probe: () => Promise<unknown>): Promise<number> =>
  within(probe()).then(
    () => 1,
    () => 0,
  );

/**
 * The vault's Prometheus metrics, in a registry of its own (several apps in one test process never collide).
 * Counters are per process (sum them across processes); the gauges read from the database describe the shared state,
 * so every process reports the same value (take max, not sum). Labels are route patterns, never raw URLs: a session
 * id in a URL is a credential and must not reach a metrics store.
 */
export function createVaultMetrics(deps: VaultDeps, options: MetricsOptions = {}): VaultMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'cardframe_' });

  const requestDuration = new Histogram({
    name: 'cardframe_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const tokensCreated = new Counter({
    name: 'cardframe_tokens_created_total',
    help: 'PCI tokens created, by source (pan: POST /api/pci/tokens; session: a completed session)',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const sessionsCreated = new Counter({ name: 'cardframe_sessions_created_total', help: 'Card sessions created', registers: [registry] });
  const sessionsCompleted = new Counter({
    name: 'cardframe_sessions_completed_total',
    help: 'Card sessions completed with a token',
    registers: [registry],
  });
  const authFailures = new Counter({
    name: 'cardframe_auth_failures_total',
    help: 'Failed authentications (401), and requests refused while over the failure limit (429), by credential presented',
    labelNames: ['credential', 'status_code'] as const,
    registers: [registry],
  });
  const forwardDuration = new Histogram({
    name: 'cardframe_forward_duration_seconds',
    help: 'POST /api/pci/tokens/{id}/forward duration (vault work and the destination exchange) by destination host and status class',
    labelNames: ['destination_host', 'status_class'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  new Gauge({
    name: 'cardframe_sessions',
    help: 'Card sessions in the database by state (expired: past their TTL, never completed; swept an hour after expiry)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const now = deps.now();
      const rows = await within(
        deps.db
          .selectFrom('sessions')
          .select((eb) => [
            sql<string>`case when ${eb.ref('status')} = 'completed' then 'completed' when ${eb.ref('expires_at')} <= ${now} then 'expired' else 'open' end`.as(
              'state',
            ),
            eb.fn.countAll<number>().as('count'),
          ])
          .groupBy('state')
          .execute(),
      ).catch(() => []);
      this.reset();
      for (const state of ['open', 'completed', 'expired']) this.set({ state }, Number(rows.find((r) => r.state === state)?.count ?? 0));
    },
  });
  new Gauge({
    name: 'cardframe_webhook_deliveries',
    help: 'Webhook outbox rows by status: pending is the queue depth (retrying: pending after a failed attempt), failed were given up',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await within(
        deps.db
          .selectFrom('webhook_deliveries')
          .select((eb) => [
            sql<string>`case when ${eb.ref('status')} = 'pending' and ${eb.ref('attempts')} > 0 then 'retrying' else ${eb.ref('status')} end`.as('status'),
            eb.fn.countAll<number>().as('count'),
          ])
          .groupBy(sql`1`)
          .execute(),
      ).catch(() => []);
      this.reset();
      for (const status of ['pending', 'retrying', 'delivered', 'failed']) {
        this.set({ status }, Number(rows.find((r) => r.status === status)?.count ?? 0));
      }
    },
  });
  new Gauge({
    name: 'cardframe_database_up',
    help: '1 when the database answers a trivial query within 2 s',
    registers: [registry],
    async collect() {
      this.set(await up(() => sql`select 1`.execute(deps.db)));
    },
  });
  new Gauge({
    name: 'cardframe_ephemeral_store_up',
    help: '1 when the ephemeral store (Redis, or memory) answers a ping within 2 s',
    registers: [registry],
    async collect() {
      this.set(await up(() => deps.securityCodeStore.ping()));
    },
  });
  const pool = options.pool;
  if (pool) {
    new Gauge({
      name: 'cardframe_database_pool_connections',
      help: 'PostgreSQL pool connections: total open, idle, and clients waiting for one',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  return {
    registry,
    observe(request, reply) {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = reply.statusCode;
      const seconds = reply.elapsedTime / 1000;
      requestDuration.observe({ method: request.method, route, status_code: status }, seconds);
      if (request.method === 'POST' && route === '/api/pci/tokens' && status === 200) {
        const source = (request.body as { source?: { type?: string } } | undefined)?.source?.type;
        if (source === 'session') sessionsCreated.inc();
        else tokensCreated.inc({ source: 'pan' });
      } else if (request.method === 'POST' && route === '/api/sessions/:id/complete-action' && status === 200) {
        sessionsCompleted.inc();
        tokensCreated.inc({ source: 'session' });
      } else if (request.routeOptions.config?.scope && (status === 401 || status === 429)) {
        const credential = request.headers['x-admin-token'] !== undefined ? 'admin_token' : request.headers['x-api-key'] !== undefined ? 'api_key' : 'none';
        authFailures.inc({ credential, status_code: status });
      }
      if (route === '/api/pci/tokens/:id/forward' && request.method === 'POST') {
        forwardDuration.observe(
          { destination_host: destinationHost(request.headers['x-destination-url']), status_class: `${Math.floor(status / 100)}xx` },
          seconds,
        );
      }
    },
  };
}

/** The host of x-destination-url, or "invalid": only a host, never a path or query that could carry data. */
function destinationHost(raw: string | string[] | undefined): string {
  try {
    return typeof raw === 'string' ? new URL(raw).host : 'invalid';
  } catch {
    return 'invalid';
  }
}
