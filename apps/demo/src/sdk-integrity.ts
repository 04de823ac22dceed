import { createHash } from 'node:crypto';

/** Where the vault serves the SDK script and publishes its SRI manifest (see packages/sdk's build). */
export const SDK_SCRIPT_PATH = '/sdk/v1/cardframe.js';
export const SDK_MANIFEST_PATH = '/sdk/v1/sri.json';
/** The same for the Hellgate-shaped script (packages/hellgate's build). */
export const HELLGATE_SCRIPT_PATH = '/hellgate/v1/hellgate.js';
export const HELLGATE_MANIFEST_PATH = '/hellgate/v1/sri.json';

/** A script the vault serves with its manifest: the manifest's entry is the script's file name. */
export interface PinnedScript {
  scriptPath: string;
  manifestPath: string;
  entry: string;
}
export const SDK_SCRIPT: PinnedScript = { scriptPath: SDK_SCRIPT_PATH, manifestPath: SDK_MANIFEST_PATH, entry: 'cardframe.js' };
export const HELLGATE_SCRIPT: PinnedScript = { scriptPath: HELLGATE_SCRIPT_PATH, manifestPath: HELLGATE_MANIFEST_PATH, entry: 'hellgate.js' };

/** Reads `{"cardframe.js": {"integrity": "sha384-…"}}` (or another entry); undefined when the manifest has no such entry. */
export function integrityFromManifest(manifest: unknown, name = SDK_SCRIPT.entry): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const entry = (manifest as Record<string, unknown>)[name];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const integrity = (entry as Record<string, unknown>).integrity;
  return typeof integrity === 'string' && /^sha384-[A-Za-z0-9+/]{64}$/.test(integrity) ? integrity : undefined;
}

/** `sha384-<base64>` of some bytes, as a browser computes it for `integrity`. */
export function sha384Integrity(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * The integrity the merchant page pins a vault script to: what the vault publishes, checked
 * against the script the vault actually serves. A mismatch would make every shopper's browser
 * refuse the script, so the server refuses to start instead and says why.
 */
export async function fetchScriptIntegrity(vaultApiUrl: string, script: PinnedScript, doFetch: typeof fetch = fetch): Promise<string> {
  const { scriptPath, manifestPath, entry } = script;
  const manifestResponse = await doFetch(new URL(manifestPath, vaultApiUrl), { signal: AbortSignal.timeout(10_000) });
  if (!manifestResponse.ok) throw new Error(`${manifestPath} answered HTTP ${manifestResponse.status}`);
  const published = integrityFromManifest(await manifestResponse.json(), entry);
  if (!published) throw new Error(`${manifestPath} has no sha384 integrity for ${entry}`);
  const scriptResponse = await doFetch(new URL(scriptPath, vaultApiUrl), { signal: AbortSignal.timeout(10_000) });
  if (!scriptResponse.ok) throw new Error(`${scriptPath} answered HTTP ${scriptResponse.status}`);
  const actual = sha384Integrity(new Uint8Array(await scriptResponse.arrayBuffer()));
  if (actual !== published) {
    throw new Error(`the ${entry} script's hash (${actual}) does not match the published integrity (${published})`);
  }
  return published;
}

export const fetchSdkIntegrity = (vaultApiUrl: string, doFetch: typeof fetch = fetch): Promise<string> =>
  fetchScriptIntegrity(vaultApiUrl, SDK_SCRIPT, doFetch);
