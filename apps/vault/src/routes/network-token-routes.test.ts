import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../domain/scopes.ts';
import { luhn } from '../domain/validate-card.ts';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { createLogger } from '../logger.ts';
import { dynamicCvv, sandboxTokenNumber, verifyDynamicCvv, verifyTavvCryptogram } from '../network/sandbox-cryptogram.ts';
import type { SandboxProvider } from '../network/sandbox-provider.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, encryptForSession, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';

const AMEX = '378282246310005';
const JCB = '3530111333300000';

let vault: TestVault;
let psp: LoopbackServer;
let logDir: string;
let logFile: string;
beforeAll(async () => {
  psp = await startLoopbackServer();
  logDir = mkdtempSync(path.join(os.tmpdir(), 'vault-network-log-'));
  logFile = path.join(logDir, 'vault.log');
  vault = await createTestVault({
    forwardAllowlist: parseForwardAllowlist(`${psp.origin}/pay`),
    logger: createLogger({ level: 'trace', file: logFile }),
  });
});
afterAll(async () => {
  await vault.close();
  await psp.close();
  rmSync(logDir, { recursive: true, force: true });
});

const sandbox = () => vault.deps.tokenServiceProvider as SandboxProvider;
const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = admin) =>
  vault.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const panSource = (account_number = VISA, extra: object = {}) => ({
  type: 'pan',
  account_number,
  expiry_month: 4,
  expiry_year: FUTURE_YEAR,
  cardholder_name: 'Ada Lovelace',
  ...extra,
});
async function provision(account_number = VISA) {
  const res = await inject('POST', '/api/network/tokens', { source: panSource(account_number), metadata: { order: '42' } });
  expect(res.statusCode).toBe(200);
  return res.json();
}
/** The token's number, as the vault holds it (encrypted). */
async function numberOf(id: string) {
  const row = await vault.deps.db.selectFrom('network_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { row, number: vault.deps.cipher.decrypt(row.number_ct, `network_tokens:${id}:number`) };
}
async function withInline<T>(work: () => Promise<T>): Promise<T> {
  vault.deps.networkInlineCryptograms = true;
  try {
    return await work();
  } finally {
    vault.deps.networkInlineCryptograms = false;
  }
}

describe('provisioning with the sandbox provider', () => {
  it('issues a Luhn-valid number in the scheme range, never the PAN, deterministic per card, encrypted at rest', async () => {
    const fresh = await createTestVault();
    try {
      const first = (await fresh.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source: panSource() } })).json();
      const second = (await fresh.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source: panSource() } })).json();
      expect(first).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        created_at: expect.any(String),
        card: { cardholder_name: 'Ada Lovelace', expiry_month: 4, expiry_year: FUTURE_YEAR, masked_account_number: '411111******1111', scheme: 'visa' },
        network_token: { status: 'active', type: 'vts', expiry_month: new Date().getUTCMonth() + 1, expiry_year: new Date().getUTCFullYear() + 3 },
      });
      const numbers = [];
      for (const token of [first, second]) {
        const row = await fresh.deps.db.selectFrom('network_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
        const number = fresh.deps.cipher.decrypt(row.number_ct, `network_tokens:${token.id}:number`);
        numbers.push(number);
        expect(JSON.stringify(row)).not.toContain(number);
        expect(JSON.stringify(row)).not.toContain(VISA);
      }
      // The same card gets the sandbox's first, then its second test token: reproducible across vaults.
      expect(numbers).toEqual([sandboxTokenNumber(VISA, 'visa', 0), sandboxTokenNumber(VISA, 'visa', 1)]);
      for (const number of numbers) {
        expect(number).toMatch(/^489537\d{10}$/);
        expect(luhn(number)).toBe(true);
        expect(number).not.toBe(VISA);
      }
      const sandboxRows = await fresh.deps.db.selectFrom('sandbox_tsp_tokens').selectAll().execute();
      expect(sandboxRows).toHaveLength(2);
      for (const row of sandboxRows) for (const secret of [...numbers, VISA]) expect(JSON.stringify(row)).not.toContain(secret);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    [MASTERCARD, 'mastercard', 'mdes', /^520473\d{10}$/],
    [AMEX, 'american express', 'aets', /^377777\d{9}$/],
  ])('%s becomes a %s token of type %s', async (pan, scheme, type, pattern) => {
    const token = await provision(pan);
    expect(token.card.scheme).toBe(scheme);
    expect(token.network_token.type).toBe(type);
    const { number } = await numberOf(token.id);
    expect(number).toMatch(pattern);
    expect(luhn(number)).toBe(true);
  });

  it('replays an Idempotency-Key create without a second provisioning (the provider call holds no transaction)', async () => {
    const headers = { ...admin, 'idempotency-key': `nt-${Date.now()}` };
    const payload = { source: panSource(MASTERCARD) };
    const first = await inject('POST', '/api/network/tokens', payload, headers);
    expect(first.statusCode).toBe(200);
    const again = await inject('POST', '/api/network/tokens', payload, headers);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await vault.deps.db.selectFrom('network_tokens').select('id').where('id', '=', first.json().id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses schemes without network tokens, expired cards and unknown PCI tokens with 422 at the path', async () => {
    const jcb = await inject('POST', '/api/network/tokens', { source: panSource(JCB) });
    expect(jcb.statusCode).toBe(422);
    expect(jcb.json().validation_errors).toEqual([{ path: '$.source.account_number', message: expect.stringContaining('no network tokens') }]);
    const expired = await inject('POST', '/api/network/tokens', { source: panSource(VISA, { expiry_year: 2020 }) });
    expect(expired.json().validation_errors[0].path).toBe('$.source.expiry_year');
    const unknown = await inject('POST', '/api/network/tokens', { source: { type: 'pci_token', pci_token_id: '33333333-3333-4333-8333-333333333333' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().validation_errors[0].path).toBe('$.source.pci_token_id');
  });

  it('provisions from a PCI token and links it', async () => {
    const pci = (await inject('POST', '/api/pci/tokens', { source: panSource(MASTERCARD) })).json();
    const res = await inject('POST', '/api/network/tokens', { source: { type: 'pci_token', pci_token_id: pci.id } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pci_token_id: pci.id, card: pci.card, network_token: { type: 'mdes', status: 'active' } });
  });

  it('provisions from a session the card frame completes, once, honouring the session scheme list', async () => {
    const created = await inject('POST', '/api/network/tokens', { source: { type: 'session', allowed_schemes: ['visa', 'americanexpress'] } });
    const sessionId = created.json().session_id;
    const state = (await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
    expect(state.data.allowed_schemes).toEqual(['visa', 'americanexpress']);
    const claims = { account_number: MASTERCARD, expiry_month: 1, expiry_year: FUTURE_YEAR };
    const refused = await vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: await encryptForSession(vault.app, sessionId, claims) } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().validation_errors).toEqual([{ path: '$.result.enc_payload.account_number', message: 'card scheme is not allowed' }]);
    const done = await vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: await encryptForSession(vault.app, sessionId, { ...claims, account_number: AMEX }) } },
    });
    expect(done.statusCode).toBe(200);
    const token = (await inject('GET', `/api/network/tokens/${done.json().data.token_id}`)).json();
    expect(token.network_token.type).toBe('aets');
    const again = await vault.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/complete-action`,
      payload: { action: 'tokenize_card', result: { enc_payload: 'a.b.c.d.e' } },
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('get, list, delete', () => {
  it('pages with links.next, deletes at the provider then here, 404 after', async () => {
    const fresh = await createTestVault();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push((await fresh.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source: panSource() } })).json().id);
      }
      const first = (await fresh.app.inject({ method: 'GET', url: '/api/network/tokens?limit=2', headers: admin })).json();
      expect(first.data).toHaveLength(2);
      expect(first.links.next).toMatch(/^https:\/\/vault\.test\/api\/network\/tokens\?after=[0-9a-f-]{36}&limit=2$/);
      const second = (await fresh.app.inject({ method: 'GET', url: first.links.next.replace('https://vault.test', ''), headers: admin })).json();
      expect(second.links.next).toBeNull();
      expect([...first.data, ...second.data].map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());

      const row = await fresh.deps.db.selectFrom('network_tokens').selectAll().where('id', '=', ids[0]!).executeTakeFirstOrThrow();
      expect((await fresh.app.inject({ method: 'DELETE', url: `/api/network/tokens/${ids[0]}`, headers: admin })).statusCode).toBe(204);
      expect(await (fresh.deps.tokenServiceProvider as SandboxProvider).status(row.provider_ref, AbortSignal.timeout(1000))).toBe('deleted');
      expect((await fresh.app.inject({ method: 'GET', url: `/api/network/tokens/${ids[0]}`, headers: admin })).statusCode).toBe(404);
      expect((await fresh.app.inject({ method: 'DELETE', url: `/api/network/tokens/${ids[0]}`, headers: admin })).statusCode).toBe(404);
    } finally {
      await fresh.close();
    }
  });
});

describe('cryptograms', () => {
  it('inline (where allowed): a TAVV that verifies with the sandbox key, bound to amount and currency', async () => {
    const token = await provision(VISA);
    const { row, number } = await numberOf(token.id);
    const res = await withInline(() => inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 1250, currency: 'EUR', metadata: { a: 'b' } }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      cryptogram: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/),
      eci: '07',
      expiry_month: token.network_token.expiry_month,
      expiry_year: token.network_token.expiry_year,
      number,
      metadata: { a: 'b' },
    });
    const key = await sandbox().cryptogramKey(row.provider_ref);
    expect(verifyTavvCryptogram(key, { number, amount: 1250, currency: 'EUR' }, body.cryptogram)).toBe(true);
    expect(verifyTavvCryptogram(key, { number, amount: 1251, currency: 'EUR' }, body.cryptogram)).toBe(false);
    expect(verifyTavvCryptogram(Buffer.alloc(32), { number, amount: 1250, currency: 'EUR' }, body.cryptogram)).toBe(false);
  });

  it('inline for Amex: a 4-digit dynamic CVV that verifies', async () => {
    const token = await provision(AMEX);
    const { row, number } = await numberOf(token.id);
    const body = (
      await withInline(() => inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 500, currency: 'USD', mode: 'inline' }))
    ).json();
    expect(body.dynamic_cvv).toMatch(/^\d{4}$/);
    const key = await sandbox().cryptogramKey(row.provider_ref);
    expect(verifyDynamicCvv(key, { number, amount: 500, currency: 'USD' }, 'american express', body.dynamic_cvv, vault.deps.now())).toBe(true);
    expect(dynamicCvv(key, { number, amount: 501, currency: 'USD' }, 'american express', vault.deps.now())).not.toBe(body.dynamic_cvv);
  });

  it('refuses inline by default, dauth, bad currencies; 404 for unknown tokens', async () => {
    const token = await provision(VISA);
    const inline = await inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 1, currency: 'EUR', mode: 'inline' });
    expect(inline.statusCode).toBe(422);
    expect(inline.json().validation_errors[0].path).toBe('$.mode');
    const dauth = await inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 1, currency: 'EUR', type: 'dauth' });
    expect(dauth.json().validation_errors[0].path).toBe('$.type');
    const currency = await inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 1, currency: 'eur' });
    expect(currency.json().validation_errors[0].path).toBe('$.currency');
    expect((await inject('POST', '/api/network/tokens/33333333-3333-4333-8333-333333333333/cryptograms', { amount: 1, currency: 'EUR' })).statusCode).toBe(404);
  });

  it('reference mode + forward: placeholders filled at the PSP, the reference works once, nothing logged', async () => {
    const token = await provision(VISA);
    const { row, number } = await numberOf(token.id);
    const res = await inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 990, currency: 'GBP' });
    expect(res.statusCode).toBe(200);
    const { cryptogram_reference } = res.json();
    expect(Object.keys(res.json())).toEqual(['cryptogram_reference']);
    psp.respond((_req, out) => {
      out.setHeader('content-type', 'application/json');
      out.end('{"authorized":true}');
    });
    const payload = JSON.stringify({
      card: { number: '{{ number }}', month: '{{ expiry_month | unwrap }}', year: '{{ expiry_year }}' },
      tavv: '{{ cryptogram }}',
      eci: '{{ eci }}',
      kind: '{{ type }}/{{ network_token_type }}',
      ref: '{{ network_token_id }}',
    });
    const send = () =>
      vault.app.inject({
        method: 'POST',
        url: `/api/network/tokens/${token.id}/forward`,
        headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay`, 'x-cryptogram-reference': cryptogram_reference },
        payload,
      });
    const forwarded = await send();
    expect(forwarded.statusCode).toBe(200);
    expect(forwarded.json()).toEqual({ authorized: true });
    const seen = JSON.parse(psp.received.at(-1)!.body.toString('utf8'));
    expect(seen).toEqual({
      card: { number, month: token.network_token.expiry_month, year: String(token.network_token.expiry_year) },
      tavv: expect.any(String),
      eci: '07',
      kind: 'tavv/vts',
      ref: token.id,
    });
    expect(psp.received.at(-1)!.rawHeaders.map((h) => h.toLowerCase())).not.toContain('x-cryptogram-reference');
    const key = await sandbox().cryptogramKey(row.provider_ref);
    expect(verifyTavvCryptogram(key, { number, amount: 990, currency: 'GBP' }, seen.tavv)).toBe(true);

    const replay = await send();
    expect(replay.statusCode).toBe(409);
    expect(replay.json().classifier).toBe('CRYPTOGRAM_REFERENCE_NOT_AVAILABLE');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = readFileSync(logFile, 'utf8');
    for (const secret of [number, seen.tavv, VISA]) expect(log).not.toContain(secret);
  });

  it('forward refuses a reference of another token, unknown placeholders and values the cryptogram lacks', async () => {
    const a = await provision(VISA);
    const b = await provision(VISA);
    const ref = (await inject('POST', `/api/network/tokens/${a.id}/cryptograms`, { amount: 1, currency: 'EUR' })).json().cryptogram_reference;
    const send = (id: string, payload: string) =>
      vault.app.inject({
        method: 'POST',
        url: `/api/network/tokens/${id}/forward`,
        headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay`, 'x-cryptogram-reference': ref },
        payload,
      });
    expect((await send(b.id, '{"n":"{{ number }}"}')).statusCode).toBe(409);
    const unknown = await send(a.id, '{"n":"{{ account_number }}"}');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().classifier).toBe('INVALID_PLACEHOLDER');
    const lacking = await send(a.id, '{"n":"{{ dynamic_cvv }}"}');
    expect(lacking.statusCode).toBe(409);
    expect(lacking.json().classifier).toBe('PLACEHOLDER_NOT_AVAILABLE');
    // Refused requests did not use the reference up.
    psp.respond((_req, out) => out.end('ok'));
    expect((await send(a.id, '{"n":"{{ number }}"}')).statusCode).toBe(200);
    expect((await send(a.id, '{"n":"{{ number }}"}')).statusCode).toBe(409);
  });
});

describe('lifecycle: scheme changes raise network.token.updated through the outbox', () => {
  it('suspend, cryptograms refused, resume, card updated, scheme delete', async () => {
    const hook = (await inject('POST', '/api/admin/webhooks', { events: ['network.token.updated'], url: 'https://merchant.example/hooks' })).json();
    const token = await provision(MASTERCARD);
    const lifecycle = (payload: object, headers: Record<string, string> = admin) =>
      inject('POST', `/api/sandbox/network/tokens/${token.id}/lifecycle`, payload, headers);
    const events = async () =>
      (await vault.deps.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', hook.id).orderBy('created_at').execute()).map((d) =>
        JSON.parse(d.body),
      );

    const suspended = await lifecycle({ event: 'suspend' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().network_token.status).toBe('suspended');
    expect((await inject('GET', `/api/network/tokens/${token.id}`)).json().network_token.status).toBe('suspended');
    const refused = await inject('POST', `/api/network/tokens/${token.id}/cryptograms`, { amount: 1, currency: 'EUR' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().classifier).toBe('NETWORK_TOKEN_NOT_ACTIVE');
    expect((await lifecycle({ event: 'suspend' })).statusCode).toBe(409);

    expect((await lifecycle({ event: 'resume' })).json().network_token.status).toBe('active');
    const updated = (await lifecycle({ event: 'card_updated', expiry_month: 9, expiry_year: FUTURE_YEAR + 2 })).json();
    expect(updated.card).toMatchObject({ expiry_month: 9, expiry_year: FUTURE_YEAR + 2 });
    expect((await lifecycle({ event: 'delete' })).json().network_token.status).toBe('deleted');

    const sent = await events();
    expect(sent).toHaveLength(4);
    for (const event of sent) {
      expect(event).toEqual({
        id: expect.any(String),
        created_at: expect.any(String),
        type: 'network.token.updated',
        reason: expect.any(String),
        related_object: { id: token.id, url: `https://vault.test/api/network/tokens/${token.id}` },
      });
    }
    expect(sent.map((e: { reason: string }) => e.reason)).toEqual([
      'The scheme suspended the network token.',
      'The scheme resumed the network token.',
      'The issuer updated the card of the network token.',
      'The scheme deleted the network token.',
    ]);

    const key = (await inject('POST', '/api/admin/api-keys', { scopes: SCOPES })).json().key_value;
    expect((await lifecycle({ event: 'resume' }, { 'x-api-key': key })).statusCode).toBe(403);
    expect((await lifecycle({ event: 'explode' })).statusCode).toBe(422);
  });
});

describe('scopes and OpenAPI', () => {
  const ID = '33333333-3333-4333-8333-333333333333';
  const ROUTES: { method: 'GET' | 'POST' | 'DELETE'; url: string; scope: Scope; payload?: object; headers?: Record<string, string> }[] = [
    { method: 'POST', url: '/api/network/tokens', scope: 'network:tokens:create', payload: { source: { type: 'session' } } },
    { method: 'GET', url: '/api/network/tokens', scope: 'network:tokens:read' },
    { method: 'GET', url: `/api/network/tokens/${ID}`, scope: 'network:tokens:read' },
    { method: 'DELETE', url: `/api/network/tokens/${ID}`, scope: 'network:tokens:delete' },
    { method: 'POST', url: `/api/network/tokens/${ID}/cryptograms`, scope: 'network:tokens:use', payload: { amount: 1, currency: 'EUR' } },
    {
      method: 'POST',
      url: `/api/network/tokens/${ID}/forward`,
      scope: 'network:tokens:forward',
      payload: {},
      headers: { 'x-destination-url': 'https://psp.example', 'x-cryptogram-reference': ID },
    },
  ];
  const newKey = async (scopes: Scope[]) => (await inject('POST', '/api/admin/api-keys', { scopes })).json().key_value as string;

  it.each(ROUTES)('$method $url needs $scope', async (route) => {
    const send = (headers: Record<string, string>) =>
      vault.app.inject({
        method: route.method,
        url: route.url,
        headers: { ...route.headers, ...headers },
        ...(route.payload ? { payload: route.payload } : {}),
      });
    expect((await send({})).statusCode).toBe(401);
    const denied = await send({ 'x-api-key': await newKey(SCOPES.filter((s) => s !== route.scope)) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().classifier).toBe('FORBIDDEN');
    const allowed = await send({ 'x-api-key': await newKey([route.scope]) });
    expect([401, 403].includes(allowed.statusCode) && allowed.json().classifier === 'FORBIDDEN').toBe(false);
  });

  it('documents the six operations with their schemas', async () => {
    const doc = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId: string; tags: string[] }>>)
      .flatMap(([, item]) => Object.values(item))
      .filter((op) => op.tags?.includes('network'))
      .map((op) => op.operationId)
      .sort();
    expect(ops).toEqual([
      'network_token_create',
      'network_token_cryptogram',
      'network_token_delete',
      'network_token_forward',
      'network_token_get',
      'network_token_list',
    ]);
    const create = doc.paths['/api/network/tokens'].post;
    expect(create.requestBody.content['application/json'].schema.properties.source.anyOf).toHaveLength(3);
    const forward = doc.paths['/api/network/tokens/{id}/forward'].post;
    expect(forward.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'x-cryptogram-reference', required: true }));
  });
});
