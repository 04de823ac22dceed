import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineProject } from 'vitest/config';
import { vaultBrowserProject } from '../../tools/vault-browser-project.ts';
import { assembleHellgateDist, SCRIPT } from './build/hellgate-dist.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const outDir = 'dist';

/** After the script-tag build: the versioned copy, precompressed files and dist/sri.json (build/hellgate-dist.ts). */
function sriManifest(): Plugin {
  return {
    name: 'cardframe-hellgate-sri-manifest',
    apply: 'build',
    writeBundle(options) {
      assembleHellgateDist(options.dir ?? outDir, packageJson.version);
    },
  };
}

// Two builds from one config: `vite build` (ESM for npm, the SDK an import) and `vite build --mode iife`
// (the script tag: the SDK inlined, one file exposing `window.Hellgate` as Hellgate's CDN script does).
// The tests run in Chromium against the real vault (real sessions, real frames): `npm run build` first.
export default defineProject(async ({ mode }) => ({
  define: { __HELLGATE_SHIM_VERSION__: JSON.stringify(packageJson.version) },
  plugins: mode === 'iife' ? [sriManifest()] : [],
  build:
    mode === 'iife'
      ? {
          target: 'es2020',
          outDir,
          emptyOutDir: false,
          minify: 'terser',
          terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
          sourcemap: false,
          lib: { entry: 'src/global.ts', formats: ['iife'], name: 'HellgateScript', fileName: () => SCRIPT },
        }
      : {
          target: 'es2020',
          outDir,
          emptyOutDir: true,
          minify: false,
          sourcemap: true,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
          rolldownOptions: { external: ['@cardframe/sdk'] },
        },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    ...(await vaultBrowserProject('hellgate')),
  },
}));
