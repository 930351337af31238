import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkDocument, parse } from '../server/src/core/index';
import { repetition, wording } from '../server/src/core/prose/repetition';

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

test('repetition: figures written in Chinese numerals are made alike in one pass, as the regular expression made them (a paragraph of 60,000 `一` beside last year’s report took seconds a check)', { timeout: 120_000 }, () => {
  // The expression it replaces, for comparison on seeded random text of numerals, units, digits and spaces.
  const before = (text: string) => text.replace(/[0-9０-９]+(?:[.,，][0-9０-９]+)*/g, '#').replace(/[〇零一二三四五六七八九十百千万亿]+(?=[年月日件条个项次])/g, '#').replace(/\s+/g, '');
  const alphabet = '〇一二十百千年件条个次月a 1２,，.万亿零的';
  let seed = 13;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 20_000; n++) {
    let text = '';
    for (let i = Math.floor(random() * 24); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(wording(text), before(text), JSON.stringify(text));
  }
  assert.equal(wording('二〇二三年收到申请十二件，办结一百条'), '#年收到申请#件，办结#条');
  const long = clean.replace('## 六、其他需要报告的事项\n', `## 六、其他需要报告的事项\n\n本年度${'一'.repeat(60_000)}\n\n`);
  assert.equal(diagnostics(long, long).length, 1, 'a report beside itself repeats it');
});
