import type { Plugin } from 'vite';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
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

/**
 * The entry loads the card form (Lit, card-validator: most of the bytes) with a dynamic import
 * so its download overlaps the session fetch. Without a hint that download starts only once
 * the entry has been fetched, parsed and run: a chained request on the way to `ready`, the
 * costliest step in the slower engines. A `modulepreload` in card.html lets the browser fetch
 * (and compile) the form's chunk in parallel with the entry from the start.
 */
function preloadDynamicChunks(): Plugin {
  return {
    name: 'cardframe-preload-dynamic-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(options, bundle) {
      const base = '/frame/v1/';
      const dynamic = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry) for (const name of file.dynamicImports) dynamic.add(name);
      }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const links = [...dynamic].map((name) => `<link rel="modulepreload" crossorigin href="${base}${name}">`).join('\n    ');
        const html = String(file.source);
        const entry = /(<script type="module"[^>]*><\/script>)/.exec(html);
        if (!entry) this.error(`${file.fileName}: no module entry script to put the preloads after`);
        file.source = html.replace(entry![1]!, `${entry![1]}\n    ${links}`);
      }
      void options;
    },
  };
}

/**
 * Vite wraps every dynamic import in its preload helper (~0.9 KB gzip in the entry), even with
 * `modulePreload: false` (vitejs/vite#13952, #18551); it only matters to preload a lazy chunk's CSS.
 * The card form's styles are Lit `css` inside its JS and `preloadDynamicChunks` already hints the
 * chunk itself, so unwrap the call to a bare `import()` and let the minifier drop the helper. The
 * build fails instead if a lazy chunk ever brings CSS, when the helper would be needed again.
 */
function bareDynamicImports(): Plugin {
  const wrapped = /__vitePreload\(\(\) => (import\("[^"]+"\)), __VITE_PRELOAD__\)/g;
  return {
    name: 'cardframe-bare-dynamic-imports',
    apply: 'build',
    enforce: 'post',
    renderChunk(code) {
      if (!code.includes('__vitePreload(')) return null;
      return { code: code.replace(wrapped, '$1'), map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        if (file.code.includes('vite:preloadError')) this.error(`${file.fileName} still carries Vite's preload helper`);
        if (file.isDynamicEntry && file.viteMetadata && file.viteMetadata.importedCss.size > 0) {
          this.error(`${file.fileName} imports CSS, which a bare import() does not load: drop bareDynamicImports()`);
        }
      }
    },
  };
}

export default defineProject({
  base: '/frame/v1/',
  // Brotli and gzip copies of every hashed asset, for the vault to serve by Accept-Encoding.
  // The card form's Lit `html`/`css` templates keep their source indentation and comments (~0.4 KB
  // gzip) unless minified; only the form's own files, and a template that fails to parse fails the build.
  plugins: [
    { ...minifyTemplateLiterals({ include: ['**/card-form/src/**/*.ts'], failOnError: true }), apply: 'build' } as Plugin,
    bareDynamicImports(), preloadDynamicChunks(),
    assertNothingInline(),
    precompress(),
  ],
  // Pre-bundle what the card form pulls in, so Vitest does not reload mid-run on discovering it.
  optimizeDeps: {
    include: ['lit', 'lit/directives/live.js', 'card-validator/dist/card-number.js', 'card-validator/dist/expiration-date.js', 'comlink', 'jose'],
  },
  build: {
    target: 'es2022',
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true }, format: { comments: false, ecma: 2020 } },
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
