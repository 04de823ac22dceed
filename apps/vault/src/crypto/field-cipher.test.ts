import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestVault, FUTURE_YEAR, MASTERCARD, VISA, type TestVault } from '../test/test-vault.ts';
import { deriveKeys } from './derive-keys.ts';
import { createFieldCipher } from './field-cipher.ts';
import { fingerprintPan } from './fingerprint-pan.ts';

describe('field cipher', () => {
  const keys = deriveKeys(randomBytes(32));
  const cipher = createFieldCipher(keys.field, keys.fieldVersion);

  it('round-trips and tags the key version', () => {
    const ct = cipher.encrypt(VISA, 'tokens:a:pan');
    expect(ct.startsWith('v1.')).toBe(true);
    expect(ct).not.toContain(VISA);
    expect(cipher.decrypt(ct, 'tokens:a:pan')).toBe(VISA);
  });

  it('refuses a ciphertext moved to another row or field, or tampered', () => {
    const ct = cipher.encrypt(VISA, 'tokens:a:pan');
    expect(() => cipher.decrypt(ct, 'tokens:b:pan')).toThrow();
    expect(() => cipher.decrypt(ct, 'tokens:a:holder')).toThrow();
    const parts = ct.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3]!, 'base64url').toString('latin1').slice(1), 'latin1').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'tokens:a:pan')).toThrow();
    expect(() => cipher.decrypt(ct.replace(/^v1/, 'v9'), 'tokens:a:pan')).toThrow();
  });

  it('derives distinct keys per purpose', () => {
    const all = [...keys.field.values(), keys.securityCode, keys.fingerprint].map((k) => k.toString('hex'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('fingerprints with a key: not SHA-256(PAN), stable per key, different across master keys', () => {
    const fp = fingerprintPan(keys.fingerprint, VISA);
    expect(fp).not.toBe(createHash('sha256').update(VISA).digest('base64url'));
    expect(fp).not.toBe(createHash('sha256').update(VISA).digest('hex'));
    expect(fingerprintPan(keys.fingerprint, VISA)).toBe(fp);
    expect(fingerprintPan(deriveKeys(randomBytes(32)).fingerprint, VISA)).not.toBe(fp);
  });
});

describe('at rest', () => {
  let vault: TestVault;
  beforeAll(async () => {
    vault = await createTestVault();
  });
  afterAll(async () => vault.close());

  it('ciphertext swapped between two token rows fails to decrypt', async () => {
    const make = async (account_number: string) =>
      (
        await vault.app.inject({
          method: 'POST',
          url: '/api/pci/tokens',
          headers: admin,
          payload: { source: { type: 'pan', account_number, expiry_month: 1, expiry_year: FUTURE_YEAR, cardholder_name: 'A B' } },
        })
      ).json().id as string;
    const a = await make(VISA);
    const b = await make(MASTERCARD);
    const rows = await vault.deps.db.selectFrom('tokens').selectAll().where('id', 'in', [a, b]).execute();
    const ra = rows.find((r) => r.id === a)!;
    const rb = rows.find((r) => r.id === b)!;
    expect(vault.deps.cipher.decrypt(ra.pan_ct, `tokens:${a}:pan`)).toBe(VISA);
    expect(() => vault.deps.cipher.decrypt(rb.pan_ct, `tokens:${a}:pan`)).toThrow();
    await vault.deps.db.updateTable('tokens').set({ holder_ct: rb.holder_ct }).where('id', '=', a).execute();
    const res = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${a}`, headers: admin });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 500, classifier: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
    const sha = createHash('sha256').update(VISA).digest();
    const dump = JSON.stringify(await vault.deps.db.selectFrom('tokens').selectAll().execute());
    for (const enc of ['hex', 'base64', 'base64url'] as const) expect(dump).not.toContain(sha.toString(enc));
    expect(dump).not.toContain(VISA);
  });
});
