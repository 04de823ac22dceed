import { createHash } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { fetchScriptIntegrity, fetchSdkIntegrity, HELLGATE_SCRIPT, integrityFromManifest, sha384Integrity } from './sdk-integrity.ts';

describe('SDK integrity', () => {
  const bytes = new TextEncoder().encode('window.Cardframe = {};');
  const integrity = sha384Integrity(bytes);

  it('hashes like a browser does for the integrity attribute', () => {
    expect(integrity).toBe(`sha384-${createHash('sha384').update('window.Cardframe = {};').digest('base64')}`);
    expect(integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it("reads the SDK build's manifest entry and nothing else", () => {
    expect(integrityFromManifest({ 'cardframe.js': { integrity, bytes: 22 } })).toBe(integrity);
    expect(integrityFromManifest({ 'cardframe.js': { integrity: 'sha256-abc' } })).toBeUndefined();
    expect(integrityFromManifest({ 'other.js': { integrity } })).toBeUndefined();
    expect(integrityFromManifest(null)).toBeUndefined();
  });
});

describe('fetchSdkIntegrity (real vault)', () => {
  it('returns the published sha384 after checking it against the script the vault serves', async () => {
    const vaultUrl = inject('vaultUrl');
    const integrity = await fetchSdkIntegrity(vaultUrl);
    const script = new Uint8Array(await (await fetch(`${vaultUrl}/sdk/v1/cardframe.js`)).arrayBuffer());
    expect(integrity).toBe(sha384Integrity(script));
  });

  it('does the same for the Hellgate-shaped script', async () => {
    const vaultUrl = inject('vaultUrl');
    const integrity = await fetchScriptIntegrity(vaultUrl, HELLGATE_SCRIPT);
    const script = new Uint8Array(await (await fetch(`${vaultUrl}/hellgate/v1/hellgate.js`)).arrayBuffer());
    expect(integrity).toBe(sha384Integrity(script));
    expect(integrity).not.toBe(await fetchSdkIntegrity(vaultUrl));
  });
});
