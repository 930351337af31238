// Child process of the worst-case bench (bench/lib/stress.ts): generates one case at one size and times one
// operation on it, warmed up first on the same case at 1 KB; the operation is repeated (median) while the rounds
// add up to less than 300 ms, and at every size at least seven times where that fits in the rounds budget. Prints
// JSON with the median, the median of the later half of the rounds (steady), the fastest and the first round, and the peak RSS of this process (maxRSS). The parent
// bounds it: time limit and --max-old-space-size.
// argv: stress bundle, case, bytes, op (check | html | docx | preview | cross-year), today (YYYY-MM-DD), rounds budget (ms), and
// optionally the least number of rounds (MIN_ROUNDS when absent)
'use strict';
const { CASES } = require('./stress-cases.cjs');

const [bundle, name, bytesArg, op, today, budgetArg, minRoundsArg] = process.argv.slice(2);
const core = require(bundle);
const generate = CASES[name][1];
const bytes = Number(bytesArg);
/** Repeat while the samples so far add up to less than this, up to MAX_ROUNDS. */
const BUDGET_MS = 300;
const MAX_ROUNDS = 25;
/**
 * Every size gets at least MIN_ROUNDS rounds while one more round is expected to end within this budget (a part of
 * the parent's time limit). Why: the first round on a large input also pays for growing the heap from its start
 * size (a 1 MB table: 774 ms, then 298–444 ms), so a 1 MB case timed once against a 100 KB case's median of ten
 * rounds read as superlinear when it was not; and a median of three, one of them the first, moved by a quarter
 * from run to run where the smaller sizes' medians of 25 held.
 */
const MIN_ROUNDS = Number(minRoundsArg) || 7;
const ROUNDS_BUDGET_MS = Number(budgetArg) || 4_000;

/** Last year's report for `cross-year`: the text itself, parsed once before the rounds. */
let previousYear;

async function run(text) {
  if (op === 'check') return core.checkText(text, { context: { today } }).diagnostics.length;
  if (op === 'cross-year') return core.checkText(text, { context: { today, previousYear } }).diagnostics.length;
  if (op === 'preview') {
    // As the VS Code preview and `xxgk render --problems`: every finding placed on its block or cell.
    const { document, diagnostics } = core.checkText(text, { context: { today } });
    return Buffer.byteLength(core.renderHtml(document, { standalone: true, sourceLines: true, diagnostics }));
  }
  const doc = core.parse(text);
  // The page's bytes, as `xxgk render` writes them: reading the string is part of the cost (the writer may return
  // it as a rope, made flat only when it is first read).
  if (op === 'html') return Buffer.byteLength(core.renderHtml(doc, { standalone: true }));
  if (op === 'docx') return (await core.renderDocx(doc)).length;
  throw new Error(`unknown operation ${op}`);
}

async function main() {
  const text = generate(bytes);
  const out = { status: 'ok', bytes: Buffer.byteLength(text), chars: text.length };
  try {
    // Warm-up (the Word writer's first call alone costs a few hundred ms) on the same case at 1 KB: cheap even
    // where the case is slow, so that it does not eat into the time limit.
    const small = generate(1_000);
    if (op === 'cross-year') previousYear = core.parse(small);
    await run(small);
    if (op === 'cross-year') previousYear = core.parse(text);
    const samples = [];
    let total = 0;
    for (;;) {
      const t0 = performance.now();
      out.result = await run(text);
      const ms = performance.now() - t0;
      samples.push(ms);
      total += ms;
      if (samples.length >= MAX_ROUNDS) break;
      if (total >= BUDGET_MS && (samples.length >= MIN_ROUNDS || total + ms > ROUNDS_BUDGET_MS)) break;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    out.ms = sorted[(sorted.length - 1) >> 1];
    // The later half of the rounds, once the JIT and the heap have settled: at 100 KB the first rounds take several
    // times the later ones (a 1 KB warm-up does not settle them), at 1 MB the first round alone does.
    const later = samples.slice(samples.length >> 1).sort((a, b) => a - b);
    out.steady_ms = later[(later.length - 1) >> 1];
    out.min_ms = sorted[0];
    out.first_ms = samples[0];
    out.rounds = samples.length;
  } catch (err) {
    // The Word writer's size limit is a refusal by design (a clear message instead of exhausted memory), not a failure.
    out.status = err && err.code === 'XXGK_DOCX_TOO_LARGE' ? 'refused' : 'error';
    out.error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err).slice(0, 200);
  }
  out.rss_mb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
