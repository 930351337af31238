/**
 * On its own: `node --import tsx bench/young-generation.ts [--rounds=10] [case:op …]`. For the worst cases whose time
 * grows more than 12× from 100 KB to 1 MB (those of bench/results.json when none are named), the same ratio three
 * ways, side by side: the core as the bench runs it; the core with a young generation so large (1 GB semi-spaces)
 * that no scavenge happens within a round; and markdown-it's parse of the same text. It shows how much of the ratio
 * is V8's young-generation step (bench/README.md, "What the ratio measures") and how much is left without it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildStressBundle, STRESS_BUNDLE } from './lib/stress';

const DRIVER = path.join(__dirname, 'lib', 'young-generation-driver.cjs');
const RESULTS = path.join(__dirname, 'results.json');
const TARGET = 12;
const WITHOUT_SCAVENGES = ['--max-semi-space-size=1024', '--min-semi-space-size=1024'];

interface Run {
  '100kb': number;
  '1mb': number;
}

function overTarget(): string[] {
  const results = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as {
    details: { stress: { cases: Record<string, { scaling: Record<string, (number | null)[]> }> } };
  };
  const picked: string[] = [];
  for (const [name, c] of Object.entries(results.details.stress.cases)) {
    for (const [op, ratios] of Object.entries(c.scaling)) if ((ratios[1] ?? 0) > TARGET && op !== 'docx' && op !== 'preview') picked.push(`${name}:${op}`);
  }
  return picked;
}

function measure(name: string, op: string, rounds: number, flags: string[]): Run | string {
  const child = spawnSync(process.execPath, ['--max-old-space-size=2048', ...flags, DRIVER, STRESS_BUNDLE, name, op, String(rounds)], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (child.status !== 0) return `failed: ${(child.stderr || child.error?.message || '').split('\n')[0]}`;
  return JSON.parse(child.stdout) as Run;
}

function ratio(run: Run | string): string {
  return typeof run === 'string' ? run : `${run['100kb'].toFixed(1)} → ${run['1mb'].toFixed(1)} ms: ${(run['1mb'] / run['100kb']).toFixed(1)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9)) || 10;
  const named = args.filter((a) => !a.startsWith('--'));
  const picked = named.length ? named : overTarget();
  await buildStressBundle();
  console.log(`| case | operation | core | core, no scavenge in a round | markdown-it parse |`);
  console.log(`|---|---|---|---|---|`);
  for (const entry of picked) {
    const split = entry.lastIndexOf(':');
    const [name, op] = [entry.slice(0, split), entry.slice(split + 1)];
    const core = measure(name, op, rounds, []);
    const roomy = measure(name, op, rounds, WITHOUT_SCAVENGES);
    const reference = measure(name, 'markdown-it', rounds, []);
    console.log(`| ${name} | ${op} | ${ratio(core)} | ${ratio(roomy)} | ${ratio(reference)} |`);
  }
}

void main();
