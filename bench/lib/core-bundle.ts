/**
 * The core as measured: server/src/core bundled by esbuild the way scripts/build.mjs bundles dist/*.js
 * (platform node, target node20, cjs, not minified), into bench/inputs/build/core.cjs with a source map.
 * The same file is loaded in-process (core timings), by the heap child and by the profiled child.
 */
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const CORE_BUNDLE = path.join(__dirname, '..', 'inputs', 'build', 'core.cjs');

export type Core = typeof import('../../server/src/core/index');

/** One CommonJS bundle for Node 20 of a source file of the project (the bench loads bundles, not TypeScript). */
export async function bundle(entry: string, outfile: string): Promise<string> {
  await esbuild.build({
    absWorkingDir: path.join(__dirname, '..', '..'),
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

export function buildCore(): Promise<string> {
  return bundle('server/src/core/index.ts', CORE_BUNDLE);
}

export function loadCore(): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(CORE_BUNDLE) as Core;
}
