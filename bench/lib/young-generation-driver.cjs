// Child process of bench/young-generation.ts: one worst case, one operation, at 100 KB and at 1 MB, the fastest of
// several rounds each. Run by the parent with V8's default young generation and with one so large that no scavenge
// happens within a round, and, as a reference, markdown-it on the same text: what is left of the step from 100 KB to
// 1 MB once the collector is out of the way is the cost of a larger working set, which no collector flag moves.
// argv: stress bundle, case, op (check | html | parse | markdown-it), rounds
'use strict';
const { CASES } = require('./stress-cases.cjs');

const [bundle, name, op, roundsArg] = process.argv.slice(2);
const generate = CASES[name][1];
// The fastest round: with the large young generation a scavenge comes only every few rounds at 1 MB (a round there
// allocates 100–300 MB), and the fastest round is one it did not interrupt. (A full collection before each round
// would also shrink the young generation, and the 100 KB rounds would pay for growing it again.)
const rounds = Number(roundsArg) || 10;

function operation() {
  if (op === 'markdown-it') {
    const md = new (require('markdown-it'))();
    return (text) => md.parse(text, {}).length;
  }
  const core = require(bundle);
  if (op === 'check') return (text) => core.checkText(text, { context: { today: '2026-01-15' } }).diagnostics.length;
  if (op === 'parse') return (text) => core.parse(text).tables.length;
  if (op === 'html') return (text) => Buffer.byteLength(core.renderHtml(core.parse(text), { standalone: true }));
  throw new Error(`unknown operation ${op}`);
}

const run = operation();
run(generate(1_000));
const out = {};
for (const [key, bytes] of [['100kb', 100_000], ['1mb', 1_000_000]]) {
  const text = generate(bytes);
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run(text);
    samples.push(performance.now() - t0);
  }
  out[key] = Math.min(...samples);
}
process.stdout.write(JSON.stringify(out) + '\n');
