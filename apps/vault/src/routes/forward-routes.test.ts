import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { createLogger } from '../logger.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let psp: LoopbackServer;
let vault: TestVault;
let logDir: string;
let logFile: string;
beforeAll(async () => {
  psp = await startLoopbackServer();
  logDir = mkdtempSync(path.join(os.tmpdir(), 'vault-forward-log-'));
  logFile = path.join(logDir, 'vault.log');
  vault = await createTestVault({
    forwardAllowlist: parseForwardAllowlist(`${psp.origin}/v1`),
    forwardTimeoutMs: 300,
    logger: createLogger({ level: 'trace', file: logFile }),
  });
});
beforeEach(() => psp.respond((_req, res) => res.end('ok')));
afterAll(async () => {
  await vault.close();
  await psp.close();
  rmSync(logDir, { recursive: true, force: true });
});

async function token(extra: object = {}) {
  const source = {
    type: 'pan',
    account_number: VISA,
    expiry_month: 3,
    expiry_year: FUTURE_YEAR,
    cardholder_name: 'Zoë "Z" Doe',
    security_code: '012',
    ...extra,
  };
  return (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } })).json().id as string;
}

const forward = (id: string, headers: Record<string, string>, payload?: string) =>
  vault.app.inject({ method: 'POST', url: `/api/pci/tokens/${id}/forward`, headers: { ...admin, ...headers }, ...(payload !== undefined ? { payload } : {}) });

/** Header pairs as the PSP saw them, as [name, value] tuples. */
const pairs = (raw: string[]) => raw.flatMap((v, i) => (i % 2 ? [] : [[v, raw[i + 1]!] as const]));

describe('POST /api/pci/tokens/{id}/forward', () => {
  it('refuses a body over 64 KiB with 413 in the Guardian format, and sends nothing', async () => {
    const id = await token();
    const before = psp.received.length;
    const res = await forward(id, { 'content-type': 'text/plain', 'x-destination-url': `${psp.origin}/v1/payments` }, 'x'.repeat(64 * 1024 + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 413, classifier: 'PAYLOAD_TOO_LARGE' });
    expect(psp.received.length).toBe(before);
  });

  it('delivers exactly the rendered bytes and headers, and relays status, headers and body as they came', async () => {
    const id = await token();
    psp.respond((_req, res) => {
      res.writeHead(201, 'Created', [
        'Content-Type',
        'application/vnd.psp+json',
        'X-Psp-Ref',
        'r-1',
        'Set-Cookie',
        'a=1',
        'Set-Cookie',
        'b=2',
        'Connection',
        'X-Hop',
        'X-Hop',
        'only-for-this-hop',
        'Keep-Alive',
        'timeout=5',
      ]);
      res.end('{"status":"authorized"}');
    });
    const template =
      '{"number":"{{ account_number }}", "name":"{{ cardholder_name }}","cvc":"{{ security_code }}",\n"expiry":{"month":"{{ expiry_month | unwrap }}","year":"{{ expiry_year | unwrap }}","mm":"{{ expiry_month }}"},"amount":100}';
    const res = await forward(
      id,
      {
        'content-type': 'application/json',
        'x-destination-url': `${psp.origin}/v1/payments?ref=9`,
        Authorization: 'Bearer psp-secret',
        'X-Trace': 't1',
        'x-idempotency-key': 'idem-1',
      },
      template,
    );

    expect(res.statusCode).toBe(201);
    expect(res.body).toBe('{"status":"authorized"}');
    expect(res.headers['content-type']).toBe('application/vnd.psp+json');
    expect(res.headers['x-psp-ref']).toBe('r-1');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(res.headers['x-hop']).toBeUndefined();
    expect(res.headers['keep-alive']).toBeUndefined();
    expect(res.headers['content-length']).toBe('23');

    const got = psp.received.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/v1/payments?ref=9');
    const expectedBody = `{"number":"${VISA}", "name":"Zoë \\"Z\\" Doe","cvc":"012",\n"expiry":{"month":3,"year":${FUTURE_YEAR},"mm":"03"},"amount":100}`;
    expect(got.body.equals(Buffer.from(expectedBody, 'utf8'))).toBe(true);
    expect(pairs(got.rawHeaders)).toEqual([
      ['Host', psp.origin.replace('http://', '')],
      ['content-type', 'application/json'],
      // app.inject lower-cases names; over a socket Node's rawHeaders keep the caller's case.
      ['authorization', 'Bearer psp-secret'],
      ['x-trace', 't1'],
      ['user-agent', 'lightMyRequest'],
      ['Content-Length', String(Buffer.byteLength(expectedBody))],
      ['Connection', 'keep-alive'],
    ]);
  });

  it('sends a reserved header through x-own-header-name/-value', async () => {
    const id = await token();
    psp.respond((_req, res) => res.end('ok'));
    const res = await forward(
      id,
      { 'x-destination-url': `${psp.origin}/v1`, 'x-own-header-name': 'x-api-key', 'x-own-header-value': 'psp-key-123', 'content-type': 'text/plain' },
      'pan={{ account_number }}',
    );
    expect(res.statusCode).toBe(200);
    const got = psp.received.at(-1)!;
    expect(got.body.toString()).toBe(`pan=${VISA}`);
    const names = pairs(got.rawHeaders).map(([n]) => n.toLowerCase());
    expect(pairs(got.rawHeaders)).toContainEqual(['x-api-key', 'psp-key-123']);
    expect(names).not.toContain('x-admin-token');
    expect(names).not.toContain('x-destination-url');
    expect(names.filter((n) => n === 'x-api-key')).toHaveLength(1);
  });

  it('relays a body without placeholders byte for byte, whatever its type', async () => {
    const id = await token();
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b, 0x7b]);
    const res = await vault.app.inject({
      method: 'POST',
      url: `/api/pci/tokens/${id}/forward`,
      headers: { ...admin, 'content-type': 'application/octet-stream', 'x-destination-url': `${psp.origin}/v1/raw` },
      payload: bytes,
    });
    expect(res.statusCode).toBe(200);
    expect(psp.received.at(-1)!.body.equals(bytes)).toBe(true);
  });

  it('does not follow redirects: the 3xx comes back as is', async () => {
    const id = await token();
    psp.respond((_req, res) => {
      res.writeHead(307, { Location: 'https://elsewhere.example/steal' });
      res.end();
    });
    const before = psp.received.length;
    const res = await forward(id, { 'x-destination-url': `${psp.origin}/v1/r`, 'content-type': 'application/json' }, '{"n":"{{ account_number }}"}');
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe('https://elsewhere.example/steal');
    expect(psp.received.length).toBe(before + 1);
  });

  it.each([
    ['another path', (o: string) => `${o}/v2/payments`],
    ['a path that only starts like the prefix', (o: string) => `${o}/v10`],
    ['a dot-segment escape', (o: string) => `${o}/v1/../admin`],
    ['another host', () => 'https://psp.evil.example/v1'],
    ['a non-URL', () => 'not a url'],
  ])('refuses %s with 403 DESTINATION_NOT_ALLOWED and sends nothing', async (_name, url) => {
    const id = await token();
    const before = psp.received.length;
    const res = await forward(id, { 'x-destination-url': url(psp.origin), 'content-type': 'application/json' }, '{"n":"{{ account_number }}"}');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 403, classifier: 'DESTINATION_NOT_ALLOWED', message: expect.any(String) });
    expect(psp.received.length).toBe(before);
  });

  it('answers 422 without x-destination-url, 404 for an unknown token, 400 for unknown placeholders and bad JSON', async () => {
    const id = await token();
    const missing = await forward(id, { 'content-type': 'application/json' }, '{}');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().validation_errors[0].path).toBe("$['x-destination-url']");
    const unknown = await forward('00000000-0000-4000-8000-000000000000', { 'x-destination-url': `${psp.origin}/v1` }, 'x');
    expect(unknown.statusCode).toBe(404);
    const typo = await forward(id, { 'x-destination-url': `${psp.origin}/v1`, 'content-type': 'application/json' }, '{"n":"{{ acount_number }}"}');
    expect(typo.json()).toMatchObject({ code: 400, classifier: 'INVALID_PLACEHOLDER' });
    const broken = await forward(id, { 'x-destination-url': `${psp.origin}/v1`, 'content-type': 'application/json' }, '{"n":"{{ account_number }}"');
    expect(broken.json()).toMatchObject({ code: 400, classifier: 'BAD_REQUEST' });
    const half = await forward(id, { 'x-destination-url': `${psp.origin}/v1`, 'x-own-header-name': 'x-api-key' }, 'x');
    expect(half.json()).toMatchObject({ code: 400, classifier: 'INVALID_OWN_HEADER' });
  });

  it('answers 409 for {{ security_code }} once the CVC is gone, and for a missing cardholder name', async () => {
    const id = await token();
    await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${id}/security-code`, headers: admin });
    const res = await forward(id, { 'x-destination-url': `${psp.origin}/v1`, 'content-type': 'application/json' }, '{"c":"{{ security_code }}"}');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ classifier: 'SECURITY_CODE_NOT_AVAILABLE' });
    // The rest of the card still forwards without the CVC.
    expect(
      (await forward(id, { 'x-destination-url': `${psp.origin}/v1`, 'content-type': 'application/json' }, '{"n":"{{ account_number }}"}')).statusCode,
    ).toBe(200);
    const anonymous = await token({ cardholder_name: undefined });
    const noName = await forward(anonymous, { 'x-destination-url': `${psp.origin}/v1`, 'content-type': 'application/json' }, '{"h":"{{ cardholder_name }}"}');
    expect(noName.json()).toMatchObject({ code: 409, classifier: 'CARDHOLDER_NAME_NOT_AVAILABLE' });
  });

  it('answers 504 when the destination is too slow and 502 when it cannot be reached', async () => {
    const id = await token();
    psp.respond(() => {
      /* never answers */
    });
    const slow = await forward(id, { 'x-destination-url': `${psp.origin}/v1/slow`, 'content-type': 'application/json' }, '{"n":"{{ account_number }}"}');
    expect(slow.statusCode).toBe(504);
    expect(slow.json()).toEqual({ code: 504, classifier: 'GATEWAY_TIMEOUT', message: expect.any(String) });
    psp.respond((_req, res) => res.destroy());
    const reset = await forward(id, { 'x-destination-url': `${psp.origin}/v1/reset` }, 'x');
    expect(reset.statusCode).toBe(502);
    const closed = await startLoopbackServer();
    const origin = closed.origin;
    await closed.close();
    const refusing = await createTestVault({ peerOf: vault, forwardAllowlist: parseForwardAllowlist(origin) });
    try {
      const refused = await refusing.app.inject({
        method: 'POST',
        url: `/api/pci/tokens/${id}/forward`,
        headers: { ...admin, 'x-destination-url': `${origin}/x` },
        payload: 'x',
      });
      expect(refused.statusCode).toBe(502);
      expect(refused.json()).toEqual({ code: 502, classifier: 'BAD_GATEWAY', message: expect.any(String) });
    } finally {
      await refusing.close();
    }
  });

  it('needs pci:tokens:forward', async () => {
    const id = await token();
    const key = (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:read'] } })).json();
    const res = await vault.app.inject({
      method: 'POST',
      url: `/api/pci/tokens/${id}/forward`,
      headers: { 'x-api-key': key.key_value, 'x-destination-url': `${psp.origin}/v1` },
      payload: 'x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().classifier).toBe('FORBIDDEN');
  });

  it('never writes the PAN or CVC to the log', () => {
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('/forward');
    expect(log).not.toContain(VISA);
    expect(log).not.toContain('"012"');
  });
});
