// `npm run release:freeze -w @cardframe/sdk` (also npm version's preversion): the built script of the package's
// version is frozen under releases/<version>/, to be committed, so every later vault serves those exact bytes at
// /sdk/<version>/cardframe.js, immutable. Refuses if that version is already frozen with other bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freezeRelease, integrityOf } from './sdk-releases.ts';

const sdkDir = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(sdkDir, 'package.json'), 'utf8')) as { version: string };
const file = freezeRelease({ distDir: path.join(sdkDir, 'dist'), releasesDir: path.join(sdkDir, 'releases'), version });
console.log(`froze SDK ${version} at ${path.relative(process.cwd(), file)} (${integrityOf(readFileSync(file))})`);
console.log('next: commit it, bump "version" to the next development version, and run `npm run release:pin-readme` at the root');
