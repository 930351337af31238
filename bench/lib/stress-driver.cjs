// Child process of the worst-case bench (bench/lib/stress.ts): generates one case at one size and times one
// operation on it, warmed up first on the same case at 1 KB; short operations are repeated (median, and
// at least three rounds of anything under 500 ms). Prints JSON with the time, the rounds and the peak RSS of this
// process (maxRSS). The parent bounds it: time limit and --max-old-space-size.
// argv: stress bundle, case, bytes, op (check | html | docx), today (YYYY-MM-DD)
'use strict';
const { CASES } = require('./stress-cases.cjs');

const [bundle, name, bytesArg, op, today] = process.argv.slice(2);
const core = require(bundle);
const generate = CASES[name][1];
const bytes = Number(bytesArg);
/** Repeat while the samples so far add up to less than this, up to MAX_ROUNDS. */
const BUDGET_MS = 300;
const MAX_ROUNDS = 25;

async function run(text) {
  if (op === 'check') return core.checkText(text, { context: { today } }).diagnostics.length;
  const doc = core.parse(text);
  if (op === 'html') return core.renderHtml(doc, { standalone: true }).length;
  if (op === 'docx') return (await core.renderDocx(doc)).length;
  throw new Error(`unknown operation ${op}`);
}

async function main() {
  const text = generate(bytes);
  const out = { status: 'ok', bytes: Buffer.byteLength(text), chars: text.length };
  try {
    // Warm-up (the Word writer's first call alone costs a few hundred ms) on the same case at 1 KB: cheap even
    // where the case is slow, so that it does not eat into the time limit.
    await run(generate(1_000));
    const samples = [];
    let total = 0;
    for (;;) {
      const t0 = performance.now();
      out.result = await run(text);
      const ms = performance.now() - t0;
      samples.push(ms);
      total += ms;
      if (samples.length >= MAX_ROUNDS) break;
      // At least three rounds of anything short, so that one disturbed round does not make the figure.
      if (total >= BUDGET_MS && (samples.length >= 3 || ms >= 500)) break;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    out.ms = sorted[(sorted.length - 1) >> 1];
    out.min_ms = sorted[0];
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
