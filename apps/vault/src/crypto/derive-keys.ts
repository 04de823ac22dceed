import { hkdfSync } from 'node:crypto';

/** One key per purpose, so a leak or misuse of one never exposes another (PCI 3.6/3.7). */
export interface VaultKeys {
  /** AES-256-GCM for PAN, holder name, JWE private keys and idempotent responses. Index = key version. */
  field: ReadonlyMap<number, Buffer>;
  fieldVersion: number;
  /** AES-256-GCM for the security code in the ephemeral store only. */
  securityCode: Buffer;
  /** HMAC-SHA256 for PAN fingerprints. */
  fingerprint: Buffer;
  /** AES-256-GCM for generic token payloads (non-card secrets kept apart from card data). */
  genericPayload: Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `cardframe/${info}`, 32));
}

/** HKDF-SHA256 from the 32-byte master key. Version 1 is the only field key until rotation lands. */
export function deriveKeys(master: Buffer): VaultKeys {
  if (master.length !== 32) throw new Error('master key must be 32 bytes');
  return {
    field: new Map([[1, derive(master, 'field/v1')]]),
    fieldVersion: 1,
    securityCode: derive(master, 'security-code/v1'),
    fingerprint: derive(master, 'fingerprint/v1'),
    genericPayload: derive(master, 'generic-payload/v1'),
  };
}
