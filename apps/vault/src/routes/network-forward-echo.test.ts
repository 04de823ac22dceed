import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// Issue 13, finding 4 for network tokens: the forward injects the token number, a cryptogram or a dynamic
// CVV, and a destination that quotes its request must not hand them to a key that may only forward.
const AMEX = '378282246310005';
let vault: TestVault;
let psp: LoopbackServer;
beforeAll(async () => {
  psp = await startLoopbackServer();
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(`${psp.origin}/pay`) });
});
afterAll(async () => {
  await vault.close();
  await psp.close();
});

async function forwardEchoed(account_number: string, secret: 'cryptogram' | 'dynamic_cvv') {
  const source = { type: 'pan', account_number, expiry_month: 4, expiry_year: FUTURE_YEAR };
  const token = (await vault.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source } })).json();
  const reference = (
    await vault.app.inject({ method: 'POST', url: `/api/network/tokens/${token.id}/cryptograms`, headers: admin, payload: { amount: 100, currency: 'EUR' } })
  ).json().cryptogram_reference as string;
  // A destination that quotes the request in its body, a header and its reason phrase, as many 400s do.
  psp.respond((request, response) => {
    const sent = JSON.parse(request.body.toString('utf8')) as Record<string, string>;
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-echo', `${sent.number} ${sent.secret}`);
    response.statusMessage = `Bad number ${sent.number}`;
    response.statusCode = 400;
    response.end(JSON.stringify({ error: 'declined', request: sent, text: `number=${sent.number}&secret=${sent.secret}` }));
  });
  const res = await vault.app.inject({
    method: 'POST',
    url: `/api/network/tokens/${token.id}/forward`,
    headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay`, 'x-cryptogram-reference': reference },
    payload: JSON.stringify({ number: '{{ number }}', secret: `{{ ${secret} }}`, eci: secret === 'cryptogram' ? '{{ eci }}' : 'none' }),
  });
  const sent = JSON.parse(psp.received.at(-1)!.body.toString('utf8')) as Record<string, string>;
  return { res, sent };
}

it.each([
  ['a TAVV cryptogram (Visa)', VISA, 'cryptogram'],
  ['a dynamic CVV (Amex)', AMEX, 'dynamic_cvv'],
] as const)('masks the token number and %s a destination echoes, in the body, headers and reason phrase', async (_case, pan, secret) => {
  const { res, sent } = await forwardEchoed(pan, secret);
  expect(sent.number).toMatch(/^\d{15,19}$/);
  expect(sent.secret!.length).toBeGreaterThan(2);
  expect(res.statusCode).toBe(400);
  const seen = [res.body, JSON.stringify(res.headers), res.statusMessage].join('\n');
  for (const value of [sent.number!, sent.secret!]) expect(seen).not.toContain(value);
  expect(res.json().request).toEqual({ number: '*'.repeat(sent.number!.length), secret: '*'.repeat(sent.secret!.length), eci: sent.eci });
  expect(res.headers['x-echo']).toBe(`${'*'.repeat(sent.number!.length)} ${'*'.repeat(sent.secret!.length)}`);
  expect(res.statusMessage).toBe(`Bad number ${'*'.repeat(sent.number!.length)}`);
});
