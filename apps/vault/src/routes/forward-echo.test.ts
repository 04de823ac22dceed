import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// Issue 13, finding 4: a destination that echoes its input must not hand card data back to a key
// that may only forward.
let psp: LoopbackServer;
let vault: TestVault;
let forwarder: Record<string, string>;
beforeAll(async () => {
  psp = await startLoopbackServer();
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(`${psp.origin}/v1/payments`) });
  const key = await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:forward'] } });
  forwarder = { 'x-api-key': key.json().key_value };
});
afterAll(async () => {
  await vault.close();
  await psp.close();
});

const NAME = 'Zoë "Z" Doe';
const CVC = '737';

async function token() {
  const source = { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR, cardholder_name: NAME, security_code: CVC };
  return (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } })).json().id as string;
}

const forward = (id: string, contentType: string, payload: string) =>
  vault.app.inject({
    method: 'POST',
    url: `/api/pci/tokens/${id}/forward`,
    headers: { ...forwarder, 'content-type': contentType, 'x-destination-url': `${psp.origin}/v1/payments` },
    payload,
  });

const leaks = (text: string) =>
  [VISA, NAME, JSON.stringify(NAME).slice(1, -1), encodeURIComponent(NAME), 'Zo%C3%AB+%22Z%22+Doe', 'Zo\\u00eb', `"${CVC}"`, `=${CVC}&`].filter((s) =>
    text.includes(s),
  );

it.each([
  ['JSON', 'application/json', '{"pan":"{{ account_number }}","name":"{{ cardholder_name }}","cvc":"{{ security_code }}","amount":7370}'],
  ['form', 'application/x-www-form-urlencoded', 'pan={{ account_number }}&name={{ cardholder_name }}&cvc={{ security_code }}&amount=7370'],
  ['plain', 'text/plain', 'PAN {{ account_number }} NAME {{ cardholder_name }} CVC {{ security_code }} AMOUNT 7370'],
])('masks a 400 that echoes the %s body, its headers and reason phrase', async (_kind, contentType, template) => {
  psp.respond((request, response) => {
    const echoed = request.body.toString('utf8');
    response.writeHead(400, `Bad card ${VISA}`, { 'content-type': 'text/plain', 'x-echo': Buffer.from(echoed).toString('latin1') });
    response.end(`invalid request: ${echoed}`);
  });
  const res = await forward(await token(), contentType, template);
  expect(psp.received.at(-1)!.body.toString()).toContain(VISA); // the destination did get the card
  expect(res.statusCode).toBe(400);
  expect(leaks(res.body)).toEqual([]);
  expect(leaks(String(res.headers['x-echo']))).toEqual([]);
  expect(res.body).toContain('*'.repeat(16));
  // Digits next to other digits are not the CVC: the amount survives.
  expect(res.body).toContain('7370');
});

it('masks re-encoded echoes (\\u escapes, + for space, lower-case hex) and gzip bodies', async () => {
  psp.respond((_request, response) => {
    // As a destination that escapes non-ASCII would write it.
    const echo = `{"name":"Zo\\u00eb \\"Z\\" Doe","form":"Zo%c3%ab+%22Z%22+Doe","pan":"${VISA}","cvc":"${CVC}"}`;
    response.writeHead(422, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(gzipSync(echo));
  });
  const res = await forward(await token(), 'application/json', '{"p":"{{ account_number }}","n":"{{ cardholder_name }}","c":"{{ security_code }}"}');
  expect(res.statusCode).toBe(422);
  expect(res.headers['content-encoding']).toBeUndefined();
  expect(leaks(res.body)).toEqual([]);
  expect(res.body).not.toContain('Zo%c3%ab');
  expect(JSON.parse(res.body).pan).toBe('*'.repeat(16));
});

it('refuses to relay a body in an encoding it cannot inspect', async () => {
  psp.respond((_request, response) => {
    response.writeHead(200, { 'content-encoding': 'zstd' });
    response.end(Buffer.from(VISA));
  });
  const res = await forward(await token(), 'application/json', '{"p":"{{ account_number }}"}');
  expect(res.statusCode).toBe(502);
  expect(res.body).not.toContain(VISA);
});

it('path-specific allowlist entries: the same origin outside the allowed path is refused', async () => {
  const res = await vault.app.inject({
    method: 'POST',
    url: `/api/pci/tokens/${await token()}/forward`,
    headers: { ...forwarder, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/v1/echo` },
    payload: '{"p":"{{ account_number }}"}',
  });
  expect(res.statusCode).toBe(403);
});
