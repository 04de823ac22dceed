import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGenericToken, readGenericPayload } from '../generic/generic-tokens.ts';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const IBAN = 'DE89370400440532013000';
const sepa = { iban: IBAN, bic: 'COBADEFFXXX', account_holder_name: 'John Doe' };
const post = (payload: object, headers: Record<string, string> = admin) => vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers, payload });
const sepaType = async () =>
  (
    await vault.app.inject({
      method: 'POST',
      url: '/api/admin/types',
      headers: admin,
      payload: {
        name: 'SEPA',
        schema: {
          type: 'object',
          properties: {
            iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' },
            bic: { type: 'string' },
            account_holder_name: { type: 'string' },
          },
          required: ['iban', 'bic'],
          additionalProperties: false,
        },
      },
    })
  ).json() as { id: string };

describe('POST /api/generic/tokens', () => {
  it('creates a token with the seed shape and never returns the payload', async () => {
    const res = await post({ payload: sepa, metadata: { order: '7' }, expiration_time: 60 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created_at: expect.any(String),
      expires_at: expect.any(String),
      metadata: { order: '7' },
    });
    expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(60_000);
    expect(res.body).not.toContain(IBAN);
    const got = await vault.app.inject({ method: 'GET', url: `/api/generic/tokens/${body.id}`, headers: admin });
    expect(got.json()).toEqual(body);
    expect(got.body).not.toContain(IBAN);
  });

  it('encrypts the payload at rest, bound to its row', async () => {
    const { id } = (await post({ payload: sepa })).json();
    const other = (await post({ payload: { a: 'b' } })).json();
    const row = (await findGenericToken(vault.deps, id))!;
    expect(row.payload_ct).not.toContain(IBAN);
    expect(readGenericPayload(vault.deps, row)).toEqual(sepa);
    // The ciphertext pasted into another row does not decrypt (AAD names the row).
    const otherRow = (await findGenericToken(vault.deps, other.id))!;
    expect(() => readGenericPayload(vault.deps, { ...otherRow, payload_ct: row.payload_ct })).toThrow();
    // Nor under the card-data key: the payload has a key of its own.
    expect(() => vault.deps.cipher.decrypt(row.payload_ct, `generic_tokens:${id}:payload`)).toThrow();
  });

  it.each([
    ['21 pairs', { payload: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }, '$.payload'],
    ['a key of 21 characters', { payload: { ['k'.repeat(21)]: 'v' } }, '$.payload'],
    ['a value of 81 characters', { payload: { k: 'v'.repeat(81) } }, '$.payload.k'],
    ['a non-string value', { payload: { k: 1 } }, '$.payload.k'],
    ['no payload', {}, '$.payload'],
    ['expiration_time 0', { payload: { k: 'v' }, expiration_time: 0 }, '$.expiration_time'],
    ['expiration_time past 30 days', { payload: { k: 'v' }, expiration_time: 2_592_001 }, '$.expiration_time'],
    ['a malformed type_id', { payload: { k: 'v' }, type_id: 'nope' }, '$.type_id'],
    ['an unknown type_id', { payload: { k: 'v' }, type_id: '00000000-0000-4000-8000-000000000000' }, '$.type_id'],
    ['a long metadata key', { payload: { k: 'v' }, metadata: { ['m'.repeat(21)]: 'v' } }, '$.metadata'],
  ])('answers 422 for %s', async (_name, payload, path) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().classifier).toBe('VALIDATION_ERROR');
    expect(res.json().validation_errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('accepts the limits exactly', async () => {
    const payload = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${'k'.repeat(18)}${String(i).padStart(2, '0')}`, 'v'.repeat(80)]));
    expect((await post({ payload, expiration_time: 2_592_000 })).statusCode).toBe(200);
  });

  it('validates against the type and answers 422 with paths into the request', async () => {
    const type = await sepaType();
    expect((await post({ payload: sepa, type_id: type.id })).statusCode).toBe(200);
    const bad = await post({ payload: { iban: 'not an iban', extra: 'x' }, type_id: type.id });
    expect(bad.statusCode).toBe(422);
    const paths = bad.json().validation_errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.payload.iban', '$.payload.bic', '$.payload.extra']));
    expect(bad.body).not.toContain('not an iban');
  });

  it('replays with x-idempotency-key', async () => {
    const headers = { ...admin, 'x-idempotency-key': 'generic-1' };
    const first = await post({ payload: sepa }, headers);
    const again = await post({ payload: sepa }, headers);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });
});

describe('list, filter, expiry and delete', () => {
  it('filters by type_id (and schema_id) and pages with links.next', async () => {
    const fresh = await createTestVault();
    try {
      const type = (
        await fresh.app.inject({ method: 'POST', url: '/api/admin/types', headers: admin, payload: { name: 'any', schema: { type: 'object' } } })
      ).json();
      const typed: string[] = [];
      for (let i = 0; i < 3; i++) {
        typed.push(
          (
            await fresh.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { i: String(i) }, type_id: type.id } })
          ).json().id,
        );
      }
      await fresh.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { untyped: 'y' } } });
      const all = (await fresh.app.inject({ method: 'GET', url: '/api/generic/tokens', headers: admin })).json();
      expect(all.data).toHaveLength(4);
      expect(all.links.next).toBeNull();
      for (const param of ['type_id', 'schema_id']) {
        const seen: string[] = [];
        let url: string | null = `/api/generic/tokens?${param}=${type.id}&limit=2`;
        while (url) {
          const page: { data: { id: string }[]; links: { next: string | null } } = (await fresh.app.inject({ method: 'GET', url, headers: admin })).json();
          seen.push(...page.data.map((t) => t.id));
          if (page.links.next)
            expect(page.links.next).toMatch(new RegExp(`^https://vault\\.test/api/generic/tokens\\?type_id=${type.id}&after=[0-9a-f-]{36}&limit=2$`));
          url = page.links.next?.replace('https://vault.test', '') ?? null;
        }
        expect(seen.sort()).toEqual([...typed].sort());
      }
      const clash = await fresh.app.inject({ method: 'GET', url: `/api/generic/tokens?type_id=${type.id}&schema_id=${typed[0]}`, headers: admin });
      expect(clash.statusCode).toBe(422);
    } finally {
      await fresh.close();
    }
  });

  it('hides expired tokens, deletes with 204 and then answers 404', async () => {
    const short = (await post({ payload: { k: 'v' }, expiration_time: 5 })).json();
    vault.advance(6_000);
    expect((await vault.app.inject({ method: 'GET', url: `/api/generic/tokens/${short.id}`, headers: admin })).statusCode).toBe(404);
    const list = (await vault.app.inject({ method: 'GET', url: '/api/generic/tokens?limit=100', headers: admin })).json();
    expect(list.data.map((t: { id: string }) => t.id)).not.toContain(short.id);
    const live = (await post({ payload: { k: 'v' } })).json();
    const del = await vault.app.inject({ method: 'DELETE', url: `/api/generic/tokens/${live.id}`, headers: admin });
    expect(del.statusCode).toBe(204);
    expect((await vault.app.inject({ method: 'GET', url: `/api/generic/tokens/${live.id}`, headers: admin })).json()).toEqual({
      code: 404,
      classifier: 'NOT_FOUND',
      message: 'The requested resource was not found.',
    });
    expect((await vault.app.inject({ method: 'DELETE', url: `/api/generic/tokens/${live.id}`, headers: admin })).statusCode).toBe(404);
  });
});
