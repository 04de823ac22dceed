// `npm run release:pin-readme`: after an SDK release is frozen (npm run release:freeze -w @cardframe/sdk), points the
// README's script-tag snippet, its page CSP and the SDK README at the newest frozen release, with the hash of its
// committed bytes. readme-sdk-snippet.test.ts fails until this has run (ADR 0040).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { frozenReleases, integrityOf, SCRIPT } from '../packages/sdk/build/sdk-releases.ts';

const root = path.resolve(import.meta.dirname, '..');
const releasesDir = path.join(root, 'packages/sdk/releases');
const version = frozenReleases(releasesDir).at(-1);
if (!version) throw new Error(`${releasesDir} holds no frozen release: run npm run release:freeze -w @cardframe/sdk`);
const integrity = integrityOf(readFileSync(path.join(releasesDir, version, SCRIPT)));
const pinnedPath = /(https:\/\/vault\.example\/sdk\/)[^/"\s;]+(\/cardframe\.js)/g;

for (const file of ['README.md', 'packages/sdk/README.md']) {
  const full = path.join(root, file);
  let text = readFileSync(full, 'utf8').replace(pinnedPath, `$1${version}$2`);
  if (file === 'README.md') {
    const [start, end] = [text.indexOf('<!-- sri:start -->'), text.indexOf('<!-- sri:end -->')];
    const snippet = text.slice(start, end).replace(/integrity="sha384-[A-Za-z0-9+/=]+"/, `integrity="${integrity}"`);
    text = text.slice(0, start) + snippet + text.slice(end);
  } else {
    text = text.replace(/versions\["[^"]+"\]\.integrity/g, `versions["${version}"].integrity`);
  }
  writeFileSync(full, text);
}
console.log(`README pins /sdk/${version}/${SCRIPT} (${integrity})`);
