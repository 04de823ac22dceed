import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { minify } from 'terser';
import { transformWithOxc, type Plugin } from 'vite';
import { SUPPORTED_LOCALES } from '../protocol/src/locales.ts';
import { defineProject } from 'vitest/config';
import { precompress } from '../../tools/precompress.ts';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';
import { CARD_FORM_PREBUNDLED_DEPS } from '../card-form/prebundled-deps.ts';

/**
 * Writes src/early-session.ts into card.html as its one inline script, after the allowlist
 * meta it reads and before the module entry (ADR 0042). It is compiled on its own and
 * minified, and it must import nothing. The vault hashes every bare `<script>` of the HTML it
 * serves into the frame's `script-src`, so the hash always matches what is served.
 */
function inlineEarlySession(): Plugin {
  const file = fileURLToPath(new URL('./src/early-session.ts', import.meta.url));
  return {
    name: 'cardframe-inline-early-session',
    apply: 'build',
    async transformIndexHtml(html, context) {
      if (!context.filename.endsWith('/card.html')) return html;
      const source = readFileSync(file, 'utf8');
      if (/^\s*import\s/m.test(source)) throw new Error('src/early-session.ts must import nothing: it runs alone, inlined in card.html');
      const js = (await transformWithOxc(source, file, { lang: 'ts', target: 'es2020' })).code.replace(/^export /gm, '');
      const { code } = await minify(`(()=>{${js}\nrequestSessionEarly(window)})()`, {
        ecma: 2020,
        compress: { passes: 2 },
        format: { comments: false },
      });
      const meta = /<meta name="cardframe-allowed-origins"[^>]*>/.exec(html);
      if (!meta || !code) throw new Error('card.html: no allowlist meta to put the early session script after');
      return html.replace(meta[0], `${meta[0]}\n    <script>${code}</script>`);
    },
  };
}

/**
 * The frame runs under `script-src 'self'; style-src 'self'` with no 'unsafe-inline', so any
 * inline style, style attribute or event-handler attribute in the built HTML would be dead (or
 * a CSP report), and so would an inline script the vault does not hash. Fail the build instead
 * of shipping that: the one inline script is a bare `<script>` (early-session.ts), which the
 * vault allows by hash; any other is refused.
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
          [/<script\b(?![^>]*\bsrc=)(?!>)[^>]*>/i, 'inline <script> with attributes'],
          [/(?:<script>[\s\S]*?<\/script>[\s\S]*){2}/i, 'inline <script> besides early-session.ts'],
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
 * One hash over every locale catalog, shared by all locale chunks: their names then differ
 * only by the tag (`locale-de-<hash>.js`), so the loader table in the English shopper's
 * bundle compresses to a few bytes per locale instead of carrying forty random hashes.
 * Any change to any catalog still renames every locale chunk (the assets are immutable).
 */
function sourcesHash(...paths: string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = fileURLToPath(new URL(path, import.meta.url));
    const files = path.endsWith('/')
      ? readdirSync(full, { recursive: true, encoding: 'utf8' })
          .sort()
          .map((name) => full + name)
      : [full];
    for (const file of files) if (/\.(ts|json)$/.test(file) && !file.endsWith('.test.ts')) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('base64url').slice(0, 10);
}
const LOCALES_HASH = sourcesHash('../card-form/src/locales/');
/**
 * The brand-font loader (src/load-fonts.ts and the checks it runs), imported by this name only when a merchant
 * passes `fonts`: outside the bundler's import analysis, so no preload hint and no preload
 * helper put its bytes on every other shopper's way.
 */
const FONTS_HASH = sourcesHash('./src/load-fonts.ts', '../protocol/src/font-sources.ts');
const LOCALES_DIR = fileURLToPath(new URL('../card-form/src/locales/', import.meta.url));

/**
 * Emits every catalog (English too: see load-catalog.ts) as its own chunk, `assets/locale-<tag>-<hash>.js`, and
 * every locale's frame messages as `assets/messages-<tag>-<hash>.js`, and points the card
 * form's loader at those patterns (see load-catalog.ts): the English shopper's bundle then
 * carries one import() template each instead of forty-entry tables.
 */
function localeChunks(): Plugin {
  return {
    name: 'cardframe-locale-chunks',
    apply: 'build',
    config: () => ({
      define: {
        __CARDFRAME_LOCALE_CHUNK__: JSON.stringify(`./locale-[tag]-${LOCALES_HASH}.js`),
        __CARDFRAME_MESSAGES_CHUNK__: JSON.stringify(`./messages-[tag]-${LOCALES_HASH}.js`),
        __CARDFRAME_FONTS_CHUNK__: JSON.stringify(`./fonts-${FONTS_HASH}.js`),
      },
    }),
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: fileURLToPath(new URL('./src/load-fonts.ts', import.meta.url)),
        fileName: `assets/fonts-${FONTS_HASH}.js`,
        preserveSignature: 'strict',
      });
      for (const locale of SUPPORTED_LOCALES) {
        const emit = (id: string, fileName: string) => this.emitFile({ type: 'chunk', id, fileName, preserveSignature: 'strict' });
        // The frame's own messages, fetched only when one is shown (English included).
        emit(`${LOCALES_DIR}frame/${locale}.ts`, `assets/messages-${locale}-${LOCALES_HASH}.js`);
        emit(`${LOCALES_DIR}${locale}.ts`, `assets/locale-${locale}-${LOCALES_HASH}.js`);
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
/**
 * Lazy chunks only some frames run, never hinted: the split-field group code (start-field-group.ts)
 * is imported only by field frames, so the combined element's frame does not fetch it (ADR 0036).
 */
const onDemand = (file: { type: string; facadeModuleId?: string | null } | undefined): boolean =>
  file?.type === 'chunk' && /\/start-field-group\.ts$/.test(file.facadeModuleId ?? '');

function preloadDynamicChunks(): Plugin {
  return {
    name: 'cardframe-preload-dynamic-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(options, bundle) {
      const base = '/frame/v1/';
      const dynamic = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry) for (const name of file.dynamicImports) if (!onDemand(bundle[name])) dynamic.add(name);
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
  plugins: [
    // The card form's html`` and css`` templates keep their source indentation otherwise:
    // the Lit team's minifier shaves it at build time, which pays for the locale loader and
    // the accessibility rules inside the 25 KB budget. Build only; failOnError so a template
    // it cannot parse stops the build instead of shipping unminified.
    { ...minifyHtmlLiterals({ failOnError: true }), apply: 'build' as const },
    inlineEarlySession(),
    localeChunks(),
    bareDynamicImports(),
    preloadDynamicChunks(),
    assertNothingInline(),
    // Brotli and gzip copies of every hashed asset, for the vault to serve by Accept-Encoding.
    precompress(),
  ],
  // Pre-bundle what the card form pulls in, so Vitest does not reload mid-run on discovering it.
  optimizeDeps: {
    include: [...CARD_FORM_PREBUNDLED_DEPS, 'comlink', 'jose'],
  },
  build: {
    target: 'es2022',
    minify: 'terser',
    terserOptions: {
      ecma: 2020,
      module: true,
      compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true },
      format: { comments: false, ecma: 2020 },
    },
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: 'card.html',
      // The card form's chunk (main.ts imports card-form's define.ts) is named after what it holds.
      output: { chunkFileNames: (chunk) => (chunk.facadeModuleId?.endsWith('/card-form/src/define.ts') ? 'assets/form-[hash].js' : 'assets/[name]-[hash].js') },
    },
  },
  test: {
    name: 'frame',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    browser: chromiumBrowserMode(),
  },
});
