import { fingerprintPan } from './fingerprint-pan.ts';

/**
 * PAN fingerprints under versioned HMAC keys. Version 1 keeps its original bare form; later
 * versions are prefixed `f<version>.`, so a row says which key made it. While a fingerprint key is
 * being rotated, rows carry either version: a lookup computes the PAN's fingerprint under every
 * live version and matches any of them (dual lookup), until the job has re-keyed every row.
 */
export function formatFingerprint(version: number, key: Buffer, pan: string): string {
  const digest = fingerprintPan(key, pan);
  return version === 1 ? digest : `f${version}.${digest}`;
}

export function fingerprintCandidates(versions: ReadonlyMap<number, Buffer>, pan: string): string[] {
  return [...versions].map(([version, key]) => formatFingerprint(version, key, pan));
}
