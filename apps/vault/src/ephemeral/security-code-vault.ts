import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { SecurityCodeStore } from './security-code-store.ts';

export interface SecurityCodeVault {
  put(tokenId: string, securityCode: string): Promise<void>;
  available(tokenId: string): Promise<boolean>;
  /** The clear CVC, for the forward proxy only; undefined once lapsed or deleted. */
  reveal(tokenId: string): Promise<string | undefined>;
  /** Like reveal, but the code is gone afterwards (single-use forward, issue 13 finding 13). */
  consume(tokenId: string): Promise<string | undefined>;
  delete(tokenId: string): Promise<void>;
}

/** Encrypts under the CVC-only key, bound to the token id, before anything reaches the store. */
export function createSecurityCodeVault(store: SecurityCodeStore, cipher: FieldCipher, ttlSeconds: number): SecurityCodeVault {
  return {
    async put(tokenId, securityCode) {
      await store.put(tokenId, cipher.encrypt(securityCode, `security_code:${tokenId}`), ttlSeconds);
    },
    async available(tokenId) {
      const value = await store.get(tokenId);
      if (value === undefined) return false;
      try {
        cipher.decrypt(value, `security_code:${tokenId}`);
        return true;
      } catch {
        return false;
      }
    },
    async reveal(tokenId) {
      const value = await store.get(tokenId);
      if (value === undefined) return undefined;
      try {
        return cipher.decrypt(value, `security_code:${tokenId}`);
      } catch {
        return undefined;
      }
    },
    async consume(tokenId) {
      const value = await store.take(tokenId);
      if (value === undefined) return undefined;
      try {
        return cipher.decrypt(value, `security_code:${tokenId}`);
      } catch {
        return undefined;
      }
    },
    async delete(tokenId) {
      await store.delete(tokenId);
    },
  };
}
