import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every workspace's tests. Each workspace owns its
// vite.config.ts and says where its tests run: Node for servers and pure contracts,
// real Chromium (via @vitest/browser + Playwright) for code that runs in a browser.
export default defineConfig({
  test: {
    // The vault's suite runs a second time on PostgreSQL + Redis.
    projects: ['packages/*/vite.config.ts', 'apps/*/vite.config.ts', 'apps/vault/vitest.postgres.config.ts'],
  },
});
