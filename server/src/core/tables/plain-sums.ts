import type { Cell, PlainTable, TableRow } from '../ast';
import { add, equals, ZERO } from '../text/decimal';
import { labelKey } from '../text/normalize';
import type { Evaluation, Term } from './relations';

const GRAND = /^(合计|总计|总数|共计)$/;
const SUB = /^小计$/;

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
    const key = labelKey(row.label.text);
    const grand = GRAND.test(key);
    const sub = SUB.test(key);
    if (!grand && !sub) {
      sinceGrand.push(row);
      sinceSub.push(row);
      continue;
    }
    const closed = grand ? sinceGrand : sinceSub;
    row.values.forEach((cell, c) => {
      if (!isNumberLike(cell)) return;
      const cells = closed.map((r) => r.values[c]);
      // Every closed row must have a figure here; text (names, units) means the column is not summed.
      if (!cells.length || cells.some((x) => x && x.state !== 'blank' && !isNumberLike(x))) return;
      if (cells.every((x) => !x || x.state === 'blank')) return;
      const parts: Term[] = closed.map((r, k) => ({
        label: r.label.text,
        value: isNumberLike(cells[k]) ? cells[k]!.value! : ZERO,
        blank: !isNumberLike(cells[k]),
        span: cells[k]?.span,
      }));
      const expected = parts.reduce((s, t) => add(s, t.value), ZERO);
      const column = header?.values[c]?.text;
      // In a 合计 column the figure is the sum across its row; the sum down the column follows from the others.
      const derived = column !== undefined && (GRAND.test(labelKey(column)) || SUB.test(labelKey(column)));
      out.push({ relation: 'plain-row-total', cell, cellLabel: `${row.label.text}${column ? ` · ${column}` : ''}`, actual: cell.value!, expected, parts, ok: equals(cell.value!, expected), fixable: !derived });
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
    for (const row of data) {
      const cell = row.values[k];
      if (!isNumberLike(cell)) continue;
      const cells = row.values.slice(from, k);
      if (!cells.length || cells.some((x) => x.state !== 'blank' && !isNumberLike(x)) || cells.every((x) => x.state === 'blank')) continue;
      const parts: Term[] = cells.map((x, j) => ({
        label: header.values[from + j]?.text ?? '',
        value: isNumberLike(x) ? x.value! : ZERO,
        blank: !isNumberLike(x),
        span: x.span,
      }));
      const expected = parts.reduce((s, t) => add(s, t.value), ZERO);
      out.push({ relation: 'plain-column-total', cell, cellLabel: `${row.label.text} · ${h.text}`, actual: cell.value!, expected, parts, ok: equals(cell.value!, expected), fixable: true });
    }
    from = k + 1;
  });
}
