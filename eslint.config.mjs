// ESLint with typescript-eslint's recommended type-checked rules over every TypeScript project
// (server, client, preview script, tests, bench) and the JSDoc-typed code-server harness; each file is checked with
// the tsconfig.json nearest to it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'media/**', 'coverage/**', '.vscode-test/**', 'test/e2e/artifacts/**', 'test/artifacts/**', 'bench/inputs/**'],
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/preview-src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/code-server/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The full-width space (U+3000) is ordinary in Chinese prose, and comments quote the markup that holds it.
      'no-irregular-whitespace': ['error', { skipComments: true }],
      // `const { file: _file, ...rest } = x` is how a field is dropped.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
    },
  },
  {
    // The bench's README writer reads results.json's free-form `details` (whatever each driver measured) as any.
    files: ['bench/run.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // These tests parse JSON (CLI and SARIF output, package.json, the grammar, golden files) and assert on its shape.
    files: [
      'test/cli.test.ts', 'test/cli-cross-year.test.ts', 'test/corpus.test.ts', 'test/format-registry.test.ts', 'test/grammar.test.ts',
      'test/i18n-coverage.test.ts', 'test/render-golden.test.ts', 'test/robust-files.test.ts', 'test/vsix.test.ts', 'test/vscode/suite.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // These tests match control characters on purpose (ANSI colours, the characters the renderers must drop).
    files: ['test/cli.test.ts', 'test/lsp/server.test.ts', 'test/render.test.ts', 'test/render-docx.test.ts', 'test/robust-render.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // tsc --checkJs already resolves every name here (and knows Node's globals, which no-undef does not).
    files: ['scripts/code-server/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
);
