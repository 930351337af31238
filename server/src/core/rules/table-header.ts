import { t } from '../i18n';
import { quote } from './util';
import type { ColumnSpec, TableSpec } from '../formats/types';
import { labelKey } from '../text/normalize';
import { NATIONAL_FORMATS, type Rule } from './types';

const cache = new WeakMap<TableSpec, { columnSets: ReadonlyArray<readonly ColumnSpec[]>; known: ReadonlySet<string> }>();

/** The column lists of a table's blocks and every word its headers may use (computed once per format table). */
function headerWords(spec: TableSpec) {
  let entry = cache.get(spec);
  if (!entry) {
    const columnSets = [spec.columns, ...spec.rows.map((r) => r.columns ?? spec.columns)];
    const known = new Set<string>();
    for (const set of columnSets) for (const c of set) [c.label, c.group ?? ''].forEach((l) => known.add(labelKey(l)));
    ['申请人情况', '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'].forEach((w) => known.add(w));
    entry = { columnSets, known };
    cache.set(spec, entry);
  }
  return entry;
}

/** Header rows inside standard tables must name the official columns, in the official order. */
export const tableHeader: Rule = {
  id: 'table-header',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('标准表格的表头须与规定列名一致');
  },
  fixes: 'none',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      const { columnSets, known } = headerWords(spec);
      for (const row of table.rows) {
        if (row.kind !== 'header') continue;
        const cells = row.values.filter((c) => c.text);
        for (const cell of cells) {
          if (known.has(labelKey(cell.text))) continue;
          report({ span: cell.span, message: t('表头“{0}”不是“{1}”表的规定列名。', quote(cell.text), spec.title) });
        }
        // A full header line must list the columns of some block in order.
        const keys = cells.map((c) => labelKey(c.text));
        if (!keys.every((k) => known.has(k))) continue;
        const sameLength = columnSets.filter((set) => set.length === keys.length);
        if (sameLength.length && !sameLength.some((set) => set.every((c, i) => labelKey(c.label) === keys[i]))) {
          const official = sameLength[0].map((c) => c.label).join(' | ');
          report({ span: row.span, message: t('表头列的顺序与规定不符；应为：{0}。', official) });
        }
      }
    }
  },
};
