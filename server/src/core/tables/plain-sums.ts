import type { PlainTable, TableRow } from '../ast';
import { add, ZERO } from '../text/decimal';
import { labelKey } from '../text/normalize';
import { cellReading } from './cell-figure';
import { LazyEvaluation, termOf, type Evaluation } from './relations';

const GRAND = /^(合计|总计|总数|共计)$/;
const SUB = /^小计$/;

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
      const total = cellReading(cell);
      if (!total) continue;
      const cells = row.values.slice(first, k);
      const values = cells.map(cellReading);
      if (!values.length || values.includes(undefined) || values.every((v) => v === null)) continue;
      const expected = values.reduce<typeof total>((sum, v) => (v ? add(sum, v) : sum), ZERO);
      out.push(
        new LazyEvaluation('plain-column-total', cell, total, expected, true, {
          parts: () => cells.map((x, j) => termOf(header.values[first + j]?.text ?? '', x)!),
          label: () => `${row.label.text} · ${h.text}`,
        }),
      );
    }
    from = k + 1;
  });
}
