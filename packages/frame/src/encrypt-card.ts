import type { CardClaims, FrameMode, SecurityCodeClaims, SessionJwk } from '@cardframe/protocol';
import type { CollectedCard } from '@cardframe/card-form';

/**
 * The JWE claims, Guardian style: snake_case, four-digit year. In 'cvc' mode only the
 * security code is sent, whatever else the caller holds.
 */
export function cardClaims(card: CollectedCard, mode: FrameMode): CardClaims | SecurityCodeClaims {
  if (mode === 'cvc' || !('accountNumber' in card)) return { security_code: card.securityCode };
  const claims: CardClaims = {
    account_number: card.accountNumber,
    expiry_month: card.expiryMonth,
    expiry_year: card.expiryYear,
    security_code: card.securityCode,
  };
  if (card.cardholderName) claims.cardholder_name = card.cardholderName;
  return claims;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Encrypts the card to the session's public key as a compact JWE (RFC 7516): RSA-OAEP-256
 * wraps a fresh A256GCM key, the protected header (with the session key's `kid`) is the AAD.
 * Only the vault process holding the private key can read it.
 *
 * Written on WebCrypto rather than jose: jose's CompactEncrypt pulls every key-management
 * algorithm into the bundle (~7.5 KB gzip, a third of the frame's budget) for one fixed
 * algorithm pair. The tests decrypt with jose, so interoperability is checked against it.
 */
export async function encryptCard(card: CollectedCard, jwk: SessionJwk, mode: FrameMode): Promise<string> {
  const subtle = crypto.subtle;
  const publicKey = await subtle.importKey(
    'jwk',
    { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true },
    { name: 'RSA-OAEP', hash: 'SHA-256' },
    false,
    ['encrypt'],
  );
  const encoder = new TextEncoder();
  const header = base64url(encoder.encode(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid })));
  const cek = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const contentKey = await subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(header), tagLength: 128 },
      contentKey,
      encoder.encode(JSON.stringify(cardClaims(card, mode))),
    ),
  );
  const encryptedKey = new Uint8Array(await subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, cek));
  cek.fill(0);
  const tagStart = sealed.length - 16;
  return [header, base64url(encryptedKey), base64url(iv), base64url(sealed.subarray(0, tagStart)), base64url(sealed.subarray(tagStart))].join('.');
}
