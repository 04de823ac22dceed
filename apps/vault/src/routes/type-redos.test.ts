import { afterAll, beforeAll, expect, it } from 'vitest';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';
import { SCHEMA_MAX_DEPTH } from '../generic/schema-limits.ts';

// Issue 13, finding 1: a merchant type must not be able to stall the vault.
let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const createType = (schema: object) => vault.app.inject({ method: 'POST', url: '/api/admin/types', headers: admin, payload: { name: 'attack', schema } });
const tokenize = (typeId: string, payload: Record<string, string>) =>
  vault.app.inject({ method: 'POST', url: '/api/generic/tokens', headers: admin, payload: { payload, type_id: typeId } });

it('matches a catastrophic-backtracking pattern in linear time (the 80-character attack value returns)', async () => {
  const type = await createType({
    type: 'object',
    properties: { v: { type: 'string', pattern: '^(a+)+$' } },
    patternProperties: { '^(b+)+$': { type: 'string' } },
  });
  expect(type.statusCode).toBe(200);
  const id = type.json().id as string;
  // With a backtracking engine 31 a's and a '!' took 20 s; 79 would take longer than the universe.
  const attack = 'a'.repeat(79) + '!';
  const refused = await tokenize(id, { v: attack });
  expect(refused.statusCode).toBe(422);
  expect(refused.json().validation_errors[0].path).toBe('$.payload.v');
  // patternProperties go through the same engine (the key is the attacker's input there).
  expect((await tokenize(id, { ['b'.repeat(19) + '!']: 'x' })).statusCode).toBe(200);
  // The engine still means what the pattern says.
  expect((await tokenize(id, { v: 'a'.repeat(80) })).statusCode).toBe(200);
});

it('keeps separate patterns separate (compiled patterns are cached by their text)', async () => {
  const type = await createType({
    type: 'object',
    properties: { x: { type: 'string', pattern: '^x+$' }, y: { type: 'string', pattern: '^y+$' } },
  });
  const id = type.json().id as string;
  expect((await tokenize(id, { x: 'xx', y: 'yy' })).statusCode).toBe(200);
  expect((await tokenize(id, { x: 'yy', y: 'xx' })).statusCode).toBe(422);
});

it('refuses at creation the patterns a linear engine cannot run (backreferences, lookaround)', async () => {
  for (const pattern of ['^(a)\\1$', '^(?=a)a$', '^(?!b)a$']) {
    const res = await createType({ type: 'string', pattern });
    expect(res.statusCode, pattern).toBe(422);
    expect(res.json().validation_errors[0].path).toBe('$.schema');
  }
});

it('refuses a 7,000-deep not chain and an oversized schema at creation', async () => {
  // Built as text: JSON.stringify itself would overflow the stack on 7,000 levels.
  const deep = '{"not":'.repeat(7000) + '{"type":"string"}' + '}'.repeat(7000);
  const res = await vault.app.inject({
    method: 'POST',
    url: '/api/admin/types',
    headers: { ...admin, 'content-type': 'application/json' },
    payload: `{"name":"attack","schema":${deep}}`,
  });
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors[0]).toEqual({ path: '$.schema', message: `nests deeper than ${SCHEMA_MAX_DEPTH} levels` });

  const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p${i}`, { type: 'string' }])) };
  const big = await createType(wide);
  expect(big.statusCode).toBe(422);
  expect(big.json().validation_errors[0].message).toMatch(/more than \d+ keywords/);

  // A realistic schema at the depth limit still compiles.
  let ok: object = { type: 'string' };
  for (let i = 0; i < 7; i++) ok = { not: ok };
  expect((await createType(ok)).statusCode).toBe(200);
});
