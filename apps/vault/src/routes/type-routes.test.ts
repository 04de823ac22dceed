import { afterAll, beforeAll, expect, it } from 'vitest';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const schema = { type: 'object', properties: { iban: { type: 'string' }, bic: { type: 'string' } }, required: ['iban', 'bic'], additionalProperties: false };
const create = (payload: object) => vault.app.inject({ method: 'POST', url: '/api/admin/types', headers: admin, payload });

it('creates, reads, lists and deletes a type with the digest shape', async () => {
  const res = await create({ name: 'SEPA', schema });
  expect(res.statusCode).toBe(200);
  const type = res.json();
  expect(type).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), created_at: expect.any(String), name: 'SEPA', schema });
  expect((await vault.app.inject({ method: 'GET', url: `/api/admin/types/${type.id}`, headers: admin })).json()).toEqual(type);
  const list = (await vault.app.inject({ method: 'GET', url: '/api/admin/types?limit=100', headers: admin })).json();
  expect(list.data).toContainEqual(type);
  expect(list.links).toEqual({ next: null });
  expect((await vault.app.inject({ method: 'DELETE', url: `/api/admin/types/${type.id}`, headers: admin })).statusCode).toBe(204);
  expect((await vault.app.inject({ method: 'GET', url: `/api/admin/types/${type.id}`, headers: admin })).statusCode).toBe(404);
  expect((await vault.app.inject({ method: 'DELETE', url: `/api/admin/types/${type.id}`, headers: admin })).statusCode).toBe(404);
});

it.each([
  ['an unknown keyword', { type: 'object', requird: ['iban'] }],
  ['a wrong keyword type', { type: 'object', required: 'iban' }],
  ['an unknown type name', { type: 'strnig' }],
  ['an unresolvable $ref', { $ref: 'https://example.com/schema.json' }],
  ['a bad pattern', { type: 'string', pattern: '([' }],
])('answers 422 at $.schema for %s', async (_name, bad) => {
  const res = await create({ name: 'x', schema: bad });
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors[0].path).toBe('$.schema');
});

it('answers 422 without name or schema', async () => {
  const res = await create({ schema: 'nope' });
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['$.name', '$.schema']));
});

it('supports 2020-12 keywords and formats', async () => {
  const type = (
    await create({
      name: 'contact',
      schema: {
        type: 'object',
        properties: { email: { type: 'string', format: 'email' }, tags: { prefixItems: [{ type: 'string' }] } },
        unevaluatedProperties: false,
      },
    })
  ).json();
  const ok = await vault.app.inject({
    method: 'POST',
    url: '/api/generic/tokens',
    headers: admin,
    payload: { payload: { email: 'a@b.example' }, type_id: type.id },
  });
  expect(ok.statusCode).toBe(200);
  const bad = await vault.app.inject({
    method: 'POST',
    url: '/api/generic/tokens',
    headers: admin,
    payload: { payload: { email: 'nope', other: 'x' }, type_id: type.id },
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().validation_errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['$.payload.email']));
});

it('refuses (409) to delete a type that a live token uses, and allows it once the token is gone', async () => {
  const type = (await create({ name: 'in use', schema })).json();
  const token = (
    await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { iban: 'DE1', bic: 'X' }, type_id: type.id } })
  ).json();
  const refused = await vault.app.inject({ method: 'DELETE', url: `/api/admin/types/${type.id}`, headers: admin });
  expect(refused.statusCode).toBe(409);
  expect(refused.json()).toEqual({ code: 409, classifier: 'CONFLICT', message: 'Conflict' });
  await vault.app.inject({ method: 'DELETE', url: `/api/generic/tokens/${token.id}`, headers: admin });
  expect((await vault.app.inject({ method: 'DELETE', url: `/api/admin/types/${type.id}`, headers: admin })).statusCode).toBe(204);
});

it('validates with a type it did not create (another process sharing the database): compiles from storage', async () => {
  const id = '11111111-1111-4111-8111-111111111111';
  await vault.deps.db
    .insertInto('types')
    .values({ id, name: 'n', schema: JSON.stringify(schema), created_at: Date.now() })
    .execute();
  const bad = await vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload: { iban: 'x' }, type_id: id } });
  expect(bad.statusCode).toBe(422);
  expect(bad.json().validation_errors).toEqual([{ path: '$.payload.bic', message: 'is required' }]);
});

it('keeps types apart even when their schemas share an $id', async () => {
  const first = await create({ name: 'a', schema: { $id: 'https://example.com/iban', type: 'object', required: ['iban'] } });
  const second = await create({ name: 'b', schema: { $id: 'https://example.com/iban', type: 'object', required: ['bic'] } });
  expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
  const res = await vault.app.inject({
    method: 'POST',
    url: '/api/generic/tokens',
    headers: admin,
    payload: { payload: { iban: 'x' }, type_id: second.json().id },
  });
  expect(res.json().validation_errors).toEqual([{ path: '$.payload.bic', message: 'is required' }]);
  expect((await vault.app.inject({ method: 'DELETE', url: `/api/admin/types/${first.json().id}`, headers: admin })).statusCode).toBe(204);
});
