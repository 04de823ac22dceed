import { CompactEncrypt, importJWK } from 'jose';
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

/**
 * Encrypts the card to the session's public key as a compact JWE (RSA-OAEP-256 key
 * wrapping, A256GCM content encryption, `kid` naming the session key). Only the vault
 * process holding the private key can read it.
 */
export async function encryptCard(card: CollectedCard, jwk: SessionJwk, mode: FrameMode): Promise<string> {
  const key = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, 'RSA-OAEP-256');
  const plaintext = new TextEncoder().encode(JSON.stringify(cardClaims(card, mode)));
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid }).encrypt(key);
}
