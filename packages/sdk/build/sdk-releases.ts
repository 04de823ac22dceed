import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { precompressFile } from '../../../tools/precompress.ts';

/**
 * The SDK's immutable, versioned script paths. `dist/cardframe.js` is the moving `/sdk/v1/cardframe.js`;
 * `dist/<version>/cardframe.js` is `/sdk/<version>/cardframe.js`, cached for a year, for the version being built and
 * for every frozen release under `packages/sdk/releases/<version>/`, which the vault keeps serving after an
 * upgrade so a merchant's pinned `integrity` never breaks. `dist/sri.json` lists them all.
 */
export const SCRIPT = 'cardframe.js';
export const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;

export interface ScriptEntry {
  /** The path a merchant pins, relative to the vault origin. */
  path: string;
  integrity: string;
  bytes: number;
  gzipBytes: number;
}

export interface SriManifest {
  /** The moving script (`/sdk/v1/cardframe.js`), and which version it is today. */
  [SCRIPT]: ScriptEntry & { version: string };
  /** Every version this vault serves at an immutable path, newest build included. */
  versions: Record<string, ScriptEntry>;
}

export const integrityOf = (bytes: Buffer): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function entry(urlPath: string, bytes: Buffer): ScriptEntry {
  return { path: urlPath, integrity: integrityOf(bytes), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Versions frozen under releasesDir (each a folder holding cardframe.js), oldest first. */
export function frozenReleases(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && VERSION_PATTERN.test(d.name) && existsSync(path.join(releasesDir, d.name, SCRIPT)))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Lays out distDir around the freshly built `distDir/cardframe.js`: a versioned copy, every frozen release,
 * brotli and gzip beside each script, and sri.json. A build whose version is frozen with other bytes fails:
 * a released path must never change.
 */
export function assembleSdkDist({ distDir, releasesDir, version }: { distDir: string; releasesDir: string; version: string }): SriManifest {
  if (!VERSION_PATTERN.test(version)) throw new Error(`SDK version "${version}" is not x.y.z[-pre]`);
  const current = readFileSync(path.join(distDir, SCRIPT));
  const releases = frozenReleases(releasesDir);
  if (releases.includes(version) && !readFileSync(path.join(releasesDir, version, SCRIPT)).equals(current)) {
    throw new Error(
      `SDK ${version} is already released (${path.join(releasesDir, version)}) with other bytes: bump "version" in packages/sdk/package.json`,
    );
  }
  const versions: Record<string, ScriptEntry> = {};
  for (const v of [...releases.filter((r) => r !== version), version]) {
    const bytes = v === version ? current : readFileSync(path.join(releasesDir, v, SCRIPT));
    const target = path.join(distDir, v, SCRIPT);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    precompressFile(target);
    versions[v] = entry(`/sdk/${v}/${SCRIPT}`, bytes);
  }
  precompressFile(path.join(distDir, SCRIPT));
  const manifest: SriManifest = { [SCRIPT]: { ...entry(`/sdk/v1/${SCRIPT}`, current), version }, versions };
  writeFileSync(path.join(distDir, 'sri.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  precompressFile(path.join(distDir, 'sri.json'));
  return manifest;
}

/** Freezes the built script of `version` into releasesDir (run before a version bump); refuses to overwrite. */
export function freezeRelease({ distDir, releasesDir, version }: { distDir: string; releasesDir: string; version: string }): string {
  const target = path.join(releasesDir, version, SCRIPT);
  if (existsSync(target)) {
    if (readFileSync(target).equals(readFileSync(path.join(distDir, SCRIPT)))) return target;
    throw new Error(`${target} exists with other bytes: a released SDK version is immutable`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(distDir, SCRIPT), target);
  return target;
}
