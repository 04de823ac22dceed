import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineProject } from 'vitest/config';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';
import { assembleSdkDist } from './build/sdk-releases.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const outDir = 'dist';
const IIFE_FILE = 'cardframe.js';
/**
 * Property names that never leave the script: a card element's context (card-element.ts
 * `CardElementContext`) and the connect's ports (connect-frame.ts `FramePorts`). terser shortens
 * exactly these, less any it knows as DOM names (`events`). Nothing here may be a DOM, wire, option or public API name: the
 * regex is anchored and lists whole names, so `events` never matches `addEventListener`, and
 * names like `split` (a String method) stay out.
 */
const INTERNAL_PROPERTIES = /^(?:rpc|events|vaultOrigin|onEvent)$/;

/**
 * After the script-tag build: the versioned copies (this version and every frozen release), brotli and gzip beside
 * each, and dist/sri.json, computed from the bytes as written to disk so the integrity the vault publishes (and the
 * README snippet shows) is exactly what browsers will hash. See build/sdk-releases.ts.
 */
function sriManifest(): Plugin {
  return {
    name: 'cardframe-sri-manifest',
    apply: 'build',
    writeBundle(options) {
      assembleSdkDist({ distDir: options.dir ?? outDir, releasesDir: join(import.meta.dirname, 'releases'), version: packageJson.version });
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
          // terser with 3 passes: ~50 B gzip under the default minifier, in a script with a 4 KB budget.
          minify: 'terser',
          terserOptions: {
            ecma: 2020,
            compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
            mangle: { properties: { regex: INTERNAL_PROPERTIES } },
            format: { comments: false },
          },
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
