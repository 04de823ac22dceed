import { afterAll, beforeAll, expect, it } from 'vitest';
import { consumeCryptogramReference } from './network-tokens.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let a: TestVault;
let b: TestVault;
beforeAll(async () => {
  a = await createTestVault();
  b = await createTestVault({ peerOf: a });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

it('two vault processes over one database share network tokens, the sandbox state and reference cryptograms', async () => {
  const hook = (
    await a.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: admin,
      payload: { events: ['network.token.updated'], url: 'https://m.example/h' },
    })
  ).json();
  const source = { type: 'pan', account_number: VISA, expiry_month: 2, expiry_year: FUTURE_YEAR };
  const token = (await a.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source } })).json();
  // The scheme's change arrives at the other process; both see it, and the outbox has the event once.
  const suspended = await b.app.inject({
    method: 'POST',
    url: `/api/sandbox/network/tokens/${token.id}/lifecycle`,
    headers: admin,
    payload: { event: 'suspend' },
  });
  expect(suspended.statusCode).toBe(200);
  expect((await a.app.inject({ method: 'GET', url: `/api/network/tokens/${token.id}`, headers: admin })).json().network_token.status).toBe('suspended');
  const deliveries = await a.deps.db.selectFrom('webhook_deliveries').select('event_type').where('webhook_id', '=', hook.id).execute();
  expect(deliveries).toEqual([{ event_type: 'network.token.updated' }]);
  await a.app.inject({ method: 'POST', url: `/api/sandbox/network/tokens/${token.id}/lifecycle`, headers: admin, payload: { event: 'resume' } });
  // A reference issued by one process is consumed once, by whichever process forwards.
  const ref = (
    await b.app.inject({ method: 'POST', url: `/api/network/tokens/${token.id}/cryptograms`, headers: admin, payload: { amount: 5, currency: 'EUR' } })
  ).json().cryptogram_reference;
  const [one, two] = await Promise.all([consumeCryptogramReference(a.deps, token.id, ref), consumeCryptogramReference(b.deps, token.id, ref)]);
  expect([one, two].filter(Boolean)).toHaveLength(1);
});
