import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { parseForwardAllowlist } from '../forward/forward-allowlist.ts';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// Issue 13, finding 13: a stored CVC was injected again and again until its TTL.
let psp: LoopbackServer;
let vault: TestVault | undefined;
beforeAll(async () => {
  psp = await startLoopbackServer();
});
afterEach(async () => vault?.close());
afterAll(async () => psp.close());

async function token(v: TestVault) {
  const source = { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR, security_code: '737' };
  return (await v.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } })).json().id as string;
}
const forward = (v: TestVault, id: string) =>
  v.app.inject({
    method: 'POST',
    url: `/api/pci/tokens/${id}/forward`,
    headers: { ...admin, 'content-type': 'application/json', 'x-destination-url': `${psp.origin}/pay` },
    payload: '{"cvc":"{{ security_code }}"}',
  });
const available = async (v: TestVault, id: string) =>
  (await v.app.inject({ method: 'GET', url: `/api/pci/tokens/${id}/security-code`, headers: admin })).json().security_code_available;

it('by default forwards a CVC once: a second forward gets 409 and the token reports it gone', async () => {
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(psp.origin) });
  const id = await token(vault);
  expect((await forward(vault, id)).statusCode).toBe(200);
  expect(psp.received.at(-1)!.body.toString()).toBe('{"cvc":"737"}');
  const again = await forward(vault, id);
  expect(again.statusCode).toBe(409);
  expect(again.json().classifier).toBe('SECURITY_CODE_NOT_AVAILABLE');
  expect(await available(vault, id)).toBe(false);
});

it('of ten concurrent forwards exactly one gets the CVC', async () => {
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(psp.origin) });
  const id = await token(vault);
  const results = await Promise.all(Array.from({ length: 10 }, () => forward(vault!, id)));
  expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
  expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
});

it('with CARDFRAME_FORWARD_SECURITY_CODE=reusable keeps the CVC until its TTL', async () => {
  vault = await createTestVault({ forwardAllowlist: parseForwardAllowlist(psp.origin), forwardSecurityCode: 'reusable' });
  const id = await token(vault);
  expect((await forward(vault, id)).statusCode).toBe(200);
  expect((await forward(vault, id)).statusCode).toBe(200);
  expect(await available(vault, id)).toBe(true);
});
