// Prints the gzip size of the script-tag SDK (dist/cardframe.js) against the goal and the
// peers' published loaders. Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const GOAL_BYTES = 4 * 1024;
/** Peer figures from the research (gzip bytes of the script a merchant page loads). */
const PEERS = [
  ['Basis Theory web-elements loader', 4.9 * 1024],
  ['Hellgate web SDK', 7.2 * 1024],
  ['Braintree hosted-fields', 19.8 * 1024],
];

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cardframe.js');
if (!existsSync(file)) {
  console.error('dist/cardframe.js is missing: run `npm run build` first');
  process.exit(1);
}
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(2);
console.log('SDK script size (gzip -9)');
console.table([
  { script: 'Cardframe dist/cardframe.js', bytes: bytes.length, 'gzip bytes': gzip, 'gzip KB': kb(gzip) },
  { script: 'goal', bytes: '', 'gzip bytes': GOAL_BYTES, 'gzip KB': kb(GOAL_BYTES) },
  ...PEERS.map(([script, size]) => ({ script, bytes: '', 'gzip bytes': Math.round(size), 'gzip KB': kb(size) })),
]);
console.log(`${gzip <= GOAL_BYTES ? 'MEETS' : 'MISSES'} the goal: ${kb(gzip)} KB of ${kb(GOAL_BYTES)} KB gzip`);
