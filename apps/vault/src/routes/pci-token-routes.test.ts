import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestVault, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const pan = (extra: object = {}) => ({
  source: { type: 'pan', account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR, cardholder_name: 'John Doe', ...extra },
});

describe('POST /api/pci/tokens', () => {
  it('creates a token from a PAN with the seed shape', async () => {
    const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      card: { cardholder_name: 'John Doe', expiry_month: 12, expiry_year: FUTURE_YEAR, masked_account_number: '411111******1111', scheme: 'visa' },
      created_at: expect.any(String),
    });
    expect(res.body).not.toContain(VISA);
  });

  it('creates a session', async () => {
    const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: { type: 'session' } } });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['session_id']);
  });

  it('applies expires_in (and expiration_time) and metadata', async () => {
    const res = await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: admin,
      payload: { ...pan(), expiration_time: 60, metadata: { order: '42' } },
    });
    const body = res.json();
    expect(body.metadata).toEqual({ order: '42' });
    expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(60_000);
  });

  it.each([
    ['Luhn failure', { account_number: '4111111111111112' }, '$.source.account_number'],
    ['separators', { account_number: '4111 1111 1111 1111' }, '$.source.account_number'],
    ['unknown scheme', { account_number: '9999999999999995' }, '$.source.account_number'],
    ['month 13', { expiry_month: 13 }, '$.source.expiry_month'],
    ['short CVC', { security_code: '12' }, '$.source.security_code'],
    ['unknown field', { foo: 'bar' }, '$.source.foo'],
  ])('answers 422 with a JSON path for %s, never echoing the PAN', async (_name, extra, path) => {
    const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan(extra) });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.classifier).toBe('VALIDATION_ERROR');
    expect(body.message).toBe('Validation error');
    expect(body.validation_errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(res.body).not.toMatch(/41111111111111|99999999999/);
  });

  it('refuses an expired card with 422 at the field that is in the past, as session completions do', async () => {
    // Pin the vault's clock to mid-June of next year, so "earlier this year" always exists.
    const year = new Date().getUTCFullYear() + 1;
    const offset = Date.UTC(year, 5, 15) - Date.now();
    vault.advance(offset);
    try {
      const post = (extra: object) => vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan(extra) });
      for (const [extra, path] of [
        [{ expiry_year: year - 1, expiry_month: 12 }, '$.source.expiry_year'],
        [{ expiry_year: year, expiry_month: 5 }, '$.source.expiry_month'],
      ] as const) {
        const res = await post(extra);
        expect(res.statusCode).toBe(422);
        expect(res.json().validation_errors).toEqual([{ path, message: 'the card has expired' }]);
        expect(res.body).not.toContain(VISA);
      }
      // The current month is still valid.
      expect((await post({ expiry_year: year, expiry_month: 6 })).statusCode).toBe(200);
    } finally {
      vault.advance(-offset);
    }
  });

  it('requires source and rejects unknown top-level fields', async () => {
    const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { nope: 1 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors).toEqual(
      expect.arrayContaining([
        { path: '$.source', message: 'is required' },
        { path: '$.nope', message: 'is not allowed' },
      ]),
    );
  });

  it('enforces metadata limits', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    for (const metadata of [tooMany, { ['k'.repeat(21)]: 'v' }, { k: 'v'.repeat(81) }]) {
      const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { ...pan(), metadata } });
      expect(res.statusCode).toBe(422);
    }
  });

  it('answers 415, 413 and 400 in Guardian shape', async () => {
    const text = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: { ...admin, 'content-type': 'text/plain' }, payload: 'x' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 415, classifier: expect.any(String), message: expect.any(String) });
    const big = await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ source: { type: 'session' }, metadata: { a: 'x'.repeat(70_000) } }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe(413);
    const bad = await vault.app.inject({
      method: 'POST',
      url: '/api/pci/tokens',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{"source":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 400, classifier: 'BAD_REQUEST' });
  });

  it('answers 401 with the seed body', async () => {
    for (const headers of [{}, { 'x-api-key': 'key_nope' }, { 'x-admin-token': 'wrong' }]) {
      const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers, payload: pan() });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 401, classifier: 'UNAUTHORIZED', message: 'No valid means of authentication was provided' });
    }
  });
});

describe('GET/DELETE /api/pci/tokens/{id} and list', () => {
  it('reads back a token, then deletes it (204) and answers 404 after', async () => {
    const created = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: pan() })).json();
    const got = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${created.id}`, headers: admin });
    expect(got.json()).toEqual(created);
    const del = await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${created.id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    const gone = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${created.id}`, headers: admin });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ code: 404, classifier: 'NOT_FOUND', message: 'The requested resource was not found.' });
    expect((await vault.app.inject({ method: 'DELETE', url: `/api/pci/tokens/${created.id}`, headers: admin })).statusCode).toBe(404);
  });

  it('answers 404 for a malformed id', async () => {
    const res = await vault.app.inject({ method: 'GET', url: '/api/pci/tokens/not-a-uuid', headers: admin });
    expect(res.statusCode).toBe(404);
  });

  it('never returns an expired token', async () => {
    const created = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { ...pan(), expires_in: 5 } })).json();
    vault.advance(6_000);
    const res = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${created.id}`, headers: admin });
    expect(res.statusCode).toBe(404);
    const list = (await vault.app.inject({ method: 'GET', url: '/api/pci/tokens?limit=100', headers: admin })).json();
    expect(list.data.map((t: { id: string }) => t.id)).not.toContain(created.id);
  });

  it('pages with limit/after and an absolute links.next, null on the last page', async () => {
    const fresh = await createTestVault();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const payload = pan({ account_number: i % 2 ? MASTERCARD : VISA });
        ids.push((await fresh.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload })).json().id);
      }
      const seen: string[] = [];
      let url: string | null = '/api/pci/tokens?limit=2';
      let pages = 0;
      while (url) {
        const page: { data: { id: string }[]; links: { next: string | null } } = (await fresh.app.inject({ method: 'GET', url, headers: admin })).json();
        seen.push(...page.data.map((t) => t.id));
        pages++;
        if (page.links.next) expect(page.links.next).toMatch(/^https:\/\/vault\.test\/api\/pci\/tokens\?after=[0-9a-f-]{36}&limit=2$/);
        url = page.links.next ? page.links.next.replace('https://vault.test', '') : null;
      }
      expect(pages).toBe(3);
      expect(seen.sort()).toEqual([...ids].sort());
      const bad = await fresh.app.inject({ method: 'GET', url: '/api/pci/tokens?limit=101', headers: admin });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().validation_errors[0].path).toBe('$.limit');
    } finally {
      await fresh.close();
    }
  });
});
