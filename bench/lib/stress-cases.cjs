// The worst cases (issue 13, item 7): inputs made of one pathological shape repeated to a given size in bytes
// (UTF-8), each deterministic. Shared by bench/lib/stress.ts (descriptions) and bench/lib/stress-driver.cjs.
'use strict';

const FRONT = '---\n机关: 某局\n年度: 2023\n格式: 2021\n---\n# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n';

/** `head`, then `unit` repeated until the text is `bytes` long (UTF-8), then `tail`. */
function fill(head, unit, tail, bytes) {
  const used = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const n = Math.max(1, Math.floor((bytes - used) / Buffer.byteLength(unit)));
  return head + unit.repeat(n) + tail;
}

/** `head`, `first` repeated to about half of the remaining bytes, `middle`, `second` repeated to the other half, `tail`. */
function halves(head, first, middle, second, tail, bytes) {
  const half = Math.max(0, bytes - Buffer.byteLength(head + middle + tail)) / 2;
  const times = (unit) => Math.max(1, Math.floor(half / Buffer.byteLength(unit)));
  return head + first.repeat(times(first)) + middle + second.repeat(times(second)) + tail;
}

/** The overview of a report, then one paragraph of four runs in the proportions of test/prose.test.ts (8:6:6:3 in characters). */
function proseHostile(bytes) {
  const runs = [['其中1条', 8], ['1条，1条、', 6], ['统计收到信息公开申请1件', 6], ['12月1日至', 3]];
  const budget = Math.max(0, bytes - Buffer.byteLength(FRONT) - 1) / 23;
  return FRONT + runs.map(([unit, share]) => unit.repeat(Math.max(1, Math.floor((budget * share) / Buffer.byteLength(unit))))).join('') + '\n';
}

/** A 依申请 table of rows no format knows, then as many paragraphs of figures, each numbered; about `bytes` long. */
function manyProblems(bytes) {
  const head = '---\n机关: 某局\n年度: 2023\n---\n# t\n\n## 三、收到和处理政府信息公开申请情况\n\n::: 依申请\n';
  const row = (i) => `| 乱写的行${i} | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n`;
  const paragraph = (i) => `2023年收到申请 ${i}，其中 1,234件。\n\n`;
  // Numbers grow longer with n: sized first with the first pair, then with the last.
  const pairs = (sample) => Math.max(1, Math.floor((bytes - Buffer.byteLength(head) - 5) / Buffer.byteLength(row(sample) + paragraph(sample))));
  const n = pairs(pairs(0));
  const rows = [];
  const paragraphs = [];
  for (let i = 0; i < n; i++) {
    rows.push(row(i));
    paragraphs.push(paragraph(i));
  }
  return head + rows.join('') + ':::\n\n' + paragraphs.join('');
}

/** name → [what it is, generator(bytes) → text, operations (all when absent)]. */
const CASES = {
  digits: ['one line of digits (a paragraph)', (b) => fill(FRONT, '1', '\n', b)],
  'decimal-cell': ['a table cell `0.` followed by digits (item 2)', (b) => fill(FRONT + '| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n| 合计 | 0.', '1', ' |\n', b)],
  'heading-spaces': ['`# a`, spaces, `b` on one line (item 5)', (b) => fill(FRONT + '# a', ' ', 'b\n', b)],
  'container-spaces': ['`:::a`, spaces, `b` on one line (item 5)', (b) => fill(FRONT + ':::a', ' ', 'b\n', b)],
  brackets: ['one line of `[` (item 6)', (b) => fill(FRONT, '[', '\n', b)],
  qizhong: ['`共收到申请100件，` then `其中` repeated on one line', (b) => fill(FRONT + '本年共收到政府信息公开申请100件，', '其中', '\n', b)],
  'fullwidth-bars': ['one line of `｜`', (b) => fill(FRONT, '｜', '\n', b)],
  'fullwidth-rows': ['rows written with `｜` in `::: 依申请` (item 3)', (b) => fill(FRONT + '::: 依申请\n', '｜ a ｜ 1 ｜ 1 ｜\n', ':::\n', b)],
  'unclosed-containers': ['`::: 依申请` lines, none closed', (b) => fill(FRONT, '::: 依申请\n', '', b)],
  'headings-and-containers': ['`## 一、总体情况` and an empty `::: 依申请` container, repeated (each table looked for its section among every heading: 3.4 s at 0.9 MB)', (b) => fill(FRONT, '## 一、总体情况\n::: 依申请\n:::\n', '', b), ['check']],
  'table-rows': ['one plain table of many rows (item 4: 50,000 rows at 0.9 MB)', (b) => fill(FRONT + '| 项目 | 本年 | 累计 |\n|---|---|---|\n', '| 甲 | 1 | 1 |\n', '', b)],
  'deep-yaml': ['a front-matter block sequence nested deeper and deeper (item 1)', (b) => fill('---\nx:\n  ', '- ', 'a\n机关: 某局\n---\n# t\n', b)],
  'star-a': ['`*a ` repeated on one line (item 6)', (b) => fill(FRONT, '*a ', '\n', b)],
  'underscore-a': ['`_a ` repeated on one line (item 6)', (b) => fill(FRONT, '_a ', '\n', b)],
  'comment-open': ['`a<!--` repeated on one line (item 6)', (b) => fill(FRONT, 'a<!--', '\n', b)],
  'autolink-parens': ['`http://a` followed by `)` (item 6)', (b) => fill(FRONT + 'http://a', ')', '\n', b)],

  // The shapes the tests once timed (their time is measured here now; the tests only check behaviour), where no case
  // above already has them.
  'yaml-explicit-keys': ['front-matter keys `? ? ? …` nested (test/robust-core.test.ts, item 1 siblings)', (b) => fill('---\n机关: 某局\nx: ', '? ', 'a\n---\n', b), ['check']],
  'prose-long-number': ['`全年公开`, digits, `条，其中工作动态1条。` (test/robust-core.test.ts, item 2)', (b) => fill(FRONT + '全年公开', '1', '条，其中工作动态1条。\n', b), ['check']],
  'ascii-rows': ['rows written with `|` in `::: 依申请`: what `fullwidth-rows` should cost (test/robust-core.test.ts, item 3)', (b) => fill(FRONT + '::: 依申请\n', '| a | 1 | 1 |\n', ':::\n', b), ['check']],
  'heading-spaces-hash': ['`## a`, spaces, a closing `#` (test/robust-core.test.ts, item 5)', (b) => fill(FRONT + '## a', ' ', '#\n', b), ['check']],
  'directive-heads': ['`<!-- xxgk-disable` repeated, never closed (test/robust-core.test.ts, item 5)', (b) => fill(FRONT + '<!-- xxgk-disable ', ' <!-- xxgk-disable', '', b), ['check']],
  'heading-tabs-hashes': ['`# `, then `\\t ` n times, then `#` n times, then `x` (test/robust-core.test.ts, item 5)', (b) => halves(FRONT + '# ', '\t ', '', '#', 'x\n', b), ['check']],
  'chinese-numerals': ['a paragraph of `本年度` and `一` repeated, checked beside last year\'s report (the wording compared across years tried a run of numerals again from each of them: 60,000 took seconds)', (b) => fill(FRONT + '本年度', '一', '\n', b), ['check', 'cross-year']],
  'prose-hostile': ['a paragraph of `其中1条`, `1条，1条、`, `统计收到信息公开申请1件`, `12月1日至` runs (test/prose.test.ts, 1 MB paragraphs)', (b) => proseHostile(b), ['check']],
  'autolink-slashes': ['`http:///` repeated, then as many bytes of `)` (test/robust-render.test.ts, item 6)', (b) => halves(FRONT, 'http:///', '', ')', '\n', b), ['html']],
  'link-opens': ['`[a](` repeated on one line (test/robust-render.test.ts, item 6)', (b) => fill(FRONT, '[a](', '\n', b), ['html']],
  'backtick-runs': ['`` `a`` `` repeated on one line (test/robust-render.test.ts, item 6)', (b) => fill(FRONT, '`a``', '\n', b), ['html']],
  'double-star-a': ['`**a` repeated on one line (test/robust-render.test.ts, item 6)', (b) => fill(FRONT, '**a', '\n', b), ['html']],
  'strong-then-comments': ['`**`, `a`s, `中**`, then `<!---->` lines (test/robust-render.test.ts, item 6)', (b) => halves(FRONT + '**', 'a', '中**', '\n<!---->', '\n', b), ['html']],
  'rich-table-rows': ['a plain table whose rows hold bold and a link; the Word writer refuses the largest (test/robust-render.test.ts, item 4)', (b) => fill(FRONT + '| 项目 | 数量 | 说明 |\n|---|---|---|\n', '| 第1项事项 | 1 | 说明 **加粗** 与 [链接](https://example.com/1) |\n', '', b), ['html', 'docx']],
  'fence-then-containers': ['a code block, then `::: 依申请` lines never closed (test/robust-render.test.ts, many containers)', (b) => fill(FRONT + '```\ncode\n```\n\n', '::: 依申请\n', '', b), ['html']],
  'many-problems': ['a `::: 依申请` table of unknown rows, then paragraphs, on the page with every finding placed (test/robust-render.test.ts, item 6 sibling)', (b) => manyProblems(b), ['preview']],
};

// The fuzz test's pathological shapes (bench/lib/pathological.cjs), timed here instead of there; `check` only (the
// renderers' worst cases are the shapes above). The generators take a length in code units: scaled so that the text
// is about `bytes` long in UTF-8.
const { PATHOLOGICAL } = require('./pathological.cjs');
for (const [name, make] of Object.entries(PATHOLOGICAL)) {
  const probe = make(4096);
  const bytesPerUnit = Buffer.byteLength(probe) / probe.length;
  CASES[`fuzz: ${name}`] = [`the fuzz test's “${name}” (test/fuzz/core.test.ts)`, (b) => make(Math.max(1, Math.round(b / bytesPerUnit))), ['check']];
}

module.exports = { CASES };
