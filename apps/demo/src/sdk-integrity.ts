import { createHash } from 'node:crypto';

/** Where the vault serves the SDK script and publishes its SRI manifest (see packages/sdk's build). */
export const SDK_SCRIPT_PATH = '/sdk/v1/cardframe.js';
export const SDK_MANIFEST_PATH = '/sdk/v1/sri.json';

/** Reads `{"cardframe.js": {"integrity": "sha384-…"}}`; undefined when the manifest has no such entry. */
export function integrityFromManifest(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const entry = (manifest as Record<string, unknown>)['cardframe.js'];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const integrity = (entry as Record<string, unknown>).integrity;
  return typeof integrity === 'string' && /^sha384-[A-Za-z0-9+/]{64}$/.test(integrity) ? integrity : undefined;
}

/** `sha384-<base64>` of some bytes, as a browser computes it for `integrity`. */
export function sha384Integrity(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * The integrity the merchant page pins the SDK script to: what the vault publishes, checked
 * against the script the vault actually serves. A mismatch would make every shopper's browser
 * refuse the script, so the server refuses to start instead and says why.
 */
export async function fetchSdkIntegrity(vaultApiUrl: string, doFetch: typeof fetch = fetch): Promise<string> {
  const manifestResponse = await doFetch(new URL(SDK_MANIFEST_PATH, vaultApiUrl), { signal: AbortSignal.timeout(10_000) });
  if (!manifestResponse.ok) throw new Error(`${SDK_MANIFEST_PATH} answered HTTP ${manifestResponse.status}`);
  const published = integrityFromManifest(await manifestResponse.json());
  if (!published) throw new Error(`${SDK_MANIFEST_PATH} has no sha384 integrity for cardframe.js`);
  const scriptResponse = await doFetch(new URL(SDK_SCRIPT_PATH, vaultApiUrl), { signal: AbortSignal.timeout(10_000) });
  if (!scriptResponse.ok) throw new Error(`${SDK_SCRIPT_PATH} answered HTTP ${scriptResponse.status}`);
  const actual = sha384Integrity(new Uint8Array(await scriptResponse.arrayBuffer()));
  if (actual !== published) {
    throw new Error(`the SDK script's hash (${actual}) does not match the published integrity (${published})`);
  }
  return published;
}
