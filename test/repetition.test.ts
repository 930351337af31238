import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkDocument, parse } from '../server/src/core/index';
import { repetition } from '../server/src/core/prose/repetition';

const clean = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
/** Last year's report as some agencies write this year's: the years moved on, the figures changed, nothing else. */
const copied = clean.replace(/2024/g, '2025').replace(/2023/g, '2024').replace(/(\d+)(条|件|篇|期|人次|个)/g, (_m, n, unit) => `${Number(n) + 3}${unit}`);
const diagnostics = (text: string, previous?: string) =>
  checkDocument(parse(text), { context: { previousYear: previous === undefined ? undefined : parse(previous) } }).filter((d) => d.rule === 'repetition');

test('repetition: a report that is last year’s with new years and figures is a warning naming the share and the sections', () => {
  const [d] = diagnostics(copied, clean);
  assert.ok(d, 'reported');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /正文约 100% 与 2023 年报相同/);
  assert.match(d.message, /总体情况 100%/);
  assert.ok(d.related && d.related.length === 5, 'the most repeated sentences as related places');
  assert.equal((d.data as { rate: number }).rate, 1);
});

test('repetition: a report rewritten for the year, or with no last year known, is silent', () => {
  assert.deepEqual(diagnostics(copied), []);
  const rewritten = parse(copied).paragraphs.reduce((text, p, k) => (k % 2 === 0 ? text.replace(p.text, `本年度，围绕第${k}项重点任务另行开展了专项工作，形成了新的制度成果和经验做法，群众满意度持续提升。`) : text), copied);
  const rate = repetition(parse(rewritten), parse(clean)).rate;
  assert.ok(rate > 0.2 && rate < 1, `partly rewritten, partly repeated: ${rate}`);
  const more = parse(copied).paragraphs.reduce((text, p) => text.replace(p.text, `本年度围绕${p.text.length}项新任务开展工作，形成新的制度成果。`), copied);
  assert.deepEqual(diagnostics(more, clean), []);
});

test('repetition: found by `xxgk check` when last year’s report is among the files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-repeat-'));
  try {
    fs.writeFileSync(path.join(dir, '2023.xxgk'), clean);
    fs.writeFileSync(path.join(dir, '2024.xxgk'), copied);
    const r = spawnSync(process.execPath, [path.join('bin', 'xxgk.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
    const found = (JSON.parse(r.stdout) as Array<{ file: string; rule: string }>).filter((d) => d.rule === 'repetition');
    assert.deepEqual(found.map((d) => path.basename(d.file)), ['2024.xxgk']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('repetition: two large reports are compared in bounded work (edit distance on at most 100,000 pairs)', () => {
  const big = (seed: number) => `# 报告\n\n${Array.from({ length: 3000 }, (_, k) => `第${k}段：本单位围绕重点任务${(k * seed) % 97}开展工作，完善制度机制，加强督促检查，取得积极成效。`).join('\n\n')}\n`;
  const started = process.hrtime.bigint();
  const r = repetition(parse(big(7)), parse(big(11)));
  assert.ok(r.chars > 0);
  assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 60, 'finishes');
});
