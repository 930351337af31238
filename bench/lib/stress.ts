/**
 * The worst cases (issue 13, item 7): each shape of bench/lib/stress-cases.cjs at 10 KB, 100 KB and 1 MB, through
 * check (parse + rules), render to HTML (parse + renderHtml, as `xxgk render`) and Word export (parse +
 * renderDocx). Every run is a fresh child (bench/lib/stress-driver.cjs) bounded by a time limit and a heap limit
 * (`--max-old-space-size`), so that a quadratic case is reported as "timed out" and an exhausted heap as "out of
 * memory" instead of stalling or taking the machine down. Peak RSS: the child's own maxRSS when it finishes;
 * for a child that is stopped or dies, the highest VmHWM read from /proc/<pid>/status (every 100 ms) before.
 * Once a size fails (time or memory) or is refused (the Word writer's size limit, by design), the larger sizes of
 * that case and operation are not run.
 * Scaling compares the medians, and only where the smaller size takes at least MIN_SCALING_BASE_MS: below that a run is fixed costs and noise
 * (2 ms against 30 ms says nothing about growth), and a superlinear case still shows in the next ratio up.
 * A case and operation over the target from 100 KB to 1 MB is followed up: run again at 1 MB and at 4 MB (PAST_STEP),
 * side by side. Both sizes lie past the step in cost per byte that comes where a round's live objects outgrow V8's
 * young generation (bench/README.md, "What the ratio measures"), so their growth tells a superlinear algorithm from
 * that step.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundle } from './core-bundle';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CASES } = require('./stress-cases.cjs') as { CASES: Record<string, [string, (bytes: number) => string, StressOp[]?]> };

export const STRESS_BUNDLE = path.join(__dirname, '..', 'inputs', 'build', 'stress.cjs');
export const STRESS_SIZES = [
  ['10kb', 10_000],
  ['100kb', 100_000],
  ['1mb', 1_000_000],
] as const;
/**
 * The follow-up size, run only where 1 MB / 100 KB is over the target. Its heap and time limits are larger than the
 * others', so that a collector short of room does not slow it more than the 1 MB run (the 4 MB page of `table-rows`
 * with every finding placed reaches 852 MB of RSS within 1 GB of heap, 3.6–4.0 s a round); its runs count in no
 * target: they explain one.
 */
export const PAST_STEP = ['4mb', 4_000_000] as const;
export const PAST_STEP_HEAP_MB = 4096;
export const PAST_STEP_TIME_LIMIT_MS = 120_000;
/**
 * Rounds of each follow-up run, at 4 MB and again at 1 MB beside it: with the usual seven, the later half of a 1 MB
 * run is four rounds, and one run of a linear case gave 108 ms settled against a median of 171 ms, which read as
 * 18.5 for 10× past the step where its median gave 9.8.
 */
export const PAST_STEP_MIN_ROUNDS = 11;
/** The key of the 1 MB run made again beside the 4 MB one, in StressCase.runs. */
export const PAST_STEP_BASE = '1mb-again';

/** Growth from 1 MB to 4 MB read as growth for 10× the input (a linear case: 4 → 10), to compare with the target. */
export function perTenfold(fourfold: number): number {
  return fourfold ** (Math.log(10) / Math.log(4));
}

/** What every case goes through unless it names its operations. */
export const STRESS_OPS = ['check', 'html', 'docx'] as const;
/** Every operation, named ones included: `preview` is check, then the page with every finding placed on it (as the
 * VS Code preview and `xxgk render --problems`); `cross-year` is check with last year's report beside it (the text
 * itself, parsed once outside the timing: the rules that compare two years run); both only by the cases that name them. */
export const ALL_STRESS_OPS = [...STRESS_OPS, 'preview', 'cross-year'] as const;
export type StressOp = (typeof ALL_STRESS_OPS)[number];
export type StressStatus = 'ok' | 'refused' | 'timed out' | 'out of memory' | 'error' | 'not run';

/**
 * Below this the smaller run of a ratio is too short to say how time grows (see above). It was 10 ms: a 100 KB run
 * that the work on the parser brought from 10.7 to 6.2 ms then took its case out of the ratios, while its 1 MB run
 * (189 ms) was 30 times as long; a median of 25 rounds of 5 ms holds from run to run.
 */
export const MIN_SCALING_BASE_MS = 5;

export interface StressRun {
  status: StressStatus;
  /** Median of the rounds (the lower middle one of an even number). */
  ms?: number;
  min_ms?: number;
  /** Median of the later half of the rounds: the cost once the JIT and the heap have settled. */
  steady_ms?: number;
  /** The first round: on a large input it also pays for growing the heap (what a one-off `xxgk check` sees). */
  first_ms?: number;
  rounds?: number;
  rss_mb?: number;
  bytes?: number;
  /** Diagnostics (check, cross-year) or output bytes (html, docx, preview). */
  result?: number;
  error?: string;
  wall_ms: number;
}

export interface StressCase {
  description: string;
  /** op → size → run. */
  runs: Record<string, Record<string, StressRun>>;
  /** op → [100 KB / 10 KB, 1 MB / 100 KB] ratios of the medians (undefined where a size did not finish or the smaller one is too short to tell). */
  scaling: Record<string, Array<number | undefined>>;
  /** op → the same ratios of the steady medians (StressRun.steady_ms). */
  steadyScaling: Record<string, Array<number | undefined>>;
  /** op → steady 4 MB / steady 1 MB as growth for 10× (perTenfold), for the operations followed up at PAST_STEP. */
  pastStep: Record<string, number | undefined>;
}

export interface StressOptions {
  timeLimitMs: number;
  heapMb: number;
  today: string;
  /** Only these cases (all when empty). */
  only?: readonly string[];
  /** Follow an operation up at PAST_STEP when its 1 MB / 100 KB ratio (median or steady) is over this. */
  followUpAbove?: number;
  /** The least number of rounds a run makes (the driver's own when absent). */
  minRounds?: number;
  log?: (message: string) => void;
}

export function buildStressBundle(): Promise<string> {
  return bundle('bench/lib/stress-entry.ts', STRESS_BUNDLE);
}

export function stressCaseNames(): string[] {
  return Object.keys(CASES);
}

export async function runStress(options: StressOptions): Promise<Record<string, StressCase>> {
  // `fuzz:` (a prefix ending in a colon) selects every case of that group.
  const selects = (pattern: string, n: string) => n === pattern || (pattern.endsWith(':') && n.startsWith(pattern));
  const names = stressCaseNames().filter((n) => !options.only?.length || options.only.some((o) => selects(o, n)));
  const unknown = (options.only ?? []).filter((o) => !stressCaseNames().some((n) => selects(o, n)));
  if (unknown.length) throw new Error(`unknown stress case(s): ${unknown.join(', ')}; known: ${stressCaseNames().join(', ')}`);
  const out: Record<string, StressCase> = {};
  for (const name of names) {
    const c: StressCase = { description: CASES[name][0], runs: {}, scaling: {}, steadyScaling: {}, pastStep: {} };
    for (const op of CASES[name][2] ?? STRESS_OPS) {
      c.runs[op] = {};
      let failed = false;
      for (const [size, bytes] of STRESS_SIZES) {
        if (failed) {
          c.runs[op][size] = { status: 'not run', wall_ms: 0 };
          continue;
        }
        const run = await runOne(name, bytes, op, options);
        c.runs[op][size] = run;
        options.log?.(`${name} ${op} ${size}: ${describeRun(run)}`);
        if (run.status === 'timed out' || run.status === 'out of memory' || run.status === 'refused') failed = true;
      }
      const ok = STRESS_SIZES.map(([size]) => (c.runs[op][size].status === 'ok' ? c.runs[op][size] : undefined));
      const ratios = (ms: Array<number | undefined>) => [ratio(ms[1], ms[0]), ratio(ms[2], ms[1])];
      c.scaling[op] = ratios(ok.map((r) => r?.ms));
      c.steadyScaling[op] = ratios(ok.map((r) => r?.steady_ms));
      const over = (x: number | undefined) => x !== undefined && options.followUpAbove !== undefined && x > options.followUpAbove;
      if (ok[ok.length - 1] && (over(c.scaling[op][1]) || over(c.steadyScaling[op][1]))) {
        // 1 MB again, under the same limits and rounds as 4 MB and just before it.
        const followUp = { ...options, heapMb: PAST_STEP_HEAP_MB, timeLimitMs: PAST_STEP_TIME_LIMIT_MS, minRounds: PAST_STEP_MIN_ROUNDS };
        const before = await runOne(name, STRESS_SIZES[STRESS_SIZES.length - 1][1], op, followUp);
        const [size, bytes] = PAST_STEP;
        const run = await runOne(name, bytes, op, followUp);
        c.runs[op][PAST_STEP_BASE] = before;
        c.runs[op][size] = run;
        options.log?.(`${name} ${op} past the step: 1 MB again ${describeRun(before)}, ${size} ${describeRun(run)}`);
        const settled = (r: StressRun) => (r.status === 'ok' ? r.steady_ms : undefined);
        const fourfold = ratio(settled(run), settled(before));
        c.pastStep[op] = fourfold === undefined ? undefined : perTenfold(fourfold);
      }
    }
    out[name] = c;
  }
  return out;
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b < MIN_SCALING_BASE_MS ? undefined : a / b;
}

export function describeRun(run: StressRun): string {
  const rss = run.rss_mb === undefined ? '' : `, ${run.rss_mb.toFixed(0)} MB`;
  if (run.status === 'ok') return `${formatMs(run.ms!)}${rss}`;
  if (run.status === 'refused') return `refused (${run.error ?? 'too large'})${rss}`;
  if (run.status === 'error') return `${/call stack/.test(run.error ?? '') ? 'stack overflow' : `threw ${(run.error ?? '').split(':')[0]}`}${rss}`;
  return `${run.status}${rss}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function readHwmMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function runOne(name: string, bytes: number, op: StressOp, options: StressOptions): Promise<StressRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb}`, path.join(__dirname, 'stress-driver.cjs'), STRESS_BUNDLE, name, String(bytes), op, options.today, String(Math.round(options.timeLimitMs * 0.4)), ...(options.minRounds ? [String(options.minRounds)] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let hwm: number | undefined;
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
    const poll = setInterval(() => {
      const now = child.pid === undefined ? undefined : readHwmMb(child.pid);
      if (now !== undefined) hwm = Math.max(hwm ?? 0, now);
    }, 100);
    const timer = setTimeout(() => {
      timedOut = true;
      const now = child.pid === undefined ? undefined : readHwmMb(child.pid);
      if (now !== undefined) hwm = Math.max(hwm ?? 0, now);
      child.kill('SIGKILL');
    }, options.timeLimitMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const wall_ms = performance.now() - t0;
      if (timedOut) return resolve({ status: 'timed out', rss_mb: hwm, wall_ms });
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) {
        const r = JSON.parse(last) as StressRun;
        return resolve({ ...r, wall_ms });
      }
      if (/heap out of memory|Allocation failed|invalid array length|Invalid string length/i.test(stderr) || signal === 'SIGABRT' || code === 134) {
        return resolve({ status: 'out of memory', rss_mb: hwm, wall_ms, error: lastLine(stderr) });
      }
      resolve({ status: 'error', rss_mb: hwm, wall_ms, error: `exit ${code ?? signal}: ${lastLine(stderr)}` });
    });
  });
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => l.trim())
      .pop()
      ?.slice(0, 200) ?? ''
  );
}
