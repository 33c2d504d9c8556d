// ESLint flat config: typescript-eslint plus the layering rules of conventions.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Glue folders of lib/ that may talk to the browser, the DOM or Node. */
const LIB_GLUE = ['lib/dom/**', 'lib/db/**', 'lib/platform/**', 'lib/cli/**'];

const browserApiImports = {
  paths: [
    {
      name: 'wxt/browser',
      message: 'Pure lib/ code must not use browser APIs; put glue in lib/platform, lib/dom or lib/db.',
    },
    { name: 'webextension-polyfill', message: 'Pure lib/ code must not use browser APIs.' },
    { name: 'wxt/utils/storage', message: 'Extension storage is glue: use lib/platform.' },
    { name: 'idb', message: 'IndexedDB is glue: use lib/db.' },
  ],
  patterns: [
    {
      group: [
        '**/lib/dom/**',
        '**/lib/db/**',
        '**/lib/platform/**',
        '**/lib/cli/**',
        '../dom/*',
        '../db/*',
        '../platform/*',
        './dom/*',
      ],
      message: 'Pure lib/ code must not import browser glue (lib/dom, lib/db, lib/platform, lib/cli).',
    },
    { group: ['**/components/**', '**/entrypoints/**'], message: 'lib/ must not depend on UI or entrypoints.' },
  ],
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // WXT auto-imports these in entrypoints.
    files: ['entrypoints/**'],
    languageOptions: {
      globals: {
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
        defineUnlistedScript: 'readonly',
        createShadowRootUi: 'readonly',
        browser: 'readonly',
      },
    },
  },
  {
    // Pure logic: no browser, DOM or window.
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: LIB_GLUE,
    rules: {
      'no-restricted-imports': ['error', browserApiImports],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Pure lib/ code must not use browser APIs.' },
        { name: 'chrome', message: 'Pure lib/ code must not use browser APIs.' },
        { name: 'document', message: 'Pure lib/ code must not touch the DOM; use lib/dom.' },
        { name: 'window', message: 'Pure lib/ code must not touch the window; use lib/dom.' },
        { name: 'indexedDB', message: 'IndexedDB is glue: use lib/db.' },
        { name: 'localStorage', message: 'Storage is glue: use lib/platform.' },
      ],
    },
  },
  {
    // Components are Preact only: data in through props, never browser APIs.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: browserApiImports.paths,
          patterns: [
            {
              group: ['**/lib/db/**', '**/lib/platform/**', '**/entrypoints/**'],
              message: 'Components get data through props; no glue or entrypoints.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Components never call browser.*' },
        { name: 'chrome', message: 'Components never call browser.*' },
      ],
    },
  },
);
