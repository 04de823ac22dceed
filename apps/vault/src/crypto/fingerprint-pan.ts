import { createHmac } from 'node:crypto';

/** Keyed fingerprint (PCI 3.5.1.1): without the key, a PAN's fingerprint cannot be brute-forced from its hash. */
export function fingerprintPan(key: Buffer, pan: string): string {
  return createHmac('sha256', key).update(pan, 'utf8').digest('base64url');
}
