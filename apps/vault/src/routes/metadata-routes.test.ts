import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../domain/scopes.ts';
import { formatReport, importBinText } from '../metadata/import-bin-file.ts';
import { admin, createTestVault, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
beforeAll(async () => {
  vault = await createTestVault();
});
afterAll(async () => vault.close());

const TABLE = [
  'start,end,scheme,type,segment,issuer_name,issuer_country_code,currency_code,product_code,product_name',
  '400000,499999,visa,,,,,,,',
  '41111111,41111111,visa,credit,consumer,"Test Bank, N.A.",US,USD,F,Visa Classic',
  '555555,555555,mastercard,debit,commercial,,GB,,,',
  'x,1,visa,,,,,,,',
].join('\n');

const inquire = (source: object, headers: Record<string, string> = admin) =>
  vault.app.inject({ method: 'POST', url: '/api/metadata/inquiries', headers, payload: { source } });
const pan = (account_number: string) => ({ type: 'pan', account_number, expiry_month: 1, expiry_year: FUTURE_YEAR });

describe('metadata inquiries', () => {
  beforeAll(async () => {
    const report = await importBinText(vault.deps.db, TABLE, 'csv');
    expect(report).toMatchObject({ accepted: 3, rejected: [{ line: 5, reasons: expect.any(Array) }] });
    expect(formatReport(report, false)).toMatch(/^rejected line 5: start must be 6 to 12 digits\nimported 3 range\(s\)/);
  });

  it('answers every field the most specific range knows', async () => {
    const res = await inquire(pan(VISA));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      bin: '41111111',
      scheme: 'visa',
      type: 'credit',
      segment: 'consumer',
      billing_currency_code: 'USD',
      issuer_name: 'Test Bank, N.A.',
      issuer_country_code: 'US',
      product_code: 'F',
      product_name: 'Visa Classic',
    });
  });

  it('leaves out what the table does not know, never inventing it', async () => {
    expect((await inquire(pan('4242424242424242'))).json()).toEqual({ bin: '42424242', scheme: 'visa' });
    expect((await inquire(pan(MASTERCARD))).json()).toEqual({
      bin: '55555555',
      scheme: 'mastercard',
      type: 'debit',
      segment: 'commercial',
      issuer_country_code: 'GB',
    });
    // No range at all: only what the number itself says.
    expect((await inquire(pan('378282246310005'))).json()).toEqual({ bin: '378282', scheme: 'american express' });
  });

  it('answers for a PCI token and a network token from their cards', async () => {
    const pci = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: pan(VISA) } })).json();
    expect((await inquire({ type: 'pci_token', pci_token_id: pci.id })).json()).toMatchObject({ bin: '41111111', issuer_name: 'Test Bank, N.A.' });
    const nt = (await vault.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source: pan(MASTERCARD) } })).json();
    expect((await inquire({ type: 'network_token', network_token_id: nt.id })).json()).toMatchObject({ bin: '55555555', type: 'debit' });
    const missing = await inquire({ type: 'network_token', network_token_id: '33333333-3333-4333-8333-333333333333' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().validation_errors[0].path).toBe('$.source.network_token_id');
  });

  it('refuses bad sources with 422 at the path and never echoes the number', async () => {
    const res = await inquire(pan('4111111111111112'));
    expect(res.statusCode).toBe(422);
    expect(res.json().validation_errors).toEqual([{ path: '$.source.account_number', message: 'fails the Luhn check' }]);
    expect(res.body).not.toContain('4111111111111112');
    expect((await inquire({ type: 'iban' })).statusCode).toBe(422);
  });

  it('needs metadata:inquiries:create', async () => {
    const key = async (scopes: string[]) =>
      (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes } })).json().key_value;
    expect((await inquire(pan(VISA), {})).statusCode).toBe(401);
    expect((await inquire(pan(VISA), { 'x-api-key': await key(SCOPES.filter((s) => s !== 'metadata:inquiries:create')) })).statusCode).toBe(403);
    expect((await inquire(pan(VISA), { 'x-api-key': await key(['metadata:inquiries:create']) })).statusCode).toBe(200);
  });

  it('replays with x-idempotency-key', async () => {
    const send = () =>
      vault.app.inject({ method: 'POST', url: '/api/metadata/inquiries', headers: { ...admin, 'x-idempotency-key': 'inq-1' }, payload: { source: pan(VISA) } });
    const first = await send();
    const second = await send();
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
  });

  it('is documented with operationId inquiry_create', async () => {
    const doc = (await vault.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = doc.paths['/api/metadata/inquiries'].post;
    expect(op).toMatchObject({ operationId: 'inquiry_create', tags: ['metadata'] });
    expect(op.requestBody.content['application/json'].schema.properties.source.anyOf).toHaveLength(3);
    expect(op.responses['200'].content['application/json'].schema.required).toEqual(['bin', 'scheme']);
  });
});

describe('the shipped table of public test cards', () => {
  it('imports cleanly and answers for the demo cards', async () => {
    const fresh = await createTestVault();
    try {
      const file = path.join(import.meta.dirname, '../../bin-ranges/public-test-cards.csv');
      const report = await importBinText(fresh.deps.db, readFileSync(file, 'utf8'), 'csv');
      expect(report.rejected).toEqual([]);
      expect(report.accepted).toBeGreaterThan(15);
      const ask = async (account_number: string) =>
        (await fresh.app.inject({ method: 'POST', url: '/api/metadata/inquiries', headers: admin, payload: { source: pan(account_number) } })).json();
      expect(await ask('5105105105105100')).toEqual({ bin: '51051051', scheme: 'mastercard', type: 'prepaid' });
      expect(await ask('4000002760000016')).toEqual({ bin: '40000027', scheme: 'visa', issuer_country_code: 'DE' });
      // A re-import replaces the table as a whole.
      await importBinText(fresh.deps.db, 'start,scheme\n510510,mastercard', 'csv');
      expect(await ask('5105105105105100')).toEqual({ bin: '51051051', scheme: 'mastercard' });
    } finally {
      await fresh.close();
    }
  });
});
