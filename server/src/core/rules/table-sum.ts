import { t } from '../i18n';
import { add, equals, sub } from '../text/decimal';
import { restatedCells, type Restatement } from '../prose/table-statements';
import { evaluateDocument } from '../tables/evaluate';
import { termCells, termsOf, type Evaluation, type Term } from '../tables/relations';
import { ALL_FORMATS, type Finding, type Rule } from './types';
import { describeTerms, fmt } from './util';

/** A plain sum (not an identity, not a part over its total), which can share a finding with another on its cell. */
function isPlainSum(e: Evaluation): boolean {
  return !e.minus && e.relation !== 'part-exceeds';
}

/**
 * The finding for a failing evaluation; `alike` are other plain sums failing on the same cell with the same expected
 * figure (a 合计 in both a total row and a total column): one finding lists every sum, instead of one finding each.
 */
function finding(e: Evaluation, fixable: boolean, alike: readonly Evaluation[] = [], safe = fixable, restated?: Restatement): Finding {
  const expected = fmt(e.expected);
  const actual = fmt(e.actual);
  const delta = sub(e.actual, e.expected);
  const diff = delta.units < 0n ? t('少 {0}', fmt({ units: -delta.units, scale: delta.scale })) : t('多 {0}', fmt(delta));
  const sums = [e, ...alike];
  const related = sums.flatMap((x) => x.parts.filter((p) => p.span).map((p) => ({ span: p.span!, message: `${p.label} ${p.blank ? t('空') : fmt(p.value)}` })));
  if (restated) related.push(restated);
  const data = { relation: sums.map((x) => x.relation).join('+'), expected, actual };

  if (e.relation === 'part-exceeds') {
    return {
      span: e.cell.span,
      message: t('分项“{0}”{1} 大于其总数 {2}；分项不能超过总数，请核对。', e.cellLabel, actual, expected),
      data,
    };
  }
  if (e.minus) {
    return {
      span: e.cell.span,
      message: t(
        '勾稽关系不符（第一项加第二项之和应等于第三项加第四项之和）：{0} 为 {1}，应为 {2} − {3} = {4}；请核对。',
        e.cellLabel, actual, describeTerms(e.parts), describeTerms(e.minus), expected,
      ),
      // Not safe: which of the four terms is wrong is a guess (the editor offers it; --fix leaves it).
      fix: !fixable ? undefined : { title: t('改为 {0}', expected), edits: [{ span: e.cell.span, newText: expected }] },
      related,
      data,
    };
  }
  return {
    span: e.cell.span,
    message: t('{0} 为 {1}，但各项之和为 {2}（{3}），{4}；请核对合计或各分项。', e.cellLabel, actual, expected, sums.map((x) => describeTerms(x.parts)).join('；'), diff),
    fix: !fixable ? undefined : { title: t('把合计改为 {0}', expected), edits: [{ span: e.cell.span, newText: expected }], safe },
    related,
    data,
  };
}

/** The cells a sum counts, by their start: those it adds, and those an identity takes away. */
interface SumCells {
  readonly added: ReadonlySet<number>;
  readonly taken: ReadonlySet<number>;
}

function sumCells(e: Evaluation): SumCells {
  return { added: new Set(termCells(e.parts)), taken: new Set(e.minus ? termCells(e.minus) : []) };
}

/**
 * Whether failing sum `f` (counting `cells`) holds once `e`'s cell is set to `e.expected`: `f` totals that cell, or
 * counts it.
 */
function settledBy(f: Evaluation, cells: SumCells, e: Evaluation): boolean {
  const cell = e.cell.span.start;
  if (f.cell.span.start === cell) return equals(f.expected, e.expected);
  const change = sub(e.expected, e.actual);
  if (cells.added.has(cell)) return equals(f.actual, add(f.expected, change));
  if (cells.taken.has(cell)) return equals(f.actual, sub(f.expected, change));
  return false;
}

/**
 * Where the cells are that a sum which holds confirms, by their start: its total and its terms (a group's items
 * included), when one of them at least is not itself a total found wrong. A 合计 row whose own figures agree across
 * (合计 · 合计 = 合计 · 上半年) while both disagree with the rows above confirms neither: that is one mistake, written
 * twice; R3 holding with 一, 二 and 四 as written confirms （七）总计.
 */
function confirmedCells(evaluations: readonly Evaluation[], wrongTotals: ReadonlySet<number>): Set<number> {
  const confirmed = new Set<number>();
  for (const e of evaluations) {
    if (!e.ok) continue;
    const cells = [e.cell.span.start, ...termCells(termsOf(e))];
    if (cells.every((cell) => wrongTotals.has(cell))) continue;
    for (const cell of cells) confirmed.add(cell);
  }
  return confirmed;
}

export const tableSum: Rule = {
  id: 'table-sum',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('表格的勾稽关系：总计等于各分项之和，第一项加第二项等于第三项加第四项');
  },
  fixes: 'some',
  check(doc, report) {
    const evaluations = evaluateDocument(doc);
    // The terms of each sum that fails, made once (an identity's are both its sides joined).
    const terms = new Map<Evaluation, readonly Term[]>();
    const termsOfFailing = (e: Evaluation) => {
      let list = terms.get(e);
      if (!list) terms.set(e, (list = termsOf(e)));
      return list;
    };
    // A sum with a term whose row is not in the table (left out, or its label not recognised) is not checked: that
    // row's figure is unknown, not 0, and missing-row or unknown-row says what is wrong. Counted as 0, a 依申请 table
    // whose （一）予以公开 was written 同意公开 had its correct （七）总计 row rewritten by `check --fix`.
    const failing = evaluations.filter((e) => !e.ok && !termsOfFailing(e).some((term) => term.missing));
    if (failing.length === 0) return;
    // A total whose sum has a blank term is still fixed safely when another sum, with no blank term, fails on it too
    // and holds once it is fixed (R3 on 一 · 总计 typed 27 for 26 in a table whose other columns are blank): then the
    // figure, not the blank, is what is wrong. A sum failing for another cell's sake is no witness: with two typos in
    // such a table, `--fix` rewrote a correct item's 总计 because R2 failed on the other typo.
    // Nor is one that another failing cell's fix would settle as well: `--fix` applies both in one round, and the
    // sum then fails the other way (two typos in one column: which one R2 speaks for is a guess).
    // Each failing sum's cells, made once: a witness is weighed against every other failing sum's fix.
    const cellsOfFailing = new Map<Evaluation, SumCells>();
    const settles = (f: Evaluation, e: Evaluation) => {
      let cells = cellsOfFailing.get(f);
      if (!cells) cellsOfFailing.set(f, (cells = sumCells(f)));
      return settledBy(f, cells, e);
    };
    const settledByOthers = (f: Evaluation, e: Evaluation) => failing.some((g) => g.cell !== e.cell && g !== f && g.fixable && settles(f, g));
    const witnessed = (e: Evaluation, alike: readonly Evaluation[]) =>
      failing.some((f) => f !== e && !alike.includes(f) && !termsOfFailing(f).some((term) => term.blank) && settles(f, e) && !settledByOthers(f, e));
    // Made when first needed: it builds the terms of every sum that holds.
    let confirmed: Set<number> | undefined;
    const isConfirmed = (e: Evaluation) => (confirmed ??= confirmedCells(evaluations, new Set(failing.map((f) => f.cell.span.start)))).has(e.cell.span.start);
    // A total the prose restates as written (行政复议1件 beside a 总计 of 1, its parts adding up to 2) is confirmed too:
    // a part is what is wrong. The 复议诉讼 table has no other sum to say so, and `--fix` moved its correct 总计.
    const restated = restatedCells(doc);
    // A cell that totals two relations gets a fix only if those that may fix it agree on its figure; otherwise
    // fixing one would break the other, and fix-all would go round in circles.
    const failingCells = new Set(failing.map((e) => e.cell));
    const expectations = new Map<Evaluation['cell'], Set<string>>();
    for (const e of evaluations) {
      if (!e.fixable || !failingCells.has(e.cell)) continue;
      const set = expectations.get(e.cell) ?? new Set<string>();
      set.add(fmt(e.expected));
      expectations.set(e.cell, set);
    }
    const merged = new Set<Evaluation>();
    for (const e of failing) {
      if (merged.has(e)) continue;
      const alike = isPlainSum(e) ? failing.filter((o) => o !== e && o.cell === e.cell && isPlainSum(o) && equals(o.expected, e.expected)) : [];
      alike.forEach((o) => merged.add(o));
      // A figure that a sum which holds has as its total or counts as a term is confirmed by it: changing it would
      // break that sum (R3's 总计 when R2 fails on a part: the part is what is wrong); and with a blank term the blank
      // is as likely what is wrong, so the fix is offered but not safe (`check --fix` leaves it).
      const inProse = restated.get(e.cell.span.start);
      let witness: boolean | undefined;
      const isWitnessed = () => (witness ??= witnessed(e, alike));
      // The prose copying a typo (予以公开14件) is no witness against a sum that fails on the figure too.
      const fixable = [e, ...alike].some((x) => x.fixable) && expectations.get(e.cell)?.size === 1 && (!inProse || isWitnessed()) && !isConfirmed(e);
      const safe = fixable && (![e, ...alike].some((x) => termsOfFailing(x).some((term) => term.blank)) || isWitnessed());
      report(finding(e, fixable, alike, safe, inProse));
    }
  },
};
