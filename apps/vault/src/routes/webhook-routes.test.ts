import { afterAll, beforeAll, expect, it } from 'vitest';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const create = (payload: object) => vault.app.inject({ method: 'POST', url: '/api/admin/webhooks', headers: admin, payload });

it('generates an HMAC key, shows it once, and only its mask afterwards', async () => {
  const res = await create({ events: ['pci.token.security-code.expired'], url: 'https://merchant.example/hooks' });
  expect(res.statusCode).toBe(200);
  const hook = res.json();
  expect(hook).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    created_at: expect.any(String),
    events: ['pci.token.security-code.expired'],
    url: 'https://merchant.example/hooks',
    hmac_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    masked_hmac_key: `${hook.hmac_key.slice(0, 3)}xxxx`,
  });
  const got = await vault.app.inject({ method: 'GET', url: `/api/admin/webhooks/${hook.id}`, headers: admin });
  const { hmac_key: _shownOnce, ...view } = hook;
  expect(got.json()).toEqual(view);
  expect(got.body).not.toContain(hook.hmac_key);
  const list = await vault.app.inject({ method: 'GET', url: '/api/admin/webhooks?limit=100', headers: admin });
  expect(list.json().data).toContainEqual(view);
  expect(list.body).not.toContain(hook.hmac_key);
  // At rest: encrypted, not in clear.
  const row = await vault.deps.db.selectFrom('webhooks').selectAll().where('id', '=', hook.id).executeTakeFirstOrThrow();
  expect(JSON.stringify(row)).not.toContain(hook.hmac_key);
});

it('keeps a caller-provided key and accepts both events', async () => {
  const hook = (
    await create({ events: ['network.token.updated', 'pci.token.security-code.expired'], url: 'http://127.0.0.1:9/x', hmac_key: '123456789abcdefXYZ' })
  ).json();
  expect(hook.hmac_key).toBe('123456789abcdefXYZ');
  expect(hook.masked_hmac_key).toBe('123xxxx');
});

it.each([
  ['no events', { events: [], url: 'https://m.example' }, '$.events'],
  ['an unknown event', { events: ['token.created'], url: 'https://m.example' }, '$.events[0]'],
  ['a repeated event', { events: ['network.token.updated', 'network.token.updated'], url: 'https://m.example' }, '$.events'],
  ['a non-http url', { events: ['network.token.updated'], url: 'ftp://m.example/x' }, '$.url'],
  ['a relative url', { events: ['network.token.updated'], url: '/hooks' }, '$.url'],
  ['a short hmac_key', { events: ['network.token.updated'], url: 'https://m.example', hmac_key: 'short' }, '$.hmac_key'],
  ['no url', { events: ['network.token.updated'] }, '$.url'],
])('answers 422 for %s', async (_name, payload, path) => {
  const res = await create(payload);
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors.map((e: { path: string }) => e.path)).toContain(path);
});

it('pages, deletes with 204 (dropping pending deliveries) and answers 404 after', async () => {
  const fresh = await createTestVault();
  try {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await fresh.app.inject({
            method: 'POST',
            url: '/api/admin/webhooks',
            headers: admin,
            payload: { events: ['network.token.updated'], url: `https://m.example/${i}` },
          })
        ).json().id,
      );
    }
    const first = (await fresh.app.inject({ method: 'GET', url: '/api/admin/webhooks?limit=2', headers: admin })).json();
    expect(first.data).toHaveLength(2);
    expect(first.links.next).toMatch(/^https:\/\/vault\.test\/api\/admin\/webhooks\?after=[0-9a-f-]{36}&limit=2$/);
    const second = (await fresh.app.inject({ method: 'GET', url: first.links.next.replace('https://vault.test', ''), headers: admin })).json();
    expect([...first.data, ...second.data].map((w: { id: string }) => w.id).sort()).toEqual([...ids].sort());
    expect(second.links.next).toBeNull();

    await fresh.deps.db
      .insertInto('webhook_deliveries')
      .values({
        id: '22222222-2222-4222-8222-222222222222',
        webhook_id: ids[0]!,
        event_id: 'e',
        event_type: 'network.token.updated',
        body: '{}',
        status: 'pending',
        attempts: 0,
        next_attempt_at: 0,
        locked_until: null,
        last_status: null,
        created_at: 0,
        finished_at: null,
      })
      .execute();
    expect((await fresh.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${ids[0]}`, headers: admin })).statusCode).toBe(204);
    expect(await fresh.deps.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([]);
    expect((await fresh.app.inject({ method: 'GET', url: `/api/admin/webhooks/${ids[0]}`, headers: admin })).statusCode).toBe(404);
    expect((await fresh.app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${ids[0]}`, headers: admin })).statusCode).toBe(404);
  } finally {
    await fresh.close();
  }
});
