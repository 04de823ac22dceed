import { compactDecrypt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import type { SessionJwk } from '@cardframe/protocol';
import { encryptCard } from './encrypt-card.ts';

async function sessionKey() {
  const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(publicKey);
  const jwk: SessionJwk = { kty: 'RSA', n: exported.n!, e: exported.e!, kid: 'session-key-1', alg: 'RSA-OAEP-256', use: 'enc' };
  return { jwk, privateKey };
}

async function decrypt(jwe: string, privateKey: CryptoKey): Promise<unknown> {
  const { plaintext } = await compactDecrypt(jwe, privateKey);
  return JSON.parse(new TextDecoder().decode(plaintext));
}

const card = { accountNumber: '4242424242424242', expiryMonth: 4, expiryYear: 2031, securityCode: '123' };

describe('encryptCard', () => {
  test('round-trips the Guardian claims through a compact JWE to the session key', async () => {
    const { jwk, privateKey } = await sessionKey();
    const jwe = await encryptCard({ ...card, cardholderName: 'Ada Lovelace' }, jwk, 'card');
    expect(jwe.split('.')).toHaveLength(5);
    expect(jwe).not.toContain('4242');
    expect(decodeProtectedHeader(jwe)).toEqual({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'session-key-1' });
    expect(await decrypt(jwe, privateKey)).toEqual({
      account_number: '4242424242424242',
      expiry_month: 4,
      expiry_year: 2031,
      security_code: '123',
      cardholder_name: 'Ada Lovelace',
    });
  });

  test('omits an absent cardholder name', async () => {
    const { jwk, privateKey } = await sessionKey();
    expect(await decrypt(await encryptCard(card, jwk, 'card'), privateKey)).toEqual({
      account_number: '4242424242424242',
      expiry_month: 4,
      expiry_year: 2031,
      security_code: '123',
    });
  });

  test('in cvc mode sends the security code and nothing else', async () => {
    const { jwk, privateKey } = await sessionKey();
    expect(await decrypt(await encryptCard({ securityCode: '9876' }, jwk, 'cvc'), privateKey)).toEqual({ security_code: '9876' });
    expect(await decrypt(await encryptCard(card, jwk, 'cvc'), privateKey)).toEqual({ security_code: '123' });
  });

  test('every encryption uses a fresh content key and IV', async () => {
    const { jwk } = await sessionKey();
    const [a, b] = [await encryptCard(card, jwk, 'card'), await encryptCard(card, jwk, 'card')];
    const [, keyA, ivA, bodyA] = a.split('.');
    const [, keyB, ivB, bodyB] = b.split('.');
    expect(keyA).not.toBe(keyB);
    expect(ivA).not.toBe(ivB);
    expect(bodyA).not.toBe(bodyB);
  });

  test('a tampered header or body does not decrypt', async () => {
    const { jwk, privateKey } = await sessionKey();
    const [header, key, iv, body, tag] = (await encryptCard(card, jwk, 'card')).split('.') as [string, string, string, string, string];
    const otherHeader = btoa(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'other' })).replace(/=+$/, '');
    await expect(compactDecrypt([otherHeader, key, iv, body, tag].join('.'), privateKey)).rejects.toThrow();
    const flipped = (body[0] === 'A' ? 'B' : 'A') + body.slice(1);
    await expect(compactDecrypt([header, key, iv, flipped, tag].join('.'), privateKey)).rejects.toThrow();
  });

  test('another key cannot read it', async () => {
    const { jwk } = await sessionKey();
    const other = await sessionKey();
    await expect(compactDecrypt(await encryptCard(card, jwk, 'card'), other.privateKey)).rejects.toThrow();
  });
});
