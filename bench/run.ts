/**
 * `npm run bench`: every figure measured side by side in one run on one machine, so that the ratios hold on a noisy
 * machine. Prints a table, writes bench/results.json and the "Last run" section of bench/README.md.
 *
 *   node --import tsx bench/run.ts [--quick] [--no-readme] [--skip=core,corpus,heap,profile,lsp,pdf,cli,stress,vsix,activation] [--stress=case,…]
 *
 * --quick: fewer rounds, for checking that the bench works (its figures are not written into the README).
 * --stress=…: only these worst cases (bench/lib/stress-cases.cjs; `fuzz:` for all of the fuzz test's shapes); a partial run like --skip.
 * Expects the bundles in dist/ (`npm run build`, which the npm script runs first).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { generateInputs, INPUTS, ROOT, type Inputs } from './generate';
import { buildCore, CORE_BUNDLE } from './lib/core-bundle';
import { completionLatency, diagnosticsLatency, percentile, serverInitialize } from './lib/lsp';
import { median, runJson, runTimed, type Timed } from './lib/proc';
import { buildPdfBundle, PDF_BUNDLE, printPdf } from './lib/pdf';
import { ALL_STRESS_OPS, buildStressBundle, describeRun, formatMs, PAST_STEP, PAST_STEP_BASE, PAST_STEP_HEAP_MB, PAST_STEP_MIN_ROUNDS, PAST_STEP_TIME_LIMIT_MS, runStress, STRESS_SIZES, type StressCase, type StressRun } from './lib/stress';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SKIP = new Set((argv.find((a) => a.startsWith('--skip='))?.slice(7) ?? '').split(',').filter(Boolean));
const STRESS_ONLY = (argv.find((a) => a.startsWith('--stress='))?.slice(9) ?? '').split(',').filter(Boolean);
/** bench/results.json and the Last run section of bench/README.md describe a full run: quick and partial runs leave them alone. */
const FULL_RUN = !QUICK && SKIP.size === 0 && STRESS_ONLY.length === 0;
/** Worst cases: each run's time limit and heap limit (the child's --max-old-space-size). */
const STRESS_TIME_LIMIT_MS = QUICK ? 5_000 : 10_000;
const STRESS_HEAP_MB = 1024;
const WRITE_README = FULL_RUN && !argv.includes('--no-readme');
const TODAY = '2025-06-30';
// A full run's results are committed; a quick or partial one's go beside the generated inputs (git-ignored).
const RESULTS = FULL_RUN ? path.join(__dirname, 'results.json') : path.join(__dirname, 'inputs', 'results-partial.json');
const README = path.join(__dirname, 'README.md');

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const round = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? x : Number(x.toFixed(digits)));

interface Target {
  key: string;
  label: string;
  op: '<=' | '<' | '>=';
  target: number;
  unit: string;
}
const TARGETS: Target[] = [
  { key: 'core_vs_markdown_it', label: 'core (parse + check) / markdown-it parse, 20 KB', op: '<=', target: 0.5, unit: '×' },
  { key: 'corpus_core_vs_markdown_it', label: 'core (parse + check) / markdown-it parse, real corpus, median over the reports', op: '<=', target: 0.5, unit: '×' },
  { key: 'core_scaling_2mb_over_20kb', label: 'core time 2 MB / 20 KB', op: '<=', target: 120, unit: '×' },
  { key: 'lsp_diagnostics_p99_ms', label: 'didChange → publishDiagnostics p99, 20 KB', op: '<', target: 15, unit: 'ms' },
  { key: 'lsp_completion_p99_ms', label: 'completion in 依申请 p99, 20 KB', op: '<', target: 10, unit: 'ms' },
  { key: 'cli_vs_markdownlint', label: 'xxgk check / markdownlint-cli2 throughput, 2,000 files', op: '>=', target: 1.0, unit: '×' },
  { key: 'pdf_import_vs_pdfjs_text', label: 'PDF import / pdf.js text extraction, the 20 KB report printed by Chromium (15 pages)', op: '<=', target: 1.5, unit: '×' },
  { key: 'pdf_import_ms', label: 'PDF import of the 20 KB report printed by Chromium (15 pages), median', op: '<', target: 1000, unit: 'ms' },
  { key: 'stress_worst_scaling', label: 'worst cases: time at 10× the input (smaller run ≥ 5 ms), worst over cases and operations', op: '<=', target: 12, unit: '×' },
  { key: 'stress_failures', label: 'worst cases: runs that timed out, ran out of memory or threw', op: '<=', target: 0, unit: '' },
  { key: 'stress_peak_rss_mb', label: 'worst cases: highest peak RSS of a run (node itself included)', op: '<=', target: 512, unit: 'MB' },
];

function met(t: Target, value: number): boolean {
  return t.op === '<=' ? value <= t.target : t.op === '<' ? value < t.target : value >= t.target;
}

/** "2.10× the limit (+110 %)" / "0.62× the minimum (−38 %)". */
function shortfall(t: Target, value: number): string {
  if (t.target === 0) return `${value} instead of none`;
  const factor = value / t.target;
  const pct = Math.round((factor - 1) * 100);
  return t.op === '>=' ? `${factor.toFixed(2)}× the minimum (${pct} %)` : `${factor.toFixed(2)}× the limit (+${pct} %)`;
}

async function main() {
  const started = performance.now();
  const results: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    available_parallelism: os.availableParallelism(),
    cpu_model: os.cpus()[0]?.model,
    total_mem_gb: round(os.totalmem() / 2 ** 30, 1),
    loadavg_start: os.loadavg().map((x) => round(x)),
    quick: QUICK,
  };
  log(`${machine.cpus} CPUs, load ${machine.loadavg_start.join(' ')}${QUICK ? ' (quick)' : ''}`);

  // ---- Inputs ----
  const t = performance.now();
  const inputs: Inputs = generateInputs();
  log(`inputs generated in ${(performance.now() - t).toFixed(0)} ms`);
  details.inputs = {
    reports: Object.fromEntries(Object.entries(inputs.reports).map(([k, r]) => [k, { file: path.relative(ROOT, r.file), bytes: r.bytes }])),
    files: { count: inputs.files.files.length, bytes: inputs.files.bytes, formats: inputs.files.formats, with_planted_errors: inputs.files.planted, xxgk_md: inputs.files.xxgkMd },
  };
  for (const bundle of ['server.js', 'cli.js', 'extension.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run npm run build first`);
  }
  await buildCore();
  const report = (name: '20kb' | '200kb' | '2mb') => inputs.reports[name].file;
  const text20 = fs.readFileSync(report('20kb'), 'utf8');

  // ---- Core against markdown-it, and scaling ----
  if (!SKIP.has('core')) {
    log('core vs markdown-it, scaling …');
    type CoreOut = { core: Record<string, number[]>; markdownIt: Record<string, number[]>; diagnostics: Record<string, unknown>; rounds: Record<string, unknown> };
    const out = await runJson<CoreOut>([path.join(__dirname, 'lib', 'core-driver.cjs'), CORE_BUNDLE, report('20kb'), report('200kb'), report('2mb'), TODAY, QUICK ? '1' : '0'], { cwd: ROOT, timeoutMs: 300_000 });
    const m = (xs: number[]) => median(xs);
    const core20 = m(out.core['20kb']);
    const md20 = m(out.markdownIt['20kb']);
    results.core_vs_markdown_it = round(core20 / md20, 3);
    results.core_20kb_ms = round(core20, 3);
    results.markdown_it_20kb_ms = round(md20, 3);
    results.core_200kb_ms = round(m(out.core['200kb']), 2);
    results.core_2mb_ms = round(m(out.core['2mb']), 1);
    results.markdown_it_2mb_ms = round(m(out.markdownIt['2mb']), 1);
    results.core_scaling_200kb_over_20kb = round(m(out.core['200kb']) / core20, 1);
    results.core_scaling_2mb_over_20kb = round(m(out.core['2mb']) / core20, 1);
    results.input_bytes_2mb_over_20kb = round(inputs.reports['2mb'].bytes / inputs.reports['20kb'].bytes, 1);
    results.markdown_it_scaling_2mb_over_20kb = round(m(out.markdownIt['2mb']) / md20, 1);
    details.core = {
      rounds: out.rounds,
      diagnostics: out.diagnostics,
      // The least disturbed rounds (minimum), as a cross-check of the medians on a busy machine.
      min_ratio_20kb: round(Math.min(...out.core['20kb']) / Math.min(...out.markdownIt['20kb']), 3),
      min_scaling_2mb_over_20kb: round(Math.min(...out.core['2mb']) / Math.min(...out.core['20kb']), 1),
      per_round_ratio_median_20kb: round(median(out.core['20kb'].map((c, i) => c / out.markdownIt['20kb'][i])), 3),
      core_20kb_p10_p90_ms: [round(percentile(out.core['20kb'], 10), 3), round(percentile(out.core['20kb'], 90), 3)],
      markdown_it_20kb_p10_p90_ms: [round(percentile(out.markdownIt['20kb'], 10), 3), round(percentile(out.markdownIt['20kb'], 90), 3)],
      core_2mb_samples_ms: out.core['2mb'].map((x) => round(x, 1)),
      core_200kb_samples_ms: out.core['200kb'].map((x) => round(x, 1)),
    };
  }

  // ---- Core against markdown-it on the real reports (test/corpus/reports) ----
  if (!SKIP.has('corpus')) {
    log('core vs markdown-it, real corpus …');
    const dir = path.join(ROOT, 'test', 'corpus', 'reports');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xxgk')).sort().map((f) => path.join(dir, f));
    type CorpusOut = { rounds: unknown; median_ratio: number; reports: Array<{ report: string; bytes: number; core_ms: number; markdown_it_ms: number; ratio: number }> };
    const out = await runJson<CorpusOut>([path.join(__dirname, 'lib', 'corpus-driver.cjs'), CORE_BUNDLE, TODAY, QUICK ? '1' : '0', ...files], { cwd: ROOT, timeoutMs: 600_000 });
    results.corpus_core_vs_markdown_it = round(out.median_ratio, 3);
    results.corpus_worst_report_ratio = round(Math.max(...out.reports.map((r) => r.ratio)), 3);
    details.corpus = {
      rounds: out.rounds,
      reports: out.reports.map((r) => ({ ...r, core_ms: round(r.core_ms, 3), markdown_it_ms: round(r.markdown_it_ms, 3), ratio: round(r.ratio, 3) })),
    };
  }

  // ---- Heap ----
  if (!SKIP.has('heap')) {
    log('heap on the 2 MB report …');
    const heap = await runJson<Record<string, number>>(['--expose-gc', path.join(__dirname, 'lib', 'heap-driver.cjs'), CORE_BUNDLE, report('20kb'), report('2mb'), TODAY], { cwd: ROOT });
    results.heap_mb_2mb = round(heap.retained_mb, 1);
    details.heap_2mb = Object.fromEntries(Object.entries(heap).map(([k, v]) => [k, round(v, 2)]));
  }

  // ---- CPU profiles of the core ----
  if (!SKIP.has('profile')) {
    log('profiling the core …');
    const profiles: Record<string, unknown> = {};
    for (const [name, rounds] of [['20kb', QUICK ? 100 : 800], ['2mb', QUICK ? 2 : 8]] as const) {
      profiles[name] = await runJson([path.join(__dirname, 'lib', 'profile-driver.cjs'), CORE_BUNDLE, report(name), TODAY, String(rounds), path.join(INPUTS, 'prof', `core-${name}.cpuprofile`), '100'], { cwd: ROOT, timeoutMs: 300_000 });
    }
    details.profile = profiles;
  }

  // ---- Language server ----
  if (!SKIP.has('lsp')) {
    log('language server: diagnostics after didChange …');
    const diag = await diagnosticsLatency(text20, QUICK ? 60 : 300, QUICK ? 10 : 30);
    results.lsp_diagnostics_p50_ms = round(diag.p50_ms);
    results.lsp_diagnostics_p99_ms = round(diag.p99_ms);
    log('language server: completion …');
    const comp = await completionLatency(text20, QUICK ? 60 : 300, QUICK ? 15 : 30);
    results.lsp_completion_p50_ms = round(comp.p50_ms);
    results.lsp_completion_p99_ms = round(comp.p99_ms);
    const init = await serverInitialize(QUICK ? 2 : 5);
    results.server_initialize_ms = round(median(init), 1);
    details.lsp = {
      diagnostics: { ...diag, samples_ms: undefined, p90_ms: round(diag.p90_ms), max_ms: round(diag.max_ms), p50_ms: round(diag.p50_ms), p99_ms: round(diag.p99_ms) },
      completion: { ...comp, p50_ms: round(comp.p50_ms), p90_ms: round(comp.p90_ms), p99_ms: round(comp.p99_ms), max_ms: round(comp.max_ms), by_query: Object.fromEntries(Object.entries(comp.by_query).map(([q, v]) => [q, { p50_ms: round(v.p50_ms), p99_ms: round(v.p99_ms), items: v.items }])) },
      server_initialize_samples_ms: init.map((x) => round(x, 1)),
    };
  }

  // ---- PDF import against pdf.js's own text extraction ----
  if (!SKIP.has('pdf')) {
    log('PDF import vs pdf.js text extraction …');
    const core = await import('../server/src/core/index');
    const { renderHtml } = await import('../server/src/core/render/html');
    const pdfFile = path.join(INPUTS, 'report-20kb.pdf');
    const printed = await printPdf(renderHtml(core.parse(text20), { standalone: true }), pdfFile);
    if ('skipped' in printed) log(`  skipped: ${printed.skipped}`);
    else {
      await buildPdfBundle();
      const out = await runJson<{ text: number[]; import: number[] }>([path.join(__dirname, 'lib', 'pdf-driver.cjs'), PDF_BUNDLE, pdfFile, QUICK ? '2' : '7'], { cwd: ROOT, timeoutMs: 300_000 });
      const text = median(out.text);
      const imported = median(out.import);
      results.pdf_import_vs_pdfjs_text = round(imported / text, 2);
      results.pdf_import_ms = round(imported, 0);
      results.pdfjs_text_ms = round(text, 0);
      details.pdf = { file: path.relative(ROOT, pdfFile), pages: printed.pages, bytes: fs.statSync(pdfFile).size, pdfjs_text_ms: out.text.map((x) => round(x, 0)), import_ms: out.import.map((x) => round(x, 0)) };
    }
  }

  // ---- CLI against markdownlint-cli2 ----
  if (!SKIP.has('cli')) {
    const outDir = path.join(INPUTS, 'cli-out');
    fs.mkdirSync(outDir, { recursive: true });
    const cliArgs = [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'files'];
    const mdlBin = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const mdlArgs = [mdlBin, 'files/**/*.{xxgk,xxgk.md}'];
    const runs = QUICK ? 1 : 3;
    const ours: Timed[] = [];
    const theirs: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      log(`xxgk check over ${inputs.files.files.length} files (run ${i + 1}/${runs}) …`);
      ours.push(await runTimed(process.execPath, cliArgs, { cwd: INPUTS, stdoutFile: path.join(outDir, 'xxgk.json'), stderrFile: path.join(outDir, 'xxgk.err') }));
      log(`markdownlint-cli2 over the same files (run ${i + 1}/${runs}) …`);
      theirs.push(await runTimed(process.execPath, mdlArgs, { cwd: INPUTS, stdoutFile: path.join(outDir, 'markdownlint.out'), stderrFile: path.join(outDir, 'markdownlint.err') }));
    }
    // What a second process can gain here at all for the core's own work (allocation-heavy, unlike a busy loop):
    // the measured parts of one child doing all rounds against two children doing half each, at the same time.
    log('parallel ceiling of this machine (one process against two) …');
    const ceilingRounds = QUICK ? 400 : 2000;
    const parallelDriver = (rounds: number) => runJson<{ ms: number }>([path.join(__dirname, 'lib', 'parallel-driver.cjs'), CORE_BUNDLE, report('20kb'), String(rounds), TODAY], { cwd: ROOT });
    const alone = (await parallelDriver(ceilingRounds)).ms;
    const pair = (await Promise.all([parallelDriver(ceilingRounds / 2), parallelDriver(ceilingRounds / 2)])).map((r) => r.ms);
    results.machine_parallel_ceiling = round(alone / Math.max(...pair), 2);

    log('xxgk check --jobs 1 (one thread, for reference) …');
    const single = await runTimed(process.execPath, [...cliArgs, '--jobs', '1'], { cwd: INPUTS, stdoutFile: path.join(outDir, 'xxgk-jobs1.json'), stderrFile: path.join(outDir, 'xxgk-jobs1.err') });

    // Both tools must have read every file.
    // Rows with a `kind` are per-report repetition rates, not findings.
    const findings = (JSON.parse(fs.readFileSync(path.join(outDir, 'xxgk.json'), 'utf8')) as Array<{ file: string; rule: string; kind?: string }>).filter((f) => !f.kind);
    const filesWithFindings = new Set(findings.map((f) => f.file)).size;
    const linted = /Linting: (\d+) file/.exec(fs.readFileSync(path.join(outDir, 'markdownlint.out'), 'utf8'))?.[1];
    const mdlFindings = fs.readFileSync(path.join(outDir, 'markdownlint.err'), 'utf8').split('\n').filter((l) => /^files\//.test(l)).length;
    if (Number(linted) !== inputs.files.files.length) throw new Error(`markdownlint-cli2 linted ${linted} files, expected ${inputs.files.files.length}`);
    if (ours.some((r) => r.code !== 1 && r.code !== 0)) throw new Error(`xxgk check failed (exit ${ours.map((r) => r.code).join(', ')}); see ${path.join(outDir, 'xxgk.err')}`);

    const best = (xs: Timed[]) => xs.reduce((a, b) => (b.wall_ms < a.wall_ms ? b : a));
    const bo = best(ours);
    const bt = best(theirs);
    const n = inputs.files.files.length;
    results.cli_files_per_s = round(n / (bo.wall_ms / 1000), 1);
    results.markdownlint_files_per_s = round(n / (bt.wall_ms / 1000), 1);
    results.cli_vs_markdownlint = round(bt.wall_ms / bo.wall_ms, 2);
    results.cli_jobs1_files_per_s = round(n / (single.wall_ms / 1000), 1);
    results.cli_parallel_speedup = round(single.wall_ms / bo.wall_ms, 2);
    details.cli = {
      files: n,
      parallel_ceiling: { rounds: ceilingRounds, one_process_ms: round(alone, 0), two_processes_ms: pair.map((x) => round(x, 0)) },
      runs,
      xxgk_wall_ms: ours.map((r) => round(r.wall_ms, 0)),
      xxgk_cpu_ms: ours.map((r) => round(r.cpu_ms, 0)),
      xxgk_cpu_over_wall_best: round((bo.cpu_ms ?? NaN) / bo.wall_ms, 2),
      xxgk_jobs1_wall_ms: round(single.wall_ms, 0),
      xxgk_jobs1_cpu_ms: round(single.cpu_ms, 0),
      markdownlint_wall_ms: theirs.map((r) => round(r.wall_ms, 0)),
      markdownlint_cpu_ms: theirs.map((r) => round(r.cpu_ms, 0)),
      xxgk_findings: findings.length,
      xxgk_files_with_findings: filesWithFindings,
      markdownlint_findings: mdlFindings,
      commands: { xxgk: `node dist/cli.js ${cliArgs.slice(1).join(' ')}`, markdownlint: `node node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs '${mdlArgs[1]}'`, cwd: path.relative(ROOT, INPUTS) },
    };
  }

  // ---- Worst cases: 10 KB, 100 KB, 1 MB of each pathological shape, each run bounded ----
  if (!SKIP.has('stress')) {
    log(`worst cases (${STRESS_TIME_LIMIT_MS / 1000} s and ${STRESS_HEAP_MB} MB of heap a run) …`);
    await buildStressBundle();
    const scalingTarget = TARGETS.find((t) => t.key === 'stress_worst_scaling')!.target;
    const stress = await runStress({ timeLimitMs: STRESS_TIME_LIMIT_MS, heapMb: STRESS_HEAP_MB, today: TODAY, only: STRESS_ONLY, followUpAbove: scalingTarget, log: (m) => log(`  ${m}`) });
    // The targets count the three sizes the issue names; the follow-ups at PAST_STEP (larger limits) explain a ratio.
    const runs = Object.values(stress).flatMap((c) => Object.values(c.runs).flatMap((bySize) => STRESS_SIZES.map(([size]) => bySize[size])));
    const ratios = Object.values(stress).flatMap((c) => Object.values(c.scaling).flat()).filter((x): x is number => x !== undefined);
    results.stress_worst_scaling = ratios.length ? round(Math.max(...ratios), 1) : undefined;
    // The same, from the later half of each run's rounds (no target: shown so that the headline's medians, whose
    // early rounds at 100 KB are slow, are not read as the settled cost; bench/README.md, "What the ratio measures").
    const steady = Object.values(stress).flatMap((c) => Object.values(c.steadyScaling).flat()).filter((x): x is number => x !== undefined);
    results.stress_worst_steady_scaling = steady.length ? round(Math.max(...steady), 1) : undefined;
    // Past the young generation's step (no target: it tells a superlinear case from the step; bench/README.md).
    const pastStep = Object.values(stress).flatMap((c) => Object.values(c.pastStep)).filter((x): x is number => x !== undefined);
    results.stress_worst_past_step_scaling = pastStep.length ? round(Math.max(...pastStep), 1) : undefined;
    results.stress_failures = runs.filter((r) => r.status === 'timed out' || r.status === 'out of memory' || r.status === 'error').length;
    results.stress_refused = runs.filter((r) => r.status === 'refused').length;
    results.stress_not_run = runs.filter((r) => r.status === 'not run').length;
    results.stress_peak_rss_mb = round(Math.max(...runs.map((r) => r.rss_mb ?? 0)), 0);
    details.stress = {
      time_limit_ms: STRESS_TIME_LIMIT_MS,
      heap_limit_mb: STRESS_HEAP_MB,
      sizes: Object.fromEntries(STRESS_SIZES),
      past_step: { size: PAST_STEP[0], bytes: PAST_STEP[1], base: PAST_STEP_BASE, heap_limit_mb: PAST_STEP_HEAP_MB, time_limit_ms: PAST_STEP_TIME_LIMIT_MS, min_rounds: PAST_STEP_MIN_ROUNDS },
      cases: Object.fromEntries(
        Object.entries(stress).map(([name, c]) => [
          name,
          {
            description: c.description,
            scaling: roundedRatios(c.scaling),
            steadyScaling: roundedRatios(c.steadyScaling),
            pastStep: Object.fromEntries(Object.entries(c.pastStep).map(([op, x]) => [op, round(x, 1)])),
            runs: Object.fromEntries(Object.entries(c.runs).map(([op, bySize]) => [op, Object.fromEntries(Object.entries(bySize).map(([size, r]) => [size, { ...r, ms: round(r.ms, 3), min_ms: round(r.min_ms, 3), steady_ms: round(r.steady_ms, 3), first_ms: round(r.first_ms, 3), rss_mb: round(r.rss_mb, 0), wall_ms: round(r.wall_ms, 0) }]))])),
          },
        ]),
      ),
    };
  }

  // ---- .vsix and activation (on the production bundles that the .vsix ships) ----
  if (!SKIP.has('vsix') || !SKIP.has('activation')) {
    log('production build …');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      if (!SKIP.has('vsix')) {
        log('vsce package …');
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
        const vsix = path.join(tmp, 'xxgk.vsix');
        const t0 = performance.now();
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
        const packMs = performance.now() - t0;
        results.vsix_bytes = fs.statSync(vsix).size;
        const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
        const entries = await Promise.all(
          Object.values(zip.files)
            .filter((f) => !f.dir)
            .map(async (f) => ({ name: f.name, bytes: (await f.async('uint8array')).length })),
        );
        entries.sort((a, b) => b.bytes - a.bytes);
        details.vsix = { package_ms: round(packMs, 0), files: entries.length, uncompressed_bytes: entries.reduce((a, e) => a + e.bytes, 0), largest: entries.slice(0, 8) };
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      if (!SKIP.has('activation')) {
        log('activation …');
        type Activation = { require_ms: number; activate_ms: number; total_ms: number; logged: string[][]; inert: string[] };
        const runs: Activation[] = [];
        for (let i = 0; i < (QUICK ? 2 : 5); i++) runs.push(await runJson<Activation>([path.join(__dirname, 'lib', 'activation-driver.cjs')], { cwd: ROOT }));
        if (!runs.every((r) => r.logged.some(([, m]) => m.includes('server started')))) throw new Error('activation: the client did not report a started server');
        results.activation_ms = round(median(runs.map((r) => r.total_ms)), 1);
        details.activation = {
          runs: runs.length,
          total_ms: runs.map((r) => round(r.total_ms, 1)),
          require_ms_median: round(median(runs.map((r) => r.require_ms)), 1),
          activate_ms_median: round(median(runs.map((r) => r.activate_ms)), 1),
          providers_registered: runs[0].inert.filter((p) => p.startsWith('vscode.languages.register')).map((p) => p.replace('vscode.languages.', '')),
        };
      }
    } finally {
      log('restoring the development build of dist/ …');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }

  // ---- Report ----
  const targets = TARGETS.filter((tg) => typeof results[tg.key] === 'number').map((tg) => {
    const value = results[tg.key] as number;
    return { key: tg.key, target: `${tg.op} ${tg.target}`, value, met: met(tg, value), ...(met(tg, value) ? {} : { by: shortfall(tg, value) }) };
  });
  const machineEnd = { ...machine, loadavg_end: os.loadavg().map((x) => round(x)), bench_s: round((performance.now() - started) / 1000, 1) };
  const output = { ...results, targets, machine: machineEnd, details };
  fs.writeFileSync(RESULTS, JSON.stringify(output, null, 2) + '\n');

  printTable(results, targets);
  if (details.stress) console.log('\n' + stressTable(details.stress as StressDetails).join('\n'));
  if (WRITE_README) updateReadme(output);
  log(`done in ${machineEnd.bench_s} s → ${path.relative(ROOT, RESULTS)}${WRITE_README ? ', bench/README.md' : ''}`);
}

type TargetResult = { key: string; target: string; value: number; met: boolean; by?: string };
type ProfileOut = { rounds: number; ms_per_round: number; profile: string; top: Array<{ function: string; at: string; self_ms: number; self_pct: number }>; files: Array<{ file: string; self_ms: number; self_pct: number }> };
type ResultsFile = Record<string, unknown> & { targets: TargetResult[]; machine: Record<string, unknown>; details: Record<string, any> };

const ROWS: Array<[string, string]> = [
  ['pdf_import_vs_pdfjs_text', ''],
  ['pdf_import_ms', 'ms'],
  ['pdfjs_text_ms', 'ms'],
  ['core_vs_markdown_it', ''],
  ['corpus_core_vs_markdown_it', ''],
  ['corpus_worst_report_ratio', ''],
  ['core_20kb_ms', 'ms'],
  ['markdown_it_20kb_ms', 'ms'],
  ['core_scaling_2mb_over_20kb', ''],
  ['core_scaling_200kb_over_20kb', ''],
  ['core_2mb_ms', 'ms'],
  ['heap_mb_2mb', 'MB'],
  ['lsp_diagnostics_p50_ms', 'ms'],
  ['lsp_diagnostics_p99_ms', 'ms'],
  ['lsp_completion_p50_ms', 'ms'],
  ['lsp_completion_p99_ms', 'ms'],
  ['cli_files_per_s', 'files/s'],
  ['markdownlint_files_per_s', 'files/s'],
  ['cli_vs_markdownlint', ''],
  ['cli_jobs1_files_per_s', 'files/s'],
  ['cli_parallel_speedup', ''],
  ['machine_parallel_ceiling', ''],
  ['stress_worst_scaling', ''],
  ['stress_worst_steady_scaling', ''],
  ['stress_worst_past_step_scaling', ''],
  ['stress_failures', ''],
  ['stress_refused', ''],
  ['stress_not_run', ''],
  ['stress_peak_rss_mb', 'MB'],
  ['vsix_bytes', 'bytes'],
  ['activation_ms', 'ms'],
  ['server_initialize_ms', 'ms'],
];

function tableRows(results: Record<string, unknown>, targets: TargetResult[]) {
  return ROWS.filter(([k]) => results[k] !== undefined).map(([k, unit]) => {
    const tg = targets.find((x) => x.key === k);
    return { key: k, value: `${String(results[k])}${unit ? ` ${unit}` : ''}`, target: tg?.target ?? '', status: tg ? (tg.met ? 'met' : `NOT MET: ${tg.by}`) : '' };
  });
}

function printTable(results: Record<string, unknown>, targets: TargetResult[]) {
  const rows = tableRows(results, targets);
  const w = [Math.max(...rows.map((r) => r.key.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(6, ...rows.map((r) => r.target.length))];
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w[0])}  ${b.padStart(w[1])}  ${c.padEnd(w[2])}  ${d}`;
  console.log(line('metric', 'value', 'target', 'status'));
  console.log(line('-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]), '------'));
  for (const r of rows) console.log(line(r.key, r.value, r.target, r.status));
}

type StressDetails = { time_limit_ms: number; heap_limit_mb: number; cases: Record<string, StressCase> };

function roundedRatios(byOp: Record<string, Array<number | undefined>>): Record<string, Array<number | undefined>> {
  return Object.fromEntries(Object.entries(byOp).map(([op, xs]) => [op, xs.map((x) => round(x, x !== undefined && x < 1 ? 3 : 1))]));
}

/** Markdown table of the worst cases: one row per case and operation, time and peak RSS at each size, and the ratios. */
function stressTable(d: StressDetails): string[] {
  const lines = [
    '| case | operation | 10 KB | 100 KB | 1 MB | 100 KB / 10 KB | 1 MB / 100 KB | 1 MB / 100 KB, steady | past the step: 1 MB again, 4 MB (steady) | 4 MB / 1 MB as for 10× |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const ratio = (x: number | undefined) => (x === undefined ? '–' : x > 12 ? `**${x}**` : x < 1 ? x.toFixed(2) : String(x));
  // A case may run only some operations (the fuzz shapes: check only).
  for (const [name, c] of Object.entries(d.cases)) {
    for (const op of ALL_STRESS_OPS.filter((o) => c.runs[o])) {
      const cells = STRESS_SIZES.map(([size]) => {
        const r = c.runs[op][size];
        return r.status === 'ok' ? describeRun(r) : `**${describeRun(r)}**`;
      });
      const followUp = [c.runs[op][PAST_STEP_BASE], c.runs[op][PAST_STEP[0]]];
      const settled = (r: StressRun) => (r.status === 'ok' && r.steady_ms !== undefined ? `${formatMs(r.steady_ms)}, ${r.rss_mb?.toFixed(0)} MB` : `**${describeRun(r)}**`);
      const pastCell = followUp.every((r) => r !== undefined) ? followUp.map(settled).join(' → ') : '–';
      // Older results have no steady ratios.
      lines.push(`| \`${name}\` | ${op} | ${cells.join(' | ')} | ${ratio(c.scaling[op][0])} | ${ratio(c.scaling[op][1])} | ${ratio(c.steadyScaling?.[op]?.[1])} | ${pastCell} | ${ratio(c.pastStep?.[op])} |`);
    }
  }
  return lines;
}

const START = '<!-- bench:last-run:start (written by npm run bench) -->';
const END = '<!-- bench:last-run:end -->';

function updateReadme(out: ResultsFile) {
  const d = out.details;
  const m = out.machine;
  const lines: string[] = [START, ''];
  lines.push(`Run of ${String(m.date).slice(0, 16).replace('T', ' ')} UTC: Node ${String(m.node)}, ${String(m.cpus)} × ${String(m.cpu_model)}, load average ${(m.loadavg_start as number[]).join(' ')} at the start and ${(m.loadavg_end as number[]).join(' ')} at the end; the whole bench took ${String(m.bench_s)} s.`, '');
  lines.push('| metric | value | target | status |', '|---|---:|---|---|');
  for (const r of tableRows(out, out.targets)) lines.push(`| \`${r.key}\` | ${r.value} | ${r.target} | ${r.status} |`);
  lines.push('');
  const missed = out.targets.filter((x) => !x.met);
  lines.push(missed.length ? '**Targets not met:**' : 'Every target was met.', '');
  for (const x of missed) lines.push(`- \`${x.key}\` = ${x.value} against ${x.target}: ${x.by}.`);
  if (missed.length) lines.push('');
  if (d.core) {
    lines.push(`Core rounds: ${JSON.stringify(d.core.rounds)}; 20 KB p10–p90: core ${d.core.core_20kb_p10_p90_ms.join('–')} ms, markdown-it ${d.core.markdown_it_20kb_p10_p90_ms.join('–')} ms; median of the per-round ratios ${d.core.per_round_ratio_median_20kb}; from the fastest rounds (minimum): ratio ${d.core.min_ratio_20kb}, scaling 2 MB / 20 KB ${d.core.min_scaling_2mb_over_20kb}; 2 MB rounds ${d.core.core_2mb_samples_ms.join(', ')} ms. Diagnostics on the grown reports: ${Object.entries(d.core.diagnostics).map(([k, v]: [string, any]) => `${k} ${v.count}`).join(', ')}.`, '');
  }
  if (d.corpus) {
    lines.push(`Real corpus (test/corpus/reports), core / markdown-it per report (medians of ${JSON.stringify(d.corpus.rounds)}):`, '');
    lines.push('| report | bytes | core ms | markdown-it ms | ratio |', '|---|---:|---:|---:|---:|');
    for (const r of d.corpus.reports) lines.push(`| ${r.report} | ${r.bytes} | ${r.core_ms} | ${r.markdown_it_ms} | ${r.ratio} |`);
    lines.push('');
  }
  if (d.heap_2mb) lines.push(`Heap, 2 MB report (${d.heap_2mb.text_chars} UTF-16 code units): text ${d.heap_2mb.text_mb} MB, parsed document + diagnostics ${d.heap_2mb.document_mb} MB, retained in all ${d.heap_2mb.retained_mb} MB; allocated during the check before any collection ${d.heap_2mb.allocated_mb} MB.`, '');
  if (d.lsp) lines.push(`Language server: diagnostics p90 ${d.lsp.diagnostics.p90_ms} ms, max ${d.lsp.diagnostics.max_ms} ms over ${d.lsp.diagnostics.edits} edits; completion p90 ${d.lsp.completion.p90_ms} ms, by query ${Object.entries(d.lsp.completion.by_query).map(([q, v]: [string, any]) => `${q}: p99 ${v.p99_ms} ms (${v.items} items)`).join('; ')}.`, '');
  if (d.cli) lines.push(`CLI, best of ${d.cli.runs}: xxgk ${d.cli.xxgk_wall_ms.join(' / ')} ms wall (CPU/wall ${d.cli.xxgk_cpu_over_wall_best}, ${d.cli.xxgk_findings} findings in ${d.cli.xxgk_files_with_findings} files), --jobs 1 ${d.cli.xxgk_jobs1_wall_ms} ms; markdownlint-cli2 ${d.cli.markdownlint_wall_ms.join(' / ')} ms wall (${d.cli.markdownlint_findings} findings). Parallel ceiling: the core on the 20 KB report ${d.cli.parallel_ceiling.rounds} times in one process ${d.cli.parallel_ceiling.one_process_ms} ms, half each in two processes at once ${d.cli.parallel_ceiling.two_processes_ms.join(' / ')} ms.`, '');
  if (d.vsix) lines.push(`.vsix: ${d.vsix.files} files, ${d.vsix.uncompressed_bytes} bytes uncompressed; largest ${d.vsix.largest.slice(0, 4).map((e: any) => `${e.name} ${e.bytes}`).join(', ')}.`, '');
  if (d.activation) lines.push(`Activation (production bundles), ${d.activation.runs} fresh processes: ${d.activation.total_ms.join(' / ')} ms; median require ${d.activation.require_ms_median} ms + activate ${d.activation.activate_ms_median} ms. Server spawn → initialize over stdio alone: ${String(out.server_initialize_ms)} ms.`, '');
  if (d.stress) {
    const st = d.stress as StressDetails;
    lines.push(`Worst cases (each run a child limited to ${st.time_limit_ms / 1000} s and ${st.heap_limit_mb} MB of heap; time is the median of repeated runs where they are short, after a warm-up on 1 KB of the same case; the RSS is the child's peak, node itself included; bold: failed, or more than 12× for 10× the input):`, '');
    lines.push(...stressTable(st), '');
  }
  if (d.profile) {
    for (const [name, p] of Object.entries(d.profile as Record<string, ProfileOut>)) {
      lines.push(`Profile, ${name} report (${p.rounds} rounds, ${p.ms_per_round.toFixed(2)} ms a round under the profiler; \`${p.profile}\`). Top self time:`, '');
      lines.push('| self ms/round | % | function | at |', '|---:|---:|---|---|');
      for (const f of p.top.slice(0, 12)) lines.push(`| ${f.self_ms.toFixed(3)} | ${f.self_pct.toFixed(1)} | \`${f.function}\` | ${f.at} |`);
      lines.push('', `By file: ${p.files.slice(0, 8).map((f) => `${f.file} ${f.self_pct.toFixed(1)} %`).join(', ')}.`, '');
    }
  }
  lines.push(END);
  const current = fs.existsSync(README) ? fs.readFileSync(README, 'utf8') : `# Benchmarks\n\n## Last run\n\n${START}\n${END}\n`;
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  const next = a >= 0 && b > a ? current.slice(0, a) + lines.join('\n') + current.slice(b + END.length) : `${current.trimEnd()}\n\n## Last run\n\n${lines.join('\n')}\n`;
  fs.writeFileSync(README, next);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
