import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { precompressFile } from '../../tools/precompress.ts';
import { withoutCdnLogo } from './src/hosting/redoc-bundle.ts';

/**
 * The installable vault carries the built frame and SDK in dist/frame and dist/sdk (config.ts prefers them),
 * so the packed tarball needs no path into the repository. The frame and SDK workspaces build first
 * (workspace order in the root package.json).
 */
function carryBuiltAssets(): Plugin {
  const sources: Record<string, [from: string, entry: string]> = {
    frame: ['../../packages/frame/dist', 'card.html'],
    sdk: ['../../packages/sdk/dist', 'cardframe.js'],
    hellgate: ['../../packages/hellgate/dist', 'hellgate.js'],
  };
  return {
    name: 'cardframe-carry-built-assets',
    apply: 'build',
    writeBundle(options) {
      for (const [name, [from, entry]] of Object.entries(sources)) {
        const source = path.resolve(import.meta.dirname, from);
        if (!existsSync(path.join(source, entry))) {
          throw new Error(`${source}/${entry} is missing: run "npm run build -w @cardframe/${name}" before the vault build`);
        }
        const target = path.join(options.dir!, name);
        rmSync(target, { recursive: true, force: true });
        // The packages' npm entries (index.js, .d.ts, maps) are for bundlers, not served: only the scripts and their hashes travel.
        cpSync(source, target, { recursive: true, filter: (file) => name === 'frame' || !/(?:[\\/]index\.[^\\/]*|\.d\.ts)$/.test(file) });
      }
      // The API reference page's Redoc bundle (a dev dependency: only this file and its license ship), precompressed.
      const redoc = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
      const docs = path.join(options.dir!, 'docs');
      mkdirSync(docs, { recursive: true });
      writeFileSync(path.join(docs, 'redoc.standalone.js'), withoutCdnLogo(readFileSync(redoc, 'utf8')));
      precompressFile(path.join(docs, 'redoc.standalone.js'));
      copyFileSync(path.join(path.dirname(redoc), '../LICENSE'), path.join(docs, 'redoc.LICENSE'));
    },
  };
}

/**
 * Build: SSR bundles of src/server.ts and src/import-bin-ranges.ts (workspace packages bundled, node_modules external) so
 * that `node apps/vault/dist/server.js` runs. Test: the `vault` project on the embedded default
 * (SQLite + memory); vitest.postgres.config.ts runs the same files on Postgres + Redis.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist',
    target: 'node22',
    emptyOutDir: true,
    // The server (also the `cardframe-vault` binary), and the operator's BIN table import command
    // (README, "Metadata inquiries").
    rollupOptions: {
      input: { server: 'src/server.ts', 'import-bin-ranges': 'src/import-bin-ranges.ts' },
      // Shared chunks sit beside the entries: config.ts finds the carried frame and SDK from its own
      // import.meta.dirname, which must be dist/ whichever chunk it lands in.
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es', banner: '#!/usr/bin/env node' },
    },
  },
  plugins: [carryBuiltAssets()],
  ssr: { noExternal: [/^@cardframe\//] },
  test: {
    name: 'vault',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { CARDFRAME_TEST_BACKEND: 'sqlite' },
  },
});
