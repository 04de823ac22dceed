import path from 'node:path';
import { assembleSdkDist } from '../../sdk/build/sdk-releases.ts';

export const SCRIPT = 'hellgate.js';

/**
 * As the SDK's script (ADR 0027, ADR 0040): `dist/hellgate.js` is the moving `/hellgate/v1/hellgate.js`, and a frozen
 * release under `packages/hellgate/releases/<version>/` is the immutable `/hellgate/<version>/hellgate.js`, brotli and
 * gzip beside each, and `dist/sri.json` with the integrity a merchant pins. No release is frozen yet, so there is no
 * pinnable versioned path: a development build served immutable would break every page that pinned it.
 */
export function assembleHellgateDist(distDir: string, version: string): void {
  assembleSdkDist({ distDir, releasesDir: path.resolve(import.meta.dirname, '../releases'), version, script: SCRIPT, prefix: '/hellgate' });
}
