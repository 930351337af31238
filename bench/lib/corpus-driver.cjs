// Child process: the core (parse + check) against markdown-it's parse on each real report of the corpus
// (test/corpus/reports), in one process, interleaved round by round with the order swapped every round, after
// warm-up. What users run is real reports of 3–20 KB, not the generated 20 KB one: the fixed costs per check weigh
// more on a small report. Prints, as JSON, each report's median times and ratio, and the median over the reports.
// argv: core bundle, today (YYYY-MM-DD), quick (0/1), report files…
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const MarkdownIt = require('markdown-it');
const { timers, interleaved } = require('./interleave.cjs');

const [bundle, today, quick, ...files] = process.argv.slice(2);
const core = require(bundle);
const md = new MarkdownIt();
const options = { context: { today } };
const q = quick === '1';
const warm = q ? 20 : 100;
const rounds = q ? 60 : 300;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const clocks = timers(core, md, options);

const reports = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const { core: c, markdownIt: m } = interleaved(text, warm, rounds, clocks);
  const coreMs = median(c);
  const mdMs = median(m);
  reports.push({ report: path.basename(file), bytes: Buffer.byteLength(text), core_ms: coreMs, markdown_it_ms: mdMs, ratio: coreMs / mdMs });
}

process.stdout.write(JSON.stringify({ rounds: { warm, rounds }, reports, median_ratio: median(reports.map((r) => r.ratio)) }) + '\n');
