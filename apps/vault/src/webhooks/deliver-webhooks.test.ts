import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, backend, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { claimLapsedSecurityCodes } from './claim-lapsed-security-codes.ts';
import { deliverDueWebhooks } from './deliver-webhooks.ts';

const HOUR = 60 * 60 * 1000;
let receiver: LoopbackServer;
let vault: TestVault;
beforeEach(async () => {
  receiver = await startLoopbackServer();
  vault = await createTestVault();
});
afterEach(async () => {
  await vault.close();
  await receiver.close();
});

async function webhook(v: TestVault, events: string[], path = '/hooks') {
  const res = await v.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: admin, payload: { events, url: `${receiver.origin}${path}` } });
  return res.json() as { id: string; hmac_key: string };
}

async function tokenWithCvc(v: TestVault) {
  const source = { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR, security_code: '123' };
  return (await v.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } })).json().id as string;
}

const header = (raw: string[], name: string) => raw[raw.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === name) + 1];

it('fires pci.token.security-code.expired once per lapse, signed, with the tiny event body', async () => {
  const hook = await webhook(vault, ['pci.token.security-code.expired']);
  await webhook(vault, ['network.token.updated'], '/other');
  const lapsing = await tokenWithCvc(vault);
  const deletedCvc = await tokenWithCvc(vault);
  const deletedToken = await tokenWithCvc(vault);
  await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${deletedCvc}/security-code`, headers: admin });
  await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${deletedToken}`, headers: admin });

  expect(await claimLapsedSecurityCodes(vault.deps)).toBe(0);
  vault.advance(HOUR + 1000);
  expect(await claimLapsedSecurityCodes(vault.deps)).toBe(1);
  expect(await claimLapsedSecurityCodes(vault.deps)).toBe(0);
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 0, retrying: 0, failed: 0 });

  expect(receiver.received).toHaveLength(1);
  const got = receiver.received[0]!;
  expect(got.url).toBe('/hooks');
  const event = JSON.parse(got.body.toString('utf8'));
  expect(event).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    created_at: expect.any(String),
    type: 'pci.token.security-code.expired',
    reason: 'The security code of the PCI token expired.',
    related_object: { id: lapsing, url: `https://vault.test/api/pci/tokens/${lapsing}` },
  });
  expect(Object.keys(event)).toEqual(['id', 'created_at', 'type', 'reason', 'related_object']);
  expect(header(got.rawHeaders, 'x-hmac-signature')).toBe(createHmac('sha256', hook.hmac_key).update(got.body).digest('hex'));
  expect(header(got.rawHeaders, 'content-type')).toBe('application/json');
});

it('fires again for the next lapse after a security-code refresh sets a new expiry', async () => {
  await webhook(vault, ['pci.token.security-code.expired']);
  const id = await tokenWithCvc(vault);
  vault.advance(HOUR + 1000);
  expect(await claimLapsedSecurityCodes(vault.deps)).toBe(1);
  // What a completed refresh session does to the row (sessions.ts).
  await vault.deps.db
    .updateTable('tokens')
    .set({ security_code_expires_at: vault.deps.now() + HOUR })
    .where('id', '=', id)
    .execute();
  vault.advance(HOUR + 1000);
  expect(await claimLapsedSecurityCodes(vault.deps)).toBe(1);
});

it('several processes claiming and delivering at once fire and send each event exactly once', async () => {
  // Postgres: three app instances, each with its own pool. SQLite: concurrent calls on one handle (a
  // second connection in the same thread would block on the first one's transaction, which only
  // separate processes can resolve).
  const peers = backend === 'postgres' ? [vault, await createTestVault({ peerOf: vault }), await createTestVault({ peerOf: vault })] : [vault];
  try {
    await webhook(vault, ['pci.token.security-code.expired']);
    const ids = await Promise.all(Array.from({ length: 8 }, () => tokenWithCvc(vault)));
    for (const p of peers) p.advance(HOUR + 1000);
    const claims = await Promise.all([...peers, ...peers, ...peers].map((p) => claimLapsedSecurityCodes(p.deps)));
    expect(claims.reduce((a, b) => a + b, 0)).toBe(8);
    // Rounds of racing dispatchers until the outbox is drained; contention may leave rows for a later round.
    let delivered = 0;
    for (let round = 0; round < 10 && delivered < 8; round++) {
      const sends = await Promise.all([...peers, ...peers, ...peers].map((p) => deliverDueWebhooks(p.deps, { batchSize: 3 })));
      delivered += sends.reduce((a, s) => a + s.delivered, 0);
    }
    expect(delivered).toBe(8);
    const related = receiver.received.map((r) => JSON.parse(r.body.toString()).related_object.id as string);
    expect(related.sort()).toEqual([...ids].sort());
  } finally {
    for (const p of peers.slice(1)) await p.close();
  }
});

it('retries after a 500 with backoff, and only a 2xx counts as delivered', async () => {
  await webhook(vault, ['pci.token.security-code.expired']);
  await tokenWithCvc(vault);
  vault.advance(HOUR + 1000);
  await claimLapsedSecurityCodes(vault.deps);
  receiver.respond((_req, res) => {
    res.statusCode = 500;
    res.end('down');
  });
  expect(await deliverDueWebhooks(vault.deps, { random: () => 1 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
  // Not due again before the backoff (10 s for the first failure, jitter pinned to the top).
  vault.advance(9_000);
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  receiver.respond((_req, res) => {
    res.statusCode = 302;
    res.setHeader('location', '/elsewhere');
    res.end();
  });
  vault.advance(1_001);
  expect(await deliverDueWebhooks(vault.deps, { random: () => 1 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
  receiver.respond((_req, res) => res.end('ok'));
  vault.advance(20_001);
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
  expect(receiver.received).toHaveLength(3);
  // Every attempt carried the same bytes and signature.
  expect(new Set(receiver.received.map((r) => r.body.toString() + header(r.rawHeaders, 'x-hmac-signature'))).size).toBe(1);
  const row = await vault.deps.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200, locked_until: null });
});

it('a pending row survives a restart: a new app over the same database delivers it', async () => {
  const hook = await webhook(vault, ['pci.token.security-code.expired']);
  await tokenWithCvc(vault);
  vault.advance(HOUR + 1000);
  await claimLapsedSecurityCodes(vault.deps);
  receiver.respond((_req, res) => {
    res.statusCode = 503;
    res.end();
  });
  expect((await deliverDueWebhooks(vault.deps)).retrying).toBe(1);
  await vault.app.close();

  const restarted = await createTestVault({ peerOf: vault });
  try {
    receiver.respond((_req, res) => res.end('ok'));
    restarted.advance(HOUR * 2);
    expect(await deliverDueWebhooks(restarted.deps)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const last = receiver.received.at(-1)!;
    expect(header(last.rawHeaders, 'x-hmac-signature')).toBe(createHmac('sha256', hook.hmac_key).update(last.body).digest('hex'));
  } finally {
    await restarted.close();
  }
});

it('a row leased by a process that died is picked up once the lease lapses', async () => {
  await webhook(vault, ['pci.token.security-code.expired']);
  await tokenWithCvc(vault);
  vault.advance(HOUR + 1000);
  await claimLapsedSecurityCodes(vault.deps);
  // A claim whose process never came back: leased, attempt counted, not sent.
  await vault.deps.db
    .updateTable('webhook_deliveries')
    .set({ locked_until: vault.deps.now() + 40_000, attempts: 1 })
    .execute();
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  vault.advance(40_001);
  expect(await deliverDueWebhooks(vault.deps)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
});

it('times out a receiver that never answers, and gives up after max attempts', async () => {
  await webhook(vault, ['pci.token.security-code.expired']);
  await tokenWithCvc(vault);
  vault.advance(HOUR + 1000);
  await claimLapsedSecurityCodes(vault.deps);
  receiver.respond(() => {
    /* never answers */
  });
  const options = { timeoutMs: 200, maxAttempts: 2 };
  expect(await deliverDueWebhooks(vault.deps, options)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
  vault.advance(HOUR);
  expect(await deliverDueWebhooks(vault.deps, options)).toEqual({ delivered: 0, retrying: 0, failed: 1 });
  vault.advance(HOUR);
  expect(await deliverDueWebhooks(vault.deps, options)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  const row = await vault.deps.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ status: 'failed', attempts: 2, last_status: null });
});
