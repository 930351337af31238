// Child process: times the core (parse + check, the bundle built by bench/lib/core-bundle.ts) against markdown-it's
// parse of the same text, in one process, interleaved round by round (so that a noisy neighbour slows both), after
// warm-up; then the core alone on the 200 KB and 2 MB reports. Prints every sample as JSON.
// argv: core bundle, 20 KB report, 200 KB report, 2 MB report, today (YYYY-MM-DD), quick (0/1)
'use strict';
const fs = require('node:fs');
const MarkdownIt = require('markdown-it');
const { timers, interleaved } = require('./interleave.cjs');

const [bundle, f20, f200, f2m, today, quick] = process.argv.slice(2);
const core = require(bundle);
const md = new MarkdownIt();
const read = (f) => fs.readFileSync(f, 'utf8');
const texts = { '20kb': read(f20), '200kb': read(f200), '2mb': read(f2m) };
const options = { context: { today } };
const q = quick === '1';

const { timeCore, timeMd } = timers(core, md, options);

const out = { core: {}, markdownIt: {}, diagnostics: {}, rounds: {} };

// 20 KB: core and markdown-it alternately, the order swapped every round.
{
  const text = texts['20kb'];
  const warm = q ? 20 : 100;
  const rounds = q ? 100 : 500;
  const { core: c, markdownIt: m } = interleaved(text, warm, rounds, { timeCore, timeMd });
  out.core['20kb'] = c;
  out.markdownIt['20kb'] = m;
  out.rounds['20kb'] = { warm, rounds };
}

// The larger reports: the core alone (and markdown-it on the 2 MB report, for reference), fewer rounds.
for (const [name, warm, rounds] of [['200kb', q ? 2 : 5, q ? 8 : 30], ['2mb', q ? 1 : 3, q ? 3 : 15]]) {
  const text = texts[name];
  for (let i = 0; i < warm; i++) timeCore(text);
  const c = [];
  const m = [];
  for (let i = 0; i < rounds; i++) {
    c.push(timeCore(text));
    m.push(timeMd(text));
  }
  out.core[name] = c;
  out.markdownIt[name] = m;
  out.rounds[name] = { warm, rounds };
}

for (const [name, text] of Object.entries(texts)) {
  const { diagnostics } = core.checkText(text, options);
  const byRule = {};
  for (const d of diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  out.diagnostics[name] = { count: diagnostics.length, byRule };
}

process.stdout.write(JSON.stringify(out) + '\n');
