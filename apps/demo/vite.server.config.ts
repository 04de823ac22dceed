import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The merchant server as one Node ESM file (dist/server.js); npm dependencies stay external.
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/server.ts'),
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    target: 'node22',
    rolldownOptions: {
      external: [...builtinModules, /^node:/, 'fastify', /^@fastify\//],
      output: { entryFileNames: 'server.js' },
    },
  },
});
