// Child process of bench/ab-core.ts: two core bundles (A, B) timed on the same texts in one process, round by round,
// the order of A and B swapped every round; every round runs every text once with each core.
// argv: bundle A, bundle B, warm-up rounds, rounds, files…
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [bundleA, bundleB, warmArg, roundsArg, ...files] = process.argv.slice(2);
const A = require(bundleA);
const B = require(bundleB);
const options = { context: { today: '2025-06-30' } };
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));

const quantile = (xs, q) => {
  const s = [...xs].sort((x, y) => x - y);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};

// Same behaviour first.
texts.forEach((text, i) => {
  // Every field: span, message, severity, fix, related places and data.
  const da = JSON.stringify(A.checkText(text, options).diagnostics);
  const db = JSON.stringify(B.checkText(text, options).diagnostics);
  if (da !== db) {
    process.stderr.write(`DIFFERENT diagnostics on ${files[i]}\n`);
    process.exitCode = 1;
  }
});

const time = (core, text) => {
  const t0 = performance.now();
  core.checkText(text, options);
  return performance.now() - t0;
};
const per = texts.map(() => ({ a: [], b: [] }));
const roundRatios = [];
const warm = Number(warmArg);
const rounds = Number(roundsArg);
for (let r = 0; r < warm + rounds; r++) {
  let logSum = 0;
  texts.forEach((text, i) => {
    let a;
    let b;
    if ((r + i) % 2) {
      a = time(A, text);
      b = time(B, text);
    } else {
      b = time(B, text);
      a = time(A, text);
    }
    if (r >= warm) {
      per[i].a.push(a);
      per[i].b.push(b);
    }
    logSum += Math.log(b / a);
  });
  // The round's geometric mean of B/A over the texts: a garbage collection landing in one timing moves it by one
  // text's share, not by the whole round's.
  if (r >= warm) roundRatios.push(Math.exp(logSum / texts.length));
}

const reportRatios = [];
for (let i = 0; i < texts.length; i++) {
  const ma = quantile(per[i].a, 0.5);
  const mb = quantile(per[i].b, 0.5);
  reportRatios.push(mb / ma);
  process.stdout.write(`${path.basename(files[i]).padEnd(44)} A ${ma.toFixed(3)} ms  B ${mb.toFixed(3)} ms  B/A ${(mb / ma).toFixed(3)}\n`);
}
const f = (x) => x.toFixed(3);
process.stdout.write(`\nper-round geometric mean of B/A: median ${f(quantile(roundRatios, 0.5))}, IQR ${f(quantile(roundRatios, 0.25))}–${f(quantile(roundRatios, 0.75))} (${rounds} rounds)\n`);
process.stdout.write(`per-report median B/A: median ${f(quantile(reportRatios, 0.5))}, range ${f(Math.min(...reportRatios))}–${f(Math.max(...reportRatios))}\n`);
