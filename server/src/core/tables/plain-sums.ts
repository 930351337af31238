import type { Cell, PlainTable, TableRow } from '../ast';
import { add, ZERO } from '../text/decimal';
import { labelKey } from '../text/normalize';
import { LazyEvaluation, type Evaluation, type Term } from './relations';

const GRAND = /^(合计|总计|总数|共计)$/;
const SUB = /^小计$/;

function term(label: string, cell: Cell | undefined): Term {
  const blank = !isNumberLike(cell);
  return { label, value: blank ? ZERO : cell!.value!, blank, span: cell?.span };
}

function mayBeTotal(label: string): boolean {
  return label.includes('计') || label.includes('总数');
}

function isNumberLike(cell: Cell | undefined): boolean {
  return !!cell && (cell.state === 'number' || cell.state === 'zero-mark');
}

/**
 * Other Markdown tables: a row labelled 合计/总计/小计 is the sum of the rows it closes (小计 since the previous
 * subtotal, 合计 all plain rows since the previous 合计); a column headed so is the sum of the columns before it.
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
    const key = mayBeTotal(row.label.text) ? labelKey(row.label.text) : '';
    const grand = GRAND.test(key);
    const sub = SUB.test(key);
    if (!grand && !sub) {
      sinceGrand.push(row);
      sinceSub.push(row);
      continue;
    }
    const closed = grand ? sinceGrand : sinceSub;
    row.values.forEach((cell, c) => {
      if (!isNumberLike(cell) || !closed.length) return;
      // Every closed row must have a figure here; text (names, units) means the column is not summed.
      let expected = ZERO;
      let filled = false;
      for (const r of closed) {
        const x = r.values[c];
        if (!x || x.state === 'blank') continue;
        if (!isNumberLike(x)) return;
        expected = add(expected, x.value!);
        filled = true;
      }
      if (!filled) return;
      const column = header?.values[c]?.text;
      // In a 合计 column the figure is the sum across its row; the sum down the column follows from the others.
      const derived = column !== undefined && (GRAND.test(labelKey(column)) || SUB.test(labelKey(column)));
      out.push(
        new LazyEvaluation('plain-row-total', cell, cell.value!, expected, !derived, {
          parts: () => closed.map((r) => term(r.label.text, r.values[c])),
          label: () => `${row.label.text}${column ? ` · ${column}` : ''}`,
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
    const key = labelKey(h.text);
    if (!GRAND.test(key) && !SUB.test(key)) return;
    const first = from; // the terms are labelled later, after `from` has moved on
    for (const row of data) {
      const cell = row.values[k];
      if (!isNumberLike(cell)) continue;
      const cells = row.values.slice(first, k);
      if (!cells.length || cells.some((x) => x.state !== 'blank' && !isNumberLike(x)) || cells.every((x) => x.state === 'blank')) continue;
      const expected = cells.reduce((sum, x) => (isNumberLike(x) ? add(sum, x.value!) : sum), ZERO);
      out.push(
        new LazyEvaluation('plain-column-total', cell, cell.value!, expected, true, {
          parts: () => cells.map((x, j) => term(header.values[first + j]?.text ?? '', x)),
          label: () => `${row.label.text} · ${h.text}`,
        }),
      );
    }
    from = k + 1;
  });
}
