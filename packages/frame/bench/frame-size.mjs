// Prints the gzip bytes of everything card.html makes the browser load: the HTML itself and
// every asset it references, followed transitively through JS imports and CSS url()s.
// Run after `npm run build`. Goal: 25 KB or less in total, for one locale: the shared files
// carry no strings, and each shopper adds exactly one `assets/locale-<tag>-<hash>.js` chunk
// (English included), printed per locale. The frame's own error messages
// (`messages-<tag>-<hash>.js`) load only when one is shown, so they are listed apart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

// Split field frames (#field=…) also import the group chunk; the combined element's frame never
// does (ADR 0036), so it is kept out of the shared walk and added to the split-field line below.
const SPLIT_ONLY = /^assets\/start-field-group-[\w-]+\.js$/;
const seen = new Set();
const splitOnly = [];
const queue = [entry];
const rows = [];
/** Chunks only some merchants' frames load: the brand-font loader, fetched only when `fonts` are passed. */
const ON_DEMAND = /^assets\/fonts-[\w-]+\.js$/;
const onDemand = new Set();
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  if (ON_DEMAND.test(relative(dist, file))) {
    onDemand.add(file);
    continue;
  }
  seen.add(file);
  const bytes = readFileSync(file);
  rows.push({ file: relative(dist, file), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  if (!/\.(html|js|css)$/.test(file)) continue;
  const text = bytes.toString('utf8');
  const references = text.matchAll(
    /(?:\/frame\/v1\/|\.\/|\.\.\/)?(assets\/[\w.-]+\.(?:js|css|woff2?|svg|png))|["'(`]\.\/([\w.-]+\.(?:js|css|woff2?|svg|png))/g,
  );
  for (const match of references) {
    const path = match[1] ? join(dist, match[1]) : join(dirname(file), match[2]);
    if (!existsSync(path)) continue;
    if (SPLIT_ONLY.test(relative(dist, path))) splitOnly.push(path);
    else queue.push(path);
  }
}

const total = rows.reduce((sum, row) => ({ bytes: sum.bytes + row.bytes, gzip: sum.gzip + row.gzip }), { bytes: 0, gzip: 0 });
console.log(`Frame payload shared by every locale (${BASE}card.html and everything it loads)`);
console.table([
  ...rows.map((row) => ({ file: row.file, bytes: row.bytes, 'gzip bytes': row.gzip })),
  { file: 'TOTAL', bytes: total.bytes, 'gzip bytes': total.gzip },
  { file: `goal (≤ ${GOAL_BYTES / 1024} KB gzip)`, bytes: '', 'gzip bytes': GOAL_BYTES },
]);

// Every shopper also loads their locale's chunk, and no other.
// A chunk's gzip bytes plus those of every chunk it imports that the shared files did not load.
const withImports = (file, counted = new Set(seen)) => {
  if (counted.has(file)) return 0;
  counted.add(file);
  const bytes = readFileSync(file);
  let sum = gzipSync(bytes, { level: 9 }).length;
  for (const match of bytes.toString('utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) sum += withImports(join(dirname(file), match[1]), counted);
  return sum;
};
const chunkGzip = (prefix) =>
  new Map(
    readdirSync(join(dist, 'assets'))
      .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.js'))
      .map((name) => [name.slice(prefix.length + 1).replace(/-[\w-]{10}\.js$/, ''), withImports(join(dist, 'assets', name))]),
  );
const locales = chunkGzip('locale');
const messages = chunkGzip('messages');
const perLocale = [...locales]
  .map(([locale, gzip]) => ({
    locale,
    'locale chunk': gzip,
    'frame total gzip': total.gzip + gzip,
    'error messages (on failure only)': messages.get(locale) ?? '',
  }))
  .sort((a, b) => b['frame total gzip'] - a['frame total gzip']);
console.log(`\nFrame payload per locale: the shared ${total.gzip} B above + that locale's one chunk`);
console.table(perLocale);
for (const file of onDemand) {
  console.log(`On demand, only with merchant fonts: ${relative(dist, file)} ${gzipSync(readFileSync(file), { level: 9 }).length} B gzip`);
}
const english = perLocale.find((row) => row.locale === 'en');
const largest = perLocale[0];
if (english && largest) {
  const ok = largest['frame total gzip'] <= GOAL_BYTES;
  console.log(`English shopper: ${english['frame total gzip']} B (${(english['frame total gzip'] / 1024).toFixed(2)} KB)`);
  console.log(
    `${ok ? 'MEETS' : 'MISSES'} the goal (≤ ${GOAL_BYTES / 1024} KB gzip) in every locale: largest is ${largest.locale}, ${(largest['frame total gzip'] / 1024).toFixed(2)} KB`,
  );
  // The group chunk's gzip bytes plus those of anything it imports that the frame had not loaded.
  const split = [...new Set(splitOnly)].reduce((sum, file) => sum + withImports(file), 0);
  const splitLargest = largest['frame total gzip'] + split;
  const splitOk = splitLargest <= GOAL_BYTES;
  console.log(
    `Split field frames also load the group chunk (${split} B): English ${english['frame total gzip'] + split} B, largest (${largest.locale}) ${splitLargest} B (${(splitLargest / 1024).toFixed(2)} KB), ${splitOk ? 'MEETS' : 'MISSES'} the goal`,
  );
  if (!ok || !splitOk) process.exitCode = 1;
}
