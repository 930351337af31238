// Child process (node --expose-gc): heap growth for holding and checking the 2 MB report. The core is loaded and
// warmed up on the 20 KB report first, so that compiled code is not counted; then, between full collections:
// heap before, after reading the text, after parse + check with the text, document and diagnostics kept alive.
// argv: core bundle, warm-up report, measured report, today
'use strict';
const fs = require('node:fs');

if (typeof gc !== 'function') throw new Error('run with --expose-gc');
const [bundle, warmFile, file, today] = process.argv.slice(2);
const core = require(bundle);
const options = { context: { today } };
const warm = fs.readFileSync(warmFile, 'utf8');
for (let i = 0; i < 20; i++) core.checkText(warm, options);

const settle = () => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

const before = settle();
const kept = {};
kept.text = fs.readFileSync(file, 'utf8');
const withText = settle();
kept.result = core.checkText(kept.text, options);
// Before any collection: what the check allocated on top, garbage included (a lower bound of the peak).
const unsettled = process.memoryUsage().heapUsed;
const after = settle();

process.stdout.write(
  JSON.stringify({
    text_chars: kept.text.length,
    text_mb: (withText - before) / MB,
    document_mb: (after - withText) / MB,
    retained_mb: (after - before) / MB,
    allocated_mb: (unsettled - withText) / MB,
    diagnostics: kept.result.diagnostics.length,
    rss_mb: process.memoryUsage().rss / MB,
  }) + '\n',
);
