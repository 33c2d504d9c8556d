import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Minifies the CSS kept in template strings of the content script's UI
 * (components/card/card-css.ts, lib/dom/highlights/selection-button.ts) at build
 * time: comments and layout whitespace go, so the page's bundle carries less.
 * Only plain templates without interpolation are touched.
 */
const CSS_STRING_FILES = /[\\/](card-css|selection-button)\.ts$/;
function minifyCssText(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}
function minifyCssStrings() {
  return {
    name: 'lens-minify-css-strings',
    apply: 'build' as const,
    transform(code: string, id: string) {
      if (!CSS_STRING_FILES.test(id)) return null;
      return code.replace(
        /(CSS\s*=\s*)`([^`$]*)`/g,
        (_m, head: string, css: string) => `${head}\`${minifyCssText(css)}\``,
      );
    },
  };
}

/**
 * compromise evaluated on first use in the background: its own bundle
 * (builds/compromise.js, UMD) becomes the body of a function, exported by a
 * virtual module, and lib/detect/nlp-loader.ts is swapped for the lazy loader.
 * Waking the service worker then no longer builds compromise's lexicon
 * (~180 ms) before it can answer a page's first scan.
 */
const COMPROMISE_ID = 'virtual:lens-compromise';
function lazyCompromise() {
  return {
    name: 'lens-lazy-compromise',
    resolveId: (id: string) => (id === COMPROMISE_ID ? `\0${COMPROMISE_ID}` : null),
    load(id: string) {
      if (id !== `\0${COMPROMISE_ID}`) return null;
      const umd = readFileSync(resolve(import.meta.dirname, 'node_modules/compromise/builds/compromise.js'), 'utf8');
      return `export default function createNlp() {\nvar module = { exports: {} }, exports = module.exports;\n${umd}\nreturn module.exports;\n}\n`;
    },
  };
}

/** Unlisted scripts that run in web pages: built like the content scripts (no polyfill). */
const IN_PAGE_SCRIPTS = ['lens-ui', 'lens-page', 'early'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  publicDir: 'assets/public',
  // Routes `browser` from wxt/browser through webextension-polyfill (promise APIs in every browser).
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings; contextMenus: "Save highlight" on a selection.
    permissions: ['storage', 'contextMenus'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Eurasia Lens' },
    // The page lens (marking) and the cards and highlights, imported by the content script only
    // when a page names something or the reader first needs them (lib/platform/lens-ui.ts).
    // Chromium gives the files a new address each session.
    web_accessible_resources: [
      browser === 'firefox'
        ? { resources: ['lens-ui.js', 'lens-page.js'], matches: ['<all_urls>'] }
        : { resources: ['lens-ui.js', 'lens-page.js'], matches: ['<all_urls>'], use_dynamic_url: true },
    ],
    // Saves the selection as a highlight (lib/db/highlights-background.ts, SAVE_COMMAND).
    commands: {
      'save-highlight': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_hl_commandSave__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'eurasia-lens@example.org',
              strict_min_version: '115.0',
              // Firefox's data-collection declaration: we collect nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The early script (entrypoints/early.ts: on long pages, the settings read at DOMContentLoaded)
    // runs at document_start in every frame: as an unlisted script it has
    // no content-script context of its own to set up there.
    'build:manifestGenerated'(_wxt, manifest) {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['<all_urls>'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_start',
          js: ['early.js'],
        },
      ];
    },
    // The content scripts and the unlisted scripts that run in pages carry no polyfill: their
    // `browser` is the native promise API (lib/platform/native-browser.ts). Background and pages
    // keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      const inPage = (e: (typeof entrypoints)[number]) =>
        e.type === 'content-script' || (e.type === 'unlisted-script' && IN_PAGE_SCRIPTS.includes(e.name));
      if (!entrypoints.every(inPage)) return;
      const ownModule = (file: string) => resolve(import.meta.dirname, 'lib/platform', file);
      const shims = [
        { find: /^webextension-polyfill$/, replacement: ownModule('native-browser.ts') },
        // Only WXT's autoMount uses it; our UIs mount explicitly (lib/platform/no-wait-element.ts).
        { find: /^@1natsu\/wait-element$/, replacement: ownModule('no-wait-element.ts') },
        // A CommonJS module: its ASCII stand-in also drops the CommonJS interop helpers.
        { find: /^is-potential-custom-element-name$/, replacement: ownModule('custom-element-name.ts') },
      ];
      const resolveConfig = (config.resolve ??= {});
      const alias = resolveConfig.alias;
      if (Array.isArray(alias))
        resolveConfig.alias = [...shims, ...(alias as { find: string | RegExp; replacement: string }[])];
      else
        resolveConfig.alias = [
          ...shims,
          ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement })),
        ];
    },
  },
  vite: () => ({
    plugins: [preact(), minifyCssStrings(), lazyCompromise()],
    resolve: {
      alias: [{ find: /^\.\/nlp-loader$/, replacement: resolve(import.meta.dirname, 'lib/detect/nlp-loader.lazy.ts') }],
    },
    // LENS_SOURCEMAP=1 npm run build: source maps for the bundle breakdown (lib/cli/check-bundle.ts --breakdown).
    build: { sourcemap: process.env.LENS_SOURCEMAP === '1' },
    // LENS_TEST_HOOKS=1 (npm run build:test): the end-to-end suites' hooks, kept in the content script's own world (lib/platform/test-hooks.ts).
    define: { __LENS_TEST_HOOKS__: JSON.stringify(process.env.LENS_TEST_HOOKS === '1') },
  }),
});
