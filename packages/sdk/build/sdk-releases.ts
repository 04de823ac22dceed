import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { precompressFile } from '../../../tools/precompress.ts';

/**
 * The SDK's script paths (ADR 0027, amended by ADR 0040). `dist/cardframe.js` is the moving `/sdk/v1/cardframe.js`,
 * whatever is being developed. `dist/<version>/cardframe.js` is `/sdk/<version>/cardframe.js`, cached for a year and
 * immutable, and exists only for a frozen release: a version committed under `packages/sdk/releases/<version>/`.
 * A version still under development has no versioned path at all, so nothing a merchant can pin with `integrity`
 * ever changes bytes. `dist/sri.json` lists them all. The Hellgate-shaped script (packages/hellgate) uses the same
 * layout under its own prefix.
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

/** The moving script (`<prefix>/v1/<script>`): which version it is today, and whether that version is frozen. */
export type MovingEntry = ScriptEntry & { version: string; frozen: boolean };

/**
 * What `dist/sri.json` says, written as `{ "<script>": moving, "versions": versions }`. A moving build that is not
 * frozen is a development build: it has no pinnable path, and `versions` does not list it.
 */
export interface SriManifest {
  moving: MovingEntry;
  /** Every frozen release this vault serves at an immutable path, oldest first. */
  versions: Record<string, ScriptEntry>;
}

/** Which script, under which URL prefix: the SDK's `cardframe.js` under `/sdk` unless told otherwise. */
export interface ScriptLayout {
  distDir: string;
  releasesDir: string;
  version: string;
  script?: string;
  prefix?: string;
}

export const integrityOf = (bytes: Buffer): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function entry(urlPath: string, bytes: Buffer): ScriptEntry {
  return { path: urlPath, integrity: integrityOf(bytes), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/** Versions frozen under releasesDir (each a folder holding the script), oldest first. */
export function frozenReleases(releasesDir: string, script = SCRIPT): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && VERSION_PATTERN.test(d.name) && existsSync(path.join(releasesDir, d.name, script)))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Lays out distDir around the freshly built `distDir/<script>`: a versioned copy of every frozen release (the
 * version being built among them only once it is frozen), brotli and gzip beside each script, and sri.json.
 * A build whose version is frozen with other bytes fails: a released path must never change.
 */
export function assembleSdkDist({ distDir, releasesDir, version, script = SCRIPT, prefix = '/sdk' }: ScriptLayout): SriManifest {
  if (!VERSION_PATTERN.test(version)) throw new Error(`version "${version}" is not x.y.z[-pre]`);
  const current = readFileSync(path.join(distDir, script));
  const releases = frozenReleases(releasesDir, script);
  const frozen = releases.includes(version);
  if (frozen && !readFileSync(path.join(releasesDir, version, script)).equals(current)) {
    throw new Error(`${script} ${version} is already released (${path.join(releasesDir, version)}) with other bytes: bump "version" in its package.json`);
  }
  const versions: Record<string, ScriptEntry> = {};
  for (const v of releases) {
    const bytes = readFileSync(path.join(releasesDir, v, script));
    const target = path.join(distDir, v, script);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    precompressFile(target);
    versions[v] = entry(`${prefix}/${v}/${script}`, bytes);
  }
  precompressFile(path.join(distDir, script));
  const moving: MovingEntry = { ...entry(`${prefix}/v1/${script}`, current), version, frozen };
  writeFileSync(path.join(distDir, 'sri.json'), `${JSON.stringify({ [script]: moving, versions }, null, 2)}\n`);
  precompressFile(path.join(distDir, 'sri.json'));
  return { moving, versions };
}

/**
 * Freezes the built script of `version` into releasesDir: from then on every build serves these bytes at the
 * version's immutable path. Idempotent for the same bytes; refuses to overwrite other bytes.
 */
export function freezeRelease({ distDir, releasesDir, version, script = SCRIPT }: Omit<ScriptLayout, 'prefix'>): string {
  if (!VERSION_PATTERN.test(version)) throw new Error(`version "${version}" is not x.y.z[-pre]`);
  const target = path.join(releasesDir, version, script);
  const built = readFileSync(path.join(distDir, script));
  if (existsSync(target)) {
    if (readFileSync(target).equals(built)) return target;
    throw new Error(`${target} exists with other bytes: a released version is immutable, bump "version" in its package.json`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(distDir, script), target);
  return target;
}
