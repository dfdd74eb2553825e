// ESLint flat config: the recommended rules on every JS file we write.
// The page (web/) runs in the browser, the service worker in its own scope;
// tests, benchmarks and scripts run under Node. The browser tests also hold
// functions that Playwright runs inside the page, so they see both sets.
// Run: npx eslint .   (scripts/test.d/lint.sh runs it in the test command)
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['site/', 'site.tmp/', 'build/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { files: ['web/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['web/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  { files: ['tests/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } } },
  // The module's JS face runs inside Emscripten's generated module (--post-js),
  // in the style of that code: its runtime names are in scope.
  { files: ['wasm/bindings/face.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { Module: 'readonly', addOnPostRun: 'readonly', stackSave: 'readonly', stackRestore: 'readonly' },
    },
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] } },
  // Playwright's page.evaluate callbacks run in the page.
  { files: ['tests/browser/**/*.mjs', 'bench/page-load.mjs', 'bench/drag.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
