// ESLint for the whole repository: `pnpm lint` (with lit-analyzer for the elements' templates).
// Prettier decides the layout of code; this config turns off every rule that would fight it and keeps
// one line rule of its own: comments (and code Prettier cannot break) end by column 110.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import stylistic from '@stylistic/eslint-plugin';
import chaiFriendly from 'eslint-plugin-chai-friendly';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Tests and their helpers: a `!` there fails the test loudly if it is wrong, which is what a test wants. */
const TESTS = ['**/*.test.{ts,mjs}', '**/test/**', '**/test-support.ts', '**/test-scenes.ts'];

export default defineConfig(
  {
    name: 'access-requests/ignores',
    ignores: [
      '**/generated/**',
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'packages/elements/cdn/**',
      'docs/site/**',
      'docs/.build/**',
      '.packs/**',
      // Written by `msw init`, kept current by msw's postinstall.
      'packages/mock-server/worker/mockServiceWorker.js',
    ],
  },
  {
    name: 'access-requests/language',
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        // One program over the whole repository gives every file its types (see tsconfig.eslint.json).
        project: ['./tsconfig.eslint.json'],
        tsconfigRootDir: import.meta.dirname,
        ecmaFeatures: { jsx: true },
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },
  {
    name: 'access-requests/browser-globals',
    files: [
      'examples/*/src/**',
      'scripts/**/*.browser.mjs',
      'bench/**',
      // Scripts that drive Chromium: the functions they hand to `page.evaluate` run in the page.
      'examples/portal/e2e.mjs',
      'examples/portal/strict-csp.mjs',
      'scripts/chrome.mjs',
      'scripts/docs/browser-check.mjs',
      'scripts/example-smoke.mjs',
      'scripts/script-tag-page.mjs',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    name: 'access-requests/type-aware',
    files: ['**/*.{ts,tsx,mts,js,mjs,jsx}'],
    rules: {
      // Type-aware rules that catch real bugs: a promise nobody awaits or handles, a promise where a
      // callback's result is ignored (event listeners, `forEach`), awaiting what is not a promise,
      // throwing or rejecting with a non-Error, `${object}` that prints "[object Object]".
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test runs what `describe`/`it` register; the promises they return need no handling.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  {
    name: 'access-requests/typescript',
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      // Unused names are the compiler's (`noUnusedLocals`, `noUnusedParameters`).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    name: 'access-requests/javascript',
    files: ['**/*.{js,mjs,jsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    name: 'access-requests/tests',
    files: TESTS,
    // `expect(x).to.exist` (chai) is an assertion, not an unused expression; a real one is still found.
    extends: [chaiFriendly.configs.recommendedFlat],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    name: 'access-requests/elements',
    files: ['packages/elements/src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
  prettier,
  {
    name: 'access-requests/line-length',
    plugins: { '@stylistic': stylistic },
    rules: {
      // Prettier wraps code at 110 but never comments: hold comments to the same width. Strings,
      // templates (SVG paths, HTML), regular expressions and URLs may run longer.
      '@stylistic/max-len': [
        'error',
        {
          code: 110,
          tabWidth: 2,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
          // A disable comment names the rule and says why on its one line.
          ignorePattern: String.raw`^\s*// eslint-disable-`,
        },
      ],
    },
  },
);
