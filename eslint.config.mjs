// ESLint with typescript-eslint's recommended type-checked rules over every TypeScript project
// (server, client, preview script, tests, bench); each file is checked with the tsconfig.json nearest to it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'media/**', 'coverage/**', '.vscode-test/**', 'test/e2e/artifacts/**', 'test/artifacts/**', 'bench/inputs/**'],
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'client/preview-src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The full-width space (U+3000) is ordinary in Chinese prose, and comments quote the markup that holds it.
      'no-irregular-whitespace': ['error', { skipComments: true }],
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
);
