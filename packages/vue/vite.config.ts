import { defineProject } from 'vitest/config';
import { vaultBrowserProject } from '../../tools/vault-browser-project.ts';

// The components run in a browser against the real vault: their tests do too (Chromium, the
// built vault on another site, real frames). `npm run build` first, as for the vault's own tests.
export default defineProject(async () => ({
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: { external: ['vue', '@cardframe/sdk'] },
  },
  optimizeDeps: { include: ['vue'] },
  test: {
    include: ['src/**/*.test.ts'],
    // Real frames, a real vault and Playwright keystrokes: a checkout takes seconds, not milliseconds.
    testTimeout: 60_000,
    ...(await vaultBrowserProject('vue')),
  },
}));
