import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer } from '../test/loopback-server.ts';
import { admin, backend, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { appendToChain, verifyChain } from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';

// Issue 13 §3: an append-only, hash-chained audit trail on both backends (PCI DSS 10.2, 10.3).
const vaults: TestVault[] = [];
afterEach(async () => {
  for (const v of vaults.splice(0).reverse()) await v.close();
});
async function vault(options: Parameters<typeof createTestVault>[0] = {}) {
  const v = await createTestVault(options);
  vaults.push(v);
  return v;
}
const events = async (v: TestVault, query = '') =>
  (await v.app.inject({ method: 'GET', url: `/api/admin/audit-events?limit=500${query}`, headers: admin })).json();

it('records card-data access and admin acts with who, client address, what, when and outcome, never a secret', async () => {
  const psp = await startLoopbackServer();
  try {
    const v = await vault({ forwardAllowlist: parseForwardAllowlist(psp.origin) });
    const key = await v.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: admin,
      payload: { scopes: ['pci:tokens:create', 'pci:tokens:read', 'pci:tokens:forward', 'admin:api-keys:create'] },
      remoteAddress: '198.51.100.9',
    });
    const keyId = key.json().id as string;
    const merchant = { 'x-api-key': key.json().key_value as string };
    const created = await v.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: merchant,
      payload: { source: { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR, security_code: '123' } },
      remoteAddress: '203.0.113.4',
    });
    const tokenId = created.json().id as string;
    await v.app.inject({ method: 'GET', url: `/api/pci/tokens/${tokenId}`, headers: merchant, remoteAddress: '203.0.113.4' });
    await v.app.inject({
      method: 'POST',
      url: `/api/pci/tokens/${tokenId}/forward?x=1`,
      headers: { ...merchant, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/charge?secret=s3cr3t` },
      payload: '{"n":"{{ account_number }}","c":"{{ security_code }}"}',
      remoteAddress: '203.0.113.4',
    });
    await v.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: merchant, payload: { scopes: ['admin:types:create'] } });
    await v.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { 'x-api-key': `key_${'W'.repeat(44)}` }, remoteAddress: '192.0.2.66' });
    const sessionId = await createSessionId(v.app);
    await v.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: {
        action: 'tokenize_card',
        result: { enc_payload: await encryptForSession(v.app, sessionId, { account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR }) },
      },
    });

    const trail = (await events(v)).data as Record<string, any>[];
    const find = (action: string, extra: Record<string, unknown> = {}) =>
      trail.find((e) => e.action === action && Object.entries(extra).every(([k, val]) => e[k] === val));
    expect(find('api_key.create', { actor: 'admin', client: '198.51.100.9', resource: keyId, outcome: 'success' })!.detail.scopes).toEqual([
      'pci:tokens:create',
      'pci:tokens:read',
      'pci:tokens:forward',
      'admin:api-keys:create',
    ]);
    expect(find('pci_token.create', { actor: keyId, client: '203.0.113.4', resource: tokenId, outcome: 'success' })).toBeDefined();
    expect(find('pci_token.read', { actor: keyId, resource: tokenId })).toBeDefined();
    expect(find('pci_token.forward', { actor: keyId, resource: tokenId, outcome: 'success' })!.detail).toMatchObject({
      destination: `${psp.origin}/charge`,
      fields: ['account_number', 'security_code'],
      security_code: 'single-use',
      status: 200,
    });
    // A refused grant is an audited failure.
    expect(find('api_key.create', { actor: keyId, outcome: 'failure' })!.detail).toMatchObject({ scopes: ['admin:types:create'], status: 403 });
    expect(find('auth.failure', { actor: 'anonymous', client: '192.0.2.66', outcome: 'failure' })!.detail).toMatchObject({ credential: 'x-api-key' });
    expect(find('session.complete', { actor: 'session', outcome: 'success' })!.resource).toMatch(/^[0-9a-f-]{36}$/);
    for (const e of trail) expect(new Date(e.at).getTime()).toBeGreaterThan(0);

    const raw = JSON.stringify(trail);
    for (const secret of [VISA, '"123"', merchant['x-api-key'], admin['x-admin-token'], 's3cr3t', sessionId]) expect(raw).not.toContain(secret);
  } finally {
    await psp.close();
  }
});

it('pages with links.next and filters by action, actor, outcome and time; exports JSON lines; is admin-only', async () => {
  const v = await vault();
  for (let i = 0; i < 5; i++) await v.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: admin });
  const first = await v.app.inject({ method: 'GET', url: '/api/admin/audit-events?limit=2&action=pci_token.list', headers: admin });
  const page1 = first.json();
  expect(page1.data).toHaveLength(2);
  expect(page1.links.next).toMatch(/action=pci_token.list/);
  const page2 = (await v.app.inject({ method: 'GET', url: new URL(page1.links.next).pathname + new URL(page1.links.next).search, headers: admin })).json();
  expect(page2.data[0].seq).toBeGreaterThan(page1.data[1].seq);
  expect((await events(v, '&outcome=failure')).data).toEqual([]);
  expect((await events(v, `&actor=admin&since=${new Date(Date.now() - 60_000).toISOString()}`)).data.length).toBeGreaterThanOrEqual(5);
  expect((await events(v, `&until=2000-01-01T00:00:00Z`)).data).toEqual([]);

  const exported = await v.app.inject({ method: 'GET', url: '/api/admin/audit-events/export?action=pci_token.list', headers: admin });
  expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
  const lines = exported.body
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(5);
  expect(lines.every((e) => e.action === 'pci_token.list')).toBe(true);

  const key = await v.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['admin:api-keys:read'] } });
  const denied = await v.app.inject({ method: 'GET', url: '/api/admin/audit-events', headers: { 'x-api-key': key.json().key_value } });
  expect(denied.statusCode).toBe(403);
});

it('is append-only in the database, and verify names the first broken link after tampering', async () => {
  const v = await vault();
  for (let i = 0; i < 4; i++) await v.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: admin });
  const good = (await v.app.inject({ method: 'GET', url: '/api/admin/audit-events/verify', headers: admin })).json();
  expect(good).toMatchObject({ ok: true });
  expect(good.checked).toBeGreaterThanOrEqual(4);

  await expect(v.deps.db.updateTable('audit_events').set({ actor: 'someone-else' }).where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
  await expect(v.deps.db.deleteFrom('audit_events').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);

  // An attacker with DDL rights drops the guard and rewrites event 2: the chain still tells.
  if (backend === 'postgres') await sql`drop trigger audit_events_no_change on audit_events`.execute(v.deps.db);
  else await sql`drop trigger audit_events_no_update`.execute(v.deps.db);
  await v.deps.db.updateTable('audit_events').set({ actor: 'someone-else' }).where('seq', '=', 2).execute();
  const verdict = await verifyChain(v.deps.db);
  expect(verdict).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'its content does not match its hash' } });
  const viaRoute = (await v.app.inject({ method: 'GET', url: '/api/admin/audit-events/verify', headers: admin })).json();
  expect(viaRoute.first_broken).toEqual({ seq: 2, reason: 'its content does not match its hash' });
});

it('keeps one unbroken chain under concurrent appends from two processes, and a crash between reading the head and writing loses nothing', async () => {
  const a = await vault({ poolSize: 5 });
  const b = await vault({ peerOf: a, poolSize: 5 });
  const input = (i: number) => ({ actor: 'admin', client: '127.0.0.1', action: 'test.concurrent', outcome: 'success' as const, detail: { i } });
  // Raw appends straight into the chain, as two processes would race (no in-process queue).
  await Promise.all(Array.from({ length: 40 }, (_, i) => appendToChain((i % 2 ? a : b).deps.db, `e-${i}`, Date.now(), input(i))));

  // A "crash": a writer reads the head, then dies before its INSERT. Nothing was written, and the
  // next append links to the real head.
  const head = await a.deps.db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  await appendToChain(a.deps.db, 'after-crash', Date.now(), input(99));
  const after = await a.deps.db.selectFrom('audit_events').selectAll().where('id', '=', 'after-crash').executeTakeFirstOrThrow();
  expect(Number(after.seq)).toBe(Number(head.seq) + 1);
  expect(after.prev_hash).toBe(head.hash);

  const verdict = await verifyChain(b.deps.db, 7);
  expect(verdict.ok).toBe(true);
  expect(verdict.checked).toBe(41);
  expect(verdict.head).toBe(after.hash);
});

it("recordAudit from two processes alternating: each one's cached head goes stale and the chain stays one line", async () => {
  const a = await vault();
  const b = await vault({ peerOf: a });
  const event = { actor: 'admin', client: '127.0.0.1', action: 'test.alternate', outcome: 'success' as const };
  for (let i = 0; i < 6; i++) await recordAudit(i % 2 ? a.deps : b.deps, event);
  await Promise.all(Array.from({ length: 10 }, (_, i) => recordAudit(i % 2 ? a.deps : b.deps, event)));
  const verdict = await verifyChain(a.deps.db);
  expect(verdict).toMatchObject({ ok: true, checked: 16 });
});

it.skipIf(backend !== 'sqlite')("the verify command walks a stopped vault's chain and exits 1 naming the first broken link", async () => {
  const v = await vault();
  for (let i = 0; i < 3; i++) await v.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: admin });
  await sql`drop trigger audit_events_no_update`.execute(v.deps.db);
  await v.deps.db.updateTable('audit_events').set({ client: '6.6.6.6' }).where('seq', '=', 3).execute();
  await v.app.close();
  v.handle.db.destroy();
  const run = promisify(execFile);
  const cli = path.join(import.meta.dirname, '..', 'audit-cli.ts');
  const failure = await run(process.execPath, ['--import', 'tsx', cli, 'verify'], {
    env: { ...process.env, CARDFRAME_DATA_DIR: v.dataDir, DATABASE_URL: '' },
  }).catch((e: { code: number; stdout: string }) => e);
  expect((failure as { code: number }).code).toBe(1);
  expect((failure as { stdout: string }).stdout).toContain('audit chain BROKEN at event 3: its content does not match its hash');
});
