import type { StandardTable, TableRow } from '../ast';
import { add, compare, equals, ZERO } from '../text/decimal';
import { labelKey } from '../text/normalize';
import { cellFigure } from './cell-figure';
import type { Evaluation, Term } from './relations';
import { maxOf } from '../arrays';

/** Parts that are channels (政府网站, 公报, 微博…) can overlap: they are views of a total, not a partition. */
const CHANNEL = /网站|公报|微博|微信|新媒体|客户端|报刊|报纸|广播|电视|新闻发布|公开栏|档案馆|图书馆|查阅|服务中心|政务大厅|短信|热线|电子屏/;

function unitKey(row: TableRow): string {
  return labelKey(row.unit ?? '');
}

/**
 * Legacy 附表 (reference §7, recommended reading): a parent is checked against its parts only when the parent and
 * every part have a figure and share the parent's unit; a part in another unit is not a part; a single part, or
 * overlapping channels, must only not exceed the parent.
 */
export function evaluateLegacyTable(table: StandardTable): Evaluation[] {
  const children = new Map<number, TableRow[]>();
  table.rows.forEach((row) => {
    if (row.kind === 'data' && row.parentIndex !== undefined) {
      const list = children.get(row.parentIndex) ?? [];
      list.push(row);
      children.set(row.parentIndex, list);
    }
  });
  const out: Evaluation[] = [];
  for (const [parentIndex, allParts] of children) {
    const parent = table.rows[parentIndex];
    const parts = allParts.filter((p) => !p.unit || !parent.unit || unitKey(p) === unitKey(parent));
    if (!parts.length) continue;
    const views = parts.length < 2 || parts.every((p) => CHANNEL.test(p.label.text));
    const columns = maxOf(parts, (p) => p.values.length, parent.values.length);
    for (let c = 0; c < columns; c++) {
      const total = cellFigure(parent.values[c]);
      const values = parts.map((p) => cellFigure(p.values[c]));
      if (total === undefined || values.some((v) => v === undefined)) continue;
      const terms: Term[] = parts.map((p, k) => ({ label: partLabel(p), value: values[k]!, blank: false, span: p.values[c].span }));
      const label = `${partLabel(parent)}${table.columnLabels?.[c] ? ` · ${table.columnLabels[c]}` : ''}`;
      if (views) {
        for (const [k, t] of terms.entries()) {
          if (compare(t.value, total) > 0) {
            const cell = parts[k].values[c];
            out.push({ relation: 'part-exceeds', cell, cellLabel: `${t.label}`, actual: t.value, expected: total, parts: [t], ok: false, fixable: false });
          }
        }
        continue;
      }
      const expected = terms.reduce((s, t) => add(s, t.value), ZERO);
      out.push({ relation: 'legacy-parts', cell: parent.values[c], cellLabel: label, actual: total, expected, parts: terms, ok: equals(total, expected), fixable: true });
    }
  }
  return out;
}

function partLabel(row: TableRow): string {
  return row.label.text.replace(/^\s*其中\s*[:：,，、]?\s*/, '').trim();
}
