// Bundles each entry point with esbuild. Entries whose source is not there yet are skipped,
// so the CLI builds on its own before the language server and the VS Code client exist.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { PREVIEW_OUT, PREVIEW_SOURCE, previewOptions } from './preview-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {Array<{ source: string; out: string; external?: string[]; browser?: boolean }>} */
const entries = [
  { source: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { source: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { source: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // The preview's webview script: build output in media/ (ignored by git), where the webview loads it from.
  { source: PREVIEW_SOURCE, out: PREVIEW_OUT, browser: true },
];

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const present = entries.filter((e) => existsSync(join(root, e.source)));
if (present.length === 0) {
  console.error('build: no entry point found');
  process.exit(1);
}

const contexts = await Promise.all(
  present.map((e) =>
    esbuild.context(
      e.browser
        ? { ...previewOptions, absWorkingDir: root, outfile: e.out, minify: production }
        : {
            absWorkingDir: root,
            entryPoints: [e.source],
            outfile: e.out,
            bundle: true,
            platform: 'node',
            target: 'node20',
            format: 'cjs',
            external: e.external ?? [],
            sourcemap: true,
            minify: production,
            logLevel: 'warning',
          },
    ),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`build: watching ${present.map((e) => e.source).join(', ')}`);
} else {
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
    console.log(`build: ${present.map((e) => e.out).join(', ')}`);
  } catch {
    // esbuild has already printed the errors.
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
