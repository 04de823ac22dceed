// Prints the gzip bytes of everything card.html makes the browser load: the HTML itself and
// every asset it references, followed transitively through JS imports and CSS url()s.
// Run after `npm run build`. Goal: 25 KB or less in total.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const GOAL_BYTES = 25 * 1024;
const BASE = '/frame/v1/';
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entry = join(dist, 'card.html');
if (!existsSync(entry)) {
  console.error('dist/card.html is missing: run `npm run build` first');
  process.exit(1);
}

const seen = new Set();
const queue = [entry];
const rows = [];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const bytes = readFileSync(file);
  rows.push({ file: relative(dist, file), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  if (!/\.(html|js|css)$/.test(file)) continue;
  const text = bytes.toString('utf8');
  const references = text.matchAll(/(?:\/frame\/v1\/|\.\/|\.\.\/)?(assets\/[\w.-]+\.(?:js|css|woff2?|svg|png))|["'(`]\.\/([\w.-]+\.(?:js|css|woff2?|svg|png))/g);
  for (const match of references) {
    const path = match[1] ? join(dist, match[1]) : join(dirname(file), match[2]);
    if (existsSync(path)) queue.push(path);
  }
}

const total = rows.reduce((sum, row) => ({ bytes: sum.bytes + row.bytes, gzip: sum.gzip + row.gzip }), { bytes: 0, gzip: 0 });
console.log(`Frame payload (${BASE}card.html and everything it loads)`);
console.table([
  ...rows.map((row) => ({ file: row.file, bytes: row.bytes, 'gzip bytes': row.gzip })),
  { file: 'TOTAL', bytes: total.bytes, 'gzip bytes': total.gzip },
  { file: `goal (≤ ${GOAL_BYTES / 1024} KB gzip)`, bytes: '', 'gzip bytes': GOAL_BYTES },
]);
console.log(`${total.gzip <= GOAL_BYTES ? 'MEETS' : 'MISSES'} the goal: ${(total.gzip / 1024).toFixed(2)} KB of ${GOAL_BYTES / 1024} KB gzip`);
