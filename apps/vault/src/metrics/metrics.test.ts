import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { enqueueEvents } from '../webhooks/enqueue-event.ts';
import { SECURITY_CODE_EXPIRED_REASON } from '../webhooks/webhook-events.ts';
import { createMetricsApp } from './metrics-app.ts';
import { createVaultMetrics } from './vault-metrics.ts';

let psp: LoopbackServer;
let vault: TestVault;
beforeAll(async () => {
  psp = await startLoopbackServer();
  psp.respond((_req, res) => res.end('ok'));
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(psp.origin) });
});
afterAll(async () => {
  await vault.close();
  await psp.close();
});

/** Scrapes the metrics listener as Prometheus would, and returns sample lines by name and labels. */
async function scrape(v: TestVault = vault): Promise<Map<string, number>> {
  const metricsApp = createMetricsApp(v.app.metrics);
  const res = await metricsApp.inject({ method: 'GET', url: '/metrics' });
  await metricsApp.close();
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of res.body.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

describe('GET /metrics', () => {
  it('is not on the public listener: only the separate metrics listener serves it', async () => {
    expect((await vault.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    expect((await vault.app.inject({ method: 'GET', url: '/metrics', headers: admin })).statusCode).toBe(404);
    const metricsApp = createMetricsApp(vault.app.metrics);
    expect((await metricsApp.inject({ method: 'GET', url: '/api/pci/tokens' })).statusCode).toBe(404);
    await metricsApp.close();
  });

  it('counts tokens, sessions, failed authentications, forward latency and request durations by route', async () => {
    const before = await scrape();
    const pan = { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR, security_code: '123' };
    const token = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan } });
    expect(token.statusCode).toBe(200);
    const sessionId = await createSessionId(vault.app);
    const card = { account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR, security_code: '123' };
    const completed = await vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: await encryptForSession(vault.app, sessionId, card) } },
    });
    expect(completed.statusCode).toBe(200);
    await createSessionId(vault.app); // left open
    expect((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { 'x-api-key': 'key_wrong' } })).statusCode).toBe(401);
    const forward = await vault.app.inject({
      method: 'POST',
      url: `/api/pci/tokens/${token.json().id}/forward`,
      headers: { ...admin, 'content-type': 'text/plain', 'x-destination-url': `${psp.origin}/charge?secret=1` },
      payload: '{{ account_number }}',
    });
    expect(forward.statusCode).toBe(200);

    const after = await scrape();
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(delta('cardframe_tokens_created_total{source="pan"}')).toBe(1);
    expect(delta('cardframe_tokens_created_total{source="session"}')).toBe(1);
    expect(delta('cardframe_sessions_created_total')).toBe(2);
    expect(delta('cardframe_sessions_completed_total')).toBe(1);
    expect(delta('cardframe_auth_failures_total{credential="api_key",status_code="401"}')).toBe(1);
    expect(after.get('cardframe_sessions{state="completed"}')).toBeGreaterThanOrEqual(1);
    expect(after.get('cardframe_sessions{state="open"}')).toBeGreaterThanOrEqual(1);
    const host = new URL(psp.origin).host;
    expect(after.get(`cardframe_forward_duration_seconds_count{destination_host="${host}",status_class="2xx"}`)).toBe(1);
    expect(delta('cardframe_http_request_duration_seconds_count{method="POST",route="/api/sessions/:id/complete-action",status_code="200"}')).toBe(1);
    // Route patterns only: no session id, token id or query string ever becomes a label.
    const names = [...after.keys()].join('\n');
    expect(names).not.toContain(sessionId);
    expect(names).not.toContain(token.json().id);
    expect(names).not.toContain('secret=1');
    expect(names).not.toContain(VISA);
  });

  it('reports the webhook queue, and the database and ephemeral store as up', async () => {
    const hook = await vault.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: admin,
      payload: { url: `${psp.origin}/hook`, events: ['pci.token.security-code.expired'] },
    });
    expect(hook.statusCode, hook.body).toBe(200);
    await enqueueEvents(vault.deps.db, vault.deps.now(), 'pci.token.security-code.expired', [
      { reason: SECURITY_CODE_EXPIRED_REASON, related_object: { id: 'tok-1', url: 'https://vault.test/api/pci/tokens/tok-1' } },
    ]);
    const samples = await scrape();
    expect(samples.get('cardframe_webhook_deliveries{status="pending"}')).toBe(1);
    expect(samples.get('cardframe_database_up')).toBe(1);
    expect(samples.get('cardframe_ephemeral_store_up')).toBe(1);
  });

  it('reports the sessions that expired, and stores that stop answering as down', async () => {
    const other = await createTestVault({ sessionTtlSeconds: 10 });
    try {
      await createSessionId(other.app);
      other.advance(11_000);
      expect((await scrape(other)).get('cardframe_sessions{state="expired"}')).toBe(1);
      // The outage: this vault's database pool is gone, and its ephemeral store refuses (an injected error: the
      // in-memory store of the SQLite run cannot fail on its own).
      const unreachable = { ...other.deps.securityCodeStore, ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) };
      const metrics = createVaultMetrics({ ...other.deps, securityCodeStore: unreachable });
      await other.handle.db.destroy();
      const metricsApp = createMetricsApp(metrics);
      const res = await metricsApp.inject({ method: 'GET', url: '/metrics' });
      await metricsApp.close();
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/^cardframe_database_up 0$/m);
      expect(res.body).toMatch(/^cardframe_ephemeral_store_up 0$/m);
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
