import { readGenericPayload } from '../generic/generic-tokens.ts';
import { admin, createSessionId, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from './test-vault.ts';

export interface Seeded {
  pciToken: string;
  networkToken: string;
  genericToken: string;
  webhook: string;
}

/**
 * One of everything the API encrypts at rest, written through the API: a PCI token with a holder
 * name, a network token (and so a sandbox TSP record) with a reference cryptogram, a webhook, an
 * idempotent response, a generic token, a session (and so a JWE key). Rotation and schema tests
 * run over it, so a new encrypted column shows up in them once the API writes it.
 */
export async function seedEncryptedRows(v: TestVault, n = 0): Promise<Seeded> {
  const post = async (url: string, payload: object, headers: Record<string, string> = admin) => {
    const res = await v.app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const card = { type: 'pan', expiry_month: 4, expiry_year: FUTURE_YEAR, cardholder_name: 'Grace Hopper' };
  const pciToken = (await post('/api/pci/tokens', { source: { ...card, account_number: VISA } }, { ...admin, 'x-idempotency-key': `seed-${n}` })).id as string;
  const networkToken = (await post('/api/network/tokens', { source: { ...card, account_number: MASTERCARD } })).id as string;
  await post(`/api/network/tokens/${networkToken}/cryptograms`, { amount: 100, currency: 'EUR', mode: 'reference' });
  const webhook = (await post('/api/admin/webhooks', { events: ['pci.token.security-code.expired'], url: 'https://merchant.example/hooks' })).id as string;
  const genericToken = (await post('/api/generic/tokens', { payload: { iban: 'DE89370400440532013000' } })).id as string;
  await createSessionId(v.app);
  return { pciToken, networkToken, genericToken, webhook };
}

/** Reads every seeded secret back through the API (each read decrypts). */
export async function readSeeded(v: TestVault, seeded: Seeded): Promise<void> {
  const get = async (url: string) => {
    const res = await v.app.inject({ method: 'GET', url, headers: admin });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  if ((await get(`/api/pci/tokens/${seeded.pciToken}`)).card.cardholder_name !== 'Grace Hopper') throw new Error('holder name lost');
  if ((await get(`/api/network/tokens/${seeded.networkToken}`)).card.cardholder_name !== 'Grace Hopper') throw new Error('network token holder lost');
  const cryptogram = await v.app.inject({
    method: 'POST',
    url: `/api/network/tokens/${seeded.networkToken}/cryptograms`,
    headers: admin,
    payload: { amount: 100, currency: 'EUR', mode: 'reference' },
  });
  if (cryptogram.statusCode !== 200) throw new Error(`cryptogram: ${cryptogram.statusCode} ${cryptogram.body}`);
  const generic = await v.deps.db.selectFrom('generic_tokens').selectAll().where('id', '=', seeded.genericToken).executeTakeFirstOrThrow();
  if (readGenericPayload(v.deps, generic).iban !== 'DE89370400440532013000') throw new Error('generic payload lost');
}
