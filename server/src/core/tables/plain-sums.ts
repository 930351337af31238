import type { PlainTable, TableRow } from '../ast';
import { add, ZERO, type Decimal } from '../text/decimal';
import { labelKey, withoutTrailingComments } from '../text/normalize';
import { cellReading } from './cell-figure';
import { LazyEvaluation, termOf, type Evaluation, type Term } from './relations';

const GRAND = /^(合计|总计|总数|共计)$/;
const SUB = /^小计$/;

/**
 * A column headed as an average, a share, a rate or a rank (平均办理时长, 占全年比例（%）, 办结率, 排名) is not a sum: its
 * 合计 row holds an average or 100, and was reported as wrong (and `--fix` wrote the sum of the averages over it).
 */
const NOT_SUMMED = /平均|均值|人均|比例|占比|比重|百分比|[%％‰]|率|排名|名次|序号|编号|单价|年份|日期/;
/** A header that names a count's unit (点击率（次）, which reports write for a number of visits) is summed after all. */
const COUNT_UNIT = /[（(]\s*(?:次|人次|件|条|个|项|人|家|篇|期|份|批次|元|万元|千元|亿元)\s*[）)]/;
/**
 * A row of averages or shares under the figures: its label is one (平均, 占比), not a label that merely holds such
 * characters (无线电频率使用许可, 残疾人就业保障金（按比例安排就业）, which are counted like the others).
 */
const AVERAGE_ROW = /^(?:平均|均值|人均|占比|比例|比重|百分比)/;

function isSummed(header: TableRow | undefined, column: number): boolean {
  const text = header?.values[column]?.text;
  return text === undefined || !NOT_SUMMED.test(text) || COUNT_UNIT.test(text);
}

function mayBeTotal(label: string): boolean {
  return label.includes('计') || label.includes('总数');
}

/**
 * Other Markdown tables: a row labelled 合计/总计/小计 is the sum of the rows it closes (小计 since the previous
 * subtotal, 合计 all plain rows since the previous 合计); a column headed so is the sum of the columns before it.
 * Cells are read by cellReading, with the blank rules of the national tables: a blank total is not checked, nor a sum
 * whose parts are all blank; blank parts count as 0; a part that is text, or a row too short, leaves it unchecked.
 */
export function evaluatePlainTable(table: PlainTable): Evaluation[] {
  const out: Evaluation[] = [];
  const data = table.rows.filter((r) => r.kind === 'data');
  const header = table.rows.find((r) => r.kind === 'header');
  rowTotals(data, header, out);
  if (header) columnTotals(data, header, out);
  return out;
}

function rowTotals(data: TableRow[], header: TableRow | undefined, out: Evaluation[]) {
  let sinceGrand: TableRow[] = [];
  let sinceSub: TableRow[] = [];
  for (const row of data) {
    // Every total label has 计 or 总数; the others (most rows) need no canonical key.
    // A comment after the label (`合计 <!-- 待核 -->`) is not shown and does not make the row another.
    const label = withoutTrailingComments(row.label.text);
    const key = mayBeTotal(label) ? labelKey(label) : '';
    const grand = GRAND.test(key);
    const sub = SUB.test(key);
    if (!grand && !sub) {
      // A row of averages or shares (平均, 占比) under the figures is no part of their 合计.
      if (AVERAGE_ROW.test(label)) continue;
      sinceGrand.push(row);
      sinceSub.push(row);
      continue;
    }
    const closed = grand ? sinceGrand : sinceSub;
    row.values.forEach((cell, c) => {
      if (!isSummed(header, c)) return;
      const total = cellReading(cell);
      if (!total || !closed.length) return;
      // Every closed row must have a figure or a blank here; text (names, units) means the column is not summed.
      let expected = ZERO;
      let filled = false;
      for (const r of closed) {
        const v = cellReading(r.values[c]);
        if (v === undefined) return;
        if (v === null) continue;
        expected = add(expected, v);
        filled = true;
      }
      if (!filled) return;
      const column = header?.values[c]?.text;
      // In a 合计 column the figure is the sum across its row; the sum down the column follows from the others.
      const derived = column !== undefined && (GRAND.test(labelKey(column)) || SUB.test(labelKey(column)));
      out.push(
        new LazyEvaluation('plain-row-total', cell, total, expected, !derived, {
          parts: () => closed.map((r) => termOf(r.label.text, r.values[c])!),
          label: () => `${label}${column ? ` · ${column}` : ''}`,
        }),
      );
    });
    if (grand) sinceGrand = [];
    sinceSub = [];
  }
}

function columnTotals(data: TableRow[], header: TableRow, out: Evaluation[]) {
  let from = 0;
  header.values.forEach((h, k) => {
    const key = labelKey(withoutTrailingComments(h.text));
    if (!GRAND.test(key) && !SUB.test(key)) return;
    const first = from; // the terms are labelled later, after `from` has moved on
    from = k + 1;
    for (let j = first; j < k; j++) if (!isSummed(header, j)) return;
    for (const row of data) {
      const cell = row.values[k];
      const total = cellReading(cell);
      if (!total) continue;
      const expected = sumAcross(row, first, k);
      if (expected) out.push(new LazyEvaluation('plain-column-total', cell, total, expected, true, new ColumnTotalTerms(header, row, first, k)));
    }
  });
}

/**
 * The sum of a row's cells in columns [from, to), or undefined when there are none, one is text, or all are blank
 * (then the total is not checked).
 */
function sumAcross(row: TableRow, from: number, to: number): Decimal | undefined {
  let sum = ZERO;
  let filled = false;
  for (let j = from; j < to && j < row.values.length; j++) {
    const v = cellReading(row.values[j]);
    if (v === undefined) return undefined;
    if (v === null) continue;
    sum = add(sum, v);
    filled = true;
  }
  return filled ? sum : undefined;
}

/**
 * The terms and label of a 合计 column's figure, built only when asked for; an object of its own and not two
 * closures, because one is kept for every row of the table (a large table kept 300 bytes a row in closures).
 */
class ColumnTotalTerms {
  constructor(
    private readonly header: TableRow,
    private readonly row: TableRow,
    private readonly from: number,
    private readonly totalIndex: number,
  ) {}
  parts(): readonly Term[] {
    return this.row.values.slice(this.from, this.totalIndex).map((x, j) => termOf(this.header.values[this.from + j]?.text ?? '', x)!);
  }
  label(): string {
    return `${this.row.label.text} · ${this.header.values[this.totalIndex].text}`;
  }
}
