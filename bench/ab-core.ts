/**
 * Interleaved A/B of the core: the core of a git ref (default main) against the core of this worktree, both bundled
 * by esbuild as the bench bundles them (lib/core-bundle.ts), loaded in one process and timed round by round over the
 * real corpus reports (or the given files), the order swapped every round. Prints, per report, the median time of
 * each and their ratio, and the median (with its interquartile range) of the per-round geometric mean of B/A over the reports.
 * A against itself (`--ref=HEAD` on a clean tree) gives about 1.00 ± a few per cent on a busy machine.
 *
 *   node --import tsx bench/ab-core.ts [--ref=main] [--rounds=200] [--warm=40] [--corpus-runs=0] [files…]
 *
 * With --corpus-runs=N, also the bench's corpus metric for each core, N runs each in separate processes (see below).
 *
 * Also checks that both cores give the same diagnostics on every input (a speed-up must not change behaviour).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle } from './lib/core-bundle';

const ROOT = path.join(__dirname, '..');
const BUILD = path.join(__dirname, 'inputs', 'build');
const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

async function main(): Promise<void> {
  const ref = arg('ref', 'main');
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const reports = files.length
    ? files
    : fs.readdirSync(path.join(ROOT, 'test', 'corpus', 'reports')).filter((f) => f.endsWith('.xxgk')).sort().map((f) => path.join(ROOT, 'test', 'corpus', 'reports', f));

  // The ref's tree, exported beside the worktree's node_modules so that its imports resolve alike.
  const tree = path.join(BUILD, 'ab-tree');
  fs.rmSync(tree, { recursive: true, force: true });
  fs.mkdirSync(tree, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(tree)}`], { cwd: ROOT });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
  const a = await bundle(path.join(tree, 'server', 'src', 'core', 'index.ts'), path.join(BUILD, 'core-a.cjs'));
  const b = await bundle('server/src/core/index.ts', path.join(BUILD, 'core-b.cjs'));

  try {
    execFileSync(process.execPath, [path.join(__dirname, 'lib', 'ab-driver.cjs'), a, b, arg('warm', '40'), arg('rounds', '200'), ...reports], { stdio: 'inherit' });
  } catch {
    process.exitCode = 1; // the driver said why (different diagnostics)
  }

  // Garbage collection is shared by everything in one heap: what one core leaves to the old generation slows the
  // other's rounds too, so the in-process A/B understates a change in what survives. The bench's own metric, each core
  // in a process of its own against markdown-it (lib/corpus-driver.cjs, quick rounds), alternating A and B:
  const runs = Number(arg('corpus-runs', '0'));
  const medians: Record<'A' | 'B', number[]> = { A: [], B: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, file] of i % 2 ? ([['B', b], ['A', a]] as const) : ([['A', a], ['B', b]] as const)) {
      const out = execFileSync(process.execPath, [path.join(__dirname, 'lib', 'corpus-driver.cjs'), file, '2025-06-30', '1', ...reports], { encoding: 'utf8' });
      medians[name].push((JSON.parse(out) as { median_ratio: number }).median_ratio);
    }
  }
  if (runs) {
    const mid = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
    const list = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');
    process.stdout.write(`\ncorpus_core_vs_markdown_it, ${runs} runs each in separate processes: A ${mid(medians.A).toFixed(3)} (${list(medians.A)}), B ${mid(medians.B).toFixed(3)} (${list(medians.B)}), B/A ${(mid(medians.B) / mid(medians.A)).toFixed(3)}\n`);
  }
}

void main();
