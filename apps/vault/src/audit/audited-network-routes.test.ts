import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// Issue 13 §3 and finding 4: network tokens, their cryptograms and forward, metadata inquiries and the sandbox
// lifecycle all touch card data; each is an audit event with who, the real client address, what and the outcome.
let vault: TestVault;
let psp: LoopbackServer;
beforeAll(async () => {
  psp = await startLoopbackServer();
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(`${psp.origin}/pay`), trustProxy: ['loopback'] });
});
afterAll(async () => {
  await vault.close();
  await psp.close();
});

const SCOPES = [
  'network:tokens:create',
  'network:tokens:read',
  'network:tokens:delete',
  'network:tokens:use',
  'network:tokens:forward',
  'metadata:inquiries:create',
];
// Behind the trusted loopback proxy: the event names the client the proxy saw, not the proxy.
const CLIENT = '203.0.113.21';
const viaProxy = { 'x-forwarded-for': CLIENT };
const trail = async () =>
  (await vault.app.inject({ method: 'GET', url: '/api/admin/audit-events?limit=500', headers: admin })).json().data as Record<string, any>[];

it('records network-token create, list, read, cryptogram, forward and delete, inquiries and the sandbox lifecycle, never a card value', async () => {
  const key = (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: SCOPES } })).json();
  const merchant = { 'x-api-key': key.key_value as string, ...viaProxy };
  const send = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = merchant) =>
    vault.app.inject({ method, url, headers, remoteAddress: '127.0.0.1', ...(payload ? { payload } : {}) });

  const source = { type: 'pan', account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR };
  const created = await send('POST', '/api/network/tokens', { source });
  expect(created.statusCode).toBe(200);
  const id = created.json().id as string;
  expect((await send('GET', '/api/network/tokens')).statusCode).toBe(200);
  expect((await send('GET', `/api/network/tokens/${id}`)).statusCode).toBe(200);
  const reference = (await send('POST', `/api/network/tokens/${id}/cryptograms`, { amount: 100, currency: 'EUR', mode: 'reference' })).json()
    .cryptogram_reference;
  const forward = (ref: string) =>
    vault.app.inject({
      method: 'POST',
      url: `/api/network/tokens/${id}/forward`,
      headers: { ...merchant, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay?secret=s3cr3t`, 'x-cryptogram-reference': ref },
      payload: '{"n":"{{ number }}","c":"{{ cryptogram }}"}',
      remoteAddress: '127.0.0.1',
    });
  expect((await forward(reference)).statusCode).toBe(200);
  const sent = JSON.parse(psp.received.at(-1)!.body.toString('utf8')) as { n: string; c: string };
  expect((await forward(reference)).statusCode).toBe(409);
  expect((await send('POST', '/api/metadata/inquiries', { source: { ...source, type: 'pan' } })).statusCode).toBe(200);
  expect((await send('POST', '/api/metadata/inquiries', { source: { type: 'network_token', network_token_id: id } })).statusCode).toBe(200);
  const lifecycle = await send('POST', `/api/sandbox/network/tokens/${id}/lifecycle`, { event: 'suspend' }, { ...admin, ...viaProxy });
  expect(lifecycle.statusCode).toBe(200);
  expect((await send('POST', `/api/sandbox/network/tokens/${id}/lifecycle`, { event: 'resume' })).statusCode).toBe(403);
  expect((await send('DELETE', `/api/network/tokens/${id}`)).statusCode).toBe(204);

  const events = await trail();
  const mine = events.filter((e) => e.action.startsWith('network_token.') || e.action.startsWith('metadata.'));
  for (const e of mine) expect(e.client, e.action).toBe(CLIENT);
  const find = (action: string, outcome = 'success') => mine.filter((e) => e.action === action && e.outcome === outcome);
  expect(find('network_token.create')).toMatchObject([{ actor: key.id, resource: id, detail: { source: 'pan', status: 200 } }]);
  expect(find('network_token.list')).toMatchObject([{ actor: key.id }]);
  expect(find('network_token.read')).toMatchObject([{ actor: key.id, resource: id }]);
  expect(find('network_token.cryptogram')).toMatchObject([{ actor: key.id, resource: id, detail: { mode: 'reference' } }]);
  expect(find('network_token.forward')).toMatchObject([
    { actor: key.id, resource: id, detail: { destination: `${psp.origin}/pay`, fields: ['number', 'cryptogram'], status: 200 } },
  ]);
  expect(find('network_token.forward', 'failure')).toMatchObject([{ actor: key.id, resource: id, detail: { status: 409 } }]);
  expect(find('metadata.inquiry')).toMatchObject([
    { actor: key.id, detail: { source: 'pan' } },
    { actor: key.id, resource: id, detail: { source: 'network_token' } },
  ]);
  expect(find('network_token.sandbox_lifecycle')).toMatchObject([{ actor: 'admin', resource: id, detail: { event: 'suspend' } }]);
  expect(find('network_token.sandbox_lifecycle', 'failure')).toMatchObject([{ actor: key.id, resource: id, detail: { event: 'resume', status: 403 } }]);
  expect(find('network_token.delete')).toMatchObject([{ actor: key.id, resource: id, detail: { status: 204 } }]);

  const raw = JSON.stringify(events);
  for (const secret of [VISA, sent.n, sent.c, reference, merchant['x-api-key'], 's3cr3t']) expect(raw).not.toContain(secret);
});
