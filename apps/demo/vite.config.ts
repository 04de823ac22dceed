import { resolve } from 'node:path';
import { defineProject } from 'vitest/config';

// `vite build` bundles the checkout pages (web/) into dist/web; the server serves them.
// The Vitest project tests the server's pure pieces and its routes in Node.
export default defineProject({
  root: resolve(import.meta.dirname, 'web'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles in the output: the merchant page's CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'web/index.html'),
        npm: resolve(import.meta.dirname, 'web/npm.html'),
        split: resolve(import.meta.dirname, 'web/split.html'),
        react: resolve(import.meta.dirname, 'web/react.html'),
        hellgate: resolve(import.meta.dirname, 'web/hellgate.html'),
      },
    },
  },
  test: {
    name: 'demo',
    root: import.meta.dirname,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The vault-facing code is tested against the real, built vault, started once per run.
    globalSetup: ['src/test/start-vault.ts'],
  },
});
