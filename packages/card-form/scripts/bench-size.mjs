// Prints what <cardframe-card-form> adds to the frame bundle (its budget is 25 KB gzip for
// everything the frame loads). Each package's share is measured by building once with it and
// once without it (externalized), so the numbers are minified + gzip, as shipped.
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundle(external) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      // IIFE, not ES: Vite keeps whitespace in lib-mode ES output, while the frame's app build
      // minifies fully; an IIFE gets the full minification the frame will get.
      lib: { entry: 'src/define.ts', formats: ['iife'], name: 'cardForm', fileName: 'card-form' },
      rollupOptions: {
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        output: { globals: (id) => id.replace(/\W/g, '_') },
      },
    },
  });
  const chunk = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('no chunk built');
  const code = Buffer.from(chunk.code);
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length };
}

const layers = ['lit', 'card-validator', 'credit-card-type', '@cardframe/protocol'];
const sizes = [];
for (let i = 0; i <= layers.length; i += 1) sizes.push(await bundle(layers.slice(0, i)));
const rows = layers.map((name, i) => ({
  part: name,
  'minified bytes': sizes[i].minified - sizes[i + 1].minified,
  'gzip bytes': sizes[i].gzip - sizes[i + 1].gzip,
}));
rows.push({ part: '@cardframe/card-form (own code)', 'minified bytes': sizes[layers.length].minified, 'gzip bytes': sizes[layers.length].gzip });
console.table(rows);
console.table([{ bundle: 'define.ts with all deps', 'minified bytes': sizes[0].minified, 'gzip bytes': sizes[0].gzip, 'brotli bytes': sizes[0].brotli }]);
