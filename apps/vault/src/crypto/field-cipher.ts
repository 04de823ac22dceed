import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for one field of one row. The AAD `table:id:field` binds the ciphertext to its
 * place, so a ciphertext copied into another row or column fails to decrypt. Format:
 * `v<version>.<iv>.<tag>.<ciphertext>` (base64url), the version naming the key for later rotation.
 */
export interface FieldCipher {
  encrypt(plaintext: string, aad: string): string;
  decrypt(ciphertext: string, aad: string): string;
}

/**
 * `currentVersion` may be a function: with a key store (key-store.ts) the version that encrypts
 * changes at a rotation while `keys` gains the new version in place.
 */
export function createFieldCipher(keys: ReadonlyMap<number, Buffer>, currentVersion: number | (() => number)): FieldCipher {
  const versionNow = typeof currentVersion === 'function' ? currentVersion : () => currentVersion;
  if (!keys.get(versionNow())) throw new Error(`no field key for version ${versionNow()}`);
  return {
    encrypt(plaintext, aad) {
      const version = versionNow();
      const current = keys.get(version)!;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v${version}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
    },
    decrypt(ciphertext, aad) {
      const [version, iv, tag, ct] = ciphertext.split('.');
      const key = version?.startsWith('v') ? keys.get(Number(version.slice(1))) : undefined;
      if (!key || iv === undefined || tag === undefined || ct === undefined) throw new Error('unreadable ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
