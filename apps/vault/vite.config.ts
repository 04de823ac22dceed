import { defineConfig } from 'vitest/config';

/**
 * Build: SSR bundles of src/server.ts and src/import-bin-ranges.ts (workspace packages bundled, node_modules external) so
 * that `node apps/vault/dist/server.js` runs. Test: the `vault` project on the embedded default
 * (SQLite + memory); vitest.postgres.config.ts runs the same files on Postgres + Redis.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist',
    target: 'node20',
    emptyOutDir: true,
    // The server, and the operator's BIN table import command (README, "Metadata inquiries").
    rollupOptions: {
      input: { server: 'src/server.ts', 'import-bin-ranges': 'src/import-bin-ranges.ts' },
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
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
