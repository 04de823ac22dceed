import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineProject } from 'vitest/config';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const outDir = 'dist';
const IIFE_FILE = 'cardframe.js';

/**
 * Writes dist/sri.json from the bytes as written to disk, so the integrity the vault
 * publishes (and the README snippet shows) is exactly what browsers will hash.
 */
function sriManifest(): Plugin {
  return {
    name: 'cardframe-sri-manifest',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      const bytes = readFileSync(join(dir, IIFE_FILE));
      const manifest = {
        [IIFE_FILE]: {
          integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
          bytes: bytes.length,
          gzipBytes: gzipSync(bytes, { level: 9 }).length,
        },
      };
      writeFileSync(join(dir, 'sri.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

// Two builds from one config: `vite build` (ESM for npm, self-contained) and
// `vite build --mode iife` (the minified script tag, everything inlined, global `Cardframe`).
export default defineProject(({ mode }) => ({
  define: { __CARDFRAME_VERSION__: JSON.stringify(packageJson.version) },
  plugins: mode === 'iife' ? [sriManifest()] : [],
  build:
    mode === 'iife'
      ? {
          target: 'es2020',
          outDir,
          emptyOutDir: false,
          minify: true,
          sourcemap: false,
          lib: { entry: 'src/global.ts', formats: ['iife'], name: 'CardframeScript', fileName: () => IIFE_FILE },
        }
      : {
          target: 'es2020',
          outDir,
          emptyOutDir: true,
          minify: false,
          sourcemap: true,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        },
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts'],
    browser: chromiumBrowserMode(),
  },
}));
