import { defineConfig } from 'vitest/config';

/**
 * Build: an SSR bundle of src/server.ts (workspace packages bundled, node_modules external) so
 * that `node apps/vault/dist/server.js` runs. Test: the `vault` project on the embedded default
 * (SQLite + memory); vitest.postgres.config.ts runs the same files on Postgres + Redis.
 */
export default defineConfig({
  build: {
    ssr: 'src/server.ts',
    outDir: 'dist',
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'server.js', format: 'es' } },
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
