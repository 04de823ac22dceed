// `npm version` runs this first (preversion): the built script of the version being left is frozen under
// releases/<version>/ and committed, so every later vault keeps serving it at /sdk/<version>/cardframe.js.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freezeRelease } from './sdk-releases.ts';

const sdkDir = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')) as { version: string };
const file = freezeRelease({ distDir: path.join(sdkDir, 'dist'), releasesDir: path.join(sdkDir, 'releases'), version });
console.log(`froze SDK ${version} at ${path.relative(process.cwd(), file)}: commit it with the version bump`);
