import type { Plugin } from 'vite';
import { defineProject } from 'vitest/config';
import { precompress } from '../../tools/precompress.ts';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';

/**
 * The frame runs under `script-src 'self'; style-src 'self'` with no 'unsafe-inline', so any
 * inline script, inline style, style attribute or event-handler attribute in the built HTML
 * would be dead (or a CSP report). Fail the build instead of shipping that.
 */
function assertNothingInline(): Plugin {
  return {
    name: 'cardframe-assert-nothing-inline',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const problems = [
          [/<script\b(?![^>]*\bsrc=)[^>]*>/i, 'inline <script>'],
          [/<style\b/i, '<style> element'],
          [/\sstyle\s*=/i, 'style attribute'],
          [/\son[a-z]+\s*=/i, 'event-handler attribute'],
          [/\b(?:src|href)\s*=\s*["']?(?:data|javascript):/i, 'data:/javascript: URL'],
        ] as const;
        for (const [pattern, what] of problems) {
          if (pattern.test(html)) this.error(`${file.fileName} contains an ${what}; the frame CSP forbids it`);
        }
      }
    },
  };
}

export default defineProject({
  base: '/frame/v1/',
  // Brotli and gzip copies of every hashed asset, for the vault to serve by Accept-Encoding.
  plugins: [assertNothingInline(), precompress()],
  // Pre-bundle what the card form pulls in, so Vitest does not reload mid-run on discovering it.
  optimizeDeps: {
    include: ['lit', 'lit/directives/live.js', 'card-validator/dist/card-number.js', 'card-validator/dist/expiration-date.js', 'comlink', 'jose'],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: 'card.html' },
  },
  test: {
    name: 'frame',
    include: ['src/**/*.test.ts'],
    browser: chromiumBrowserMode(),
  },
});
