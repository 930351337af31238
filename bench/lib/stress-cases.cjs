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
  'table-rows': ['one plain table of many rows (item 4: 50,000 rows at 0.9 MB)', (b) => fill(FRONT + '| 项目 | 本年 | 累计 |\n|---|---|---|\n', '| 甲 | 1 | 1 |\n', '', b)],
  'deep-yaml': ['a front-matter block sequence nested deeper and deeper (item 1)', (b) => fill('---\nx:\n  ', '- ', 'a\n机关: 某局\n---\n# t\n', b)],
  'star-a': ['`*a ` repeated on one line (item 6)', (b) => fill(FRONT, '*a ', '\n', b)],
  'underscore-a': ['`_a ` repeated on one line (item 6)', (b) => fill(FRONT, '_a ', '\n', b)],
  'comment-open': ['`a<!--` repeated on one line (item 6)', (b) => fill(FRONT, 'a<!--', '\n', b)],
  'autolink-parens': ['`http://a` followed by `)` (item 6)', (b) => fill(FRONT + 'http://a', ')', '\n', b)],
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
