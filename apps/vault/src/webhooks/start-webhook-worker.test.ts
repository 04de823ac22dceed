import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { DELIVERY_RETENTION_MS, pruneDeliveries } from './prune-deliveries.ts';
import { startWebhookWorker } from './start-webhook-worker.ts';
import { sweepGenericTokens } from '../generic/sweep-generic-tokens.ts';

let receiver: LoopbackServer;
let vault: TestVault;
beforeAll(async () => {
  receiver = await startLoopbackServer();
  vault = await createTestVault();
});
afterAll(async () => {
  await vault.close();
  await receiver.close();
});

it('the worker claims lapsed CVCs and delivers on its own, and stops cleanly', async () => {
  await vault.app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: admin,
    payload: { events: ['pci.token.security-code.expired'], url: `${receiver.origin}/w` },
  });
  const source = { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR, security_code: '123' };
  const token = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } })).json();
  vault.advance(60 * 60 * 1000 + 1000);
  const errors: Error[] = [];
  const worker = startWebhookWorker(vault.deps, { intervalMs: 20, onError: (e) => errors.push(e) });
  try {
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5000, interval: 20 });
  } finally {
    await worker.stop();
  }
  expect(JSON.parse(receiver.received[0]!.body.toString()).related_object.id).toBe(token.id);
  expect(errors).toEqual([]);
});

it('sweeps expired generic tokens and prunes finished deliveries after the retention', async () => {
  await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { a: 'b' }, expiration_time: 1 } });
  const live = (await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { a: 'b' } } })).json();
  vault.advance(2000);
  expect(await sweepGenericTokens(vault.deps)).toBe(1);
  expect((await vault.deps.db.selectFrom('generic_tokens').select('id').execute()).map((r) => r.id)).toEqual([live.id]);
  expect(await pruneDeliveries(vault.deps)).toBe(0);
  vault.advance(DELIVERY_RETENTION_MS + 1000);
  expect(await pruneDeliveries(vault.deps)).toBe(1);
  expect(await vault.deps.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
});
