/**
 * `fixAll` (what `xxgk check --fix` applies): only safe fixes, each round changes nothing outside its edits, and it
 * converges: on the examples, on every real report of the corpus, and on generated reports with wrong totals and
 * messy cells.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, checkText, fixAll, type CheckOptions } from '../server/src/core/index';
import { report2021 } from './helpers';
import { choicesArb, report } from './fuzz/arbitraries';
import { check } from './fuzz/config';
import { assertOnlyEditedSpansChanged } from './fuzz/invariants';

const ROOT = path.join(__dirname, '..');
const TODAY = { today: '2024-06-01' };

/** Every round's edits account for the whole change, no safe fix is left, and fixing again changes nothing. */
function assertFixAll(text: string, what: string, options: CheckOptions = { context: TODAY }) {
  const result = fixAll(text, options);
  let current = text;
  result.edits.forEach((edits, round) => {
    const next = applyEdits(current, edits);
    assertOnlyEditedSpansChanged(current, next, edits, `${what}, round ${round + 1}`);
    current = next;
  });
  assert.equal(current, result.text, `${what}: the rounds' edits make the result`);
  assert.deepEqual(result.diagnostics.filter((d) => d.fix?.safe).map((d) => `${d.rule}: ${d.message}`), [], `${what}: a safe fix is left`);
  assert.equal(fixAll(result.text, options).applied, 0, `${what}: fixing again changes something`);
  return result;
}

describe('fixAll', () => {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.xxgk')).map((f) => path.join('examples', f)),
    ...fs.readdirSync(path.join(ROOT, 'test', 'corpus', 'reports')).filter((f) => f.endsWith('.xxgk')).map((f) => path.join('test', 'corpus', 'reports', f)),
  ];
  it(`converges and touches only its edits on ${files.length} examples and real reports`, () => {
    let applied = 0;
    for (const file of files) applied += assertFixAll(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).applied;
    assert.ok(applied > 0, 'some report has something to fix');
  });

  it('examples/2023-errors.xxgk: totals, a section number, a unit and full-width digits fixed; the guesses left', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', '2023-errors.xxgk'), 'utf8');
    const before = checkText(text, { context: TODAY }).diagnostics;
    const result = assertFixAll(text, '2023-errors');
    const rules = new Set(before.filter((d) => d.fix?.safe).map((d) => d.rule));
    assert.deepEqual([...rules].sort(), ['cell-value', 'section-numbering', 'table-sum']);
    // Totals that another sum confirms are left: R3 holds with （七）总计 · 自然人 156 while R2 sums its parts to 157
    // (a part is what is wrong: 5.属于三类内部事务信息 has 3 where its row total and the 总计 column have 2); the
    // fixes once made it 157, and 四's total 10, breaking R3 on both.
    assert.ok(result.text.includes('| （七）总计 | 156 | 21 | 0 | 1 | 5 | 1 | 184 |'));
    assert.ok(result.text.includes('| 5.属于三类内部事务信息 | 3 | 0 | 0 | 0 | 0 | 0 | 2 |'));
    assert.ok(result.text.includes('| 四、结转下年度继续办理 | 8 | 2 | 0 | 0 | 0 | 0 | 9 |'));
    // Fixes that guess stay for a person: the first-plus-second relation, other rules' suggestions.
    const unsafeBefore = before.filter((d) => d.fix && !d.fix.safe).length;
    assert.ok(unsafeBefore > 0);
    assert.ok(result.diagnostics.some((d) => d.fix && !d.fix.safe));
  });

  it('drops a unit and full-width digits, but does not turn 元 into 万元 (a guess about which is wrong)', () => {
    const base = report2021();
    const withUnit = base.replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10件 | 2 | 0 | 0 | 1 | 0 | １３ |');
    assert.notEqual(withUnit, base);
    assert.equal(fixAll(withUnit, { context: TODAY }).text, base);
  });

  it('a rule switched off in the configuration fixes nothing', () => {
    const wrong = report2021().replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');
    assert.equal(fixAll(wrong, { context: TODAY, config: { rules: { 'table-sum': 'off' } } }).applied, 0);
    assert.equal(fixAll(wrong, { context: TODAY }).text, report2021());
  });

  it('generated reports with wrong totals and blank, invalid, full-width or huge cells: converges, touching only its edits', () => {
    check(choicesArb().map((c) => report(c, { wrongTotals: true, messy: true })), (text) => void assertFixAll(text, 'generated'), 150);
  });
});
