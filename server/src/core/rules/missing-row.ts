import type { StandardTable, XxgkDocument } from '../ast';
import type { TableSpec } from '../formats/types';
import { t } from '../i18n';
import { rowText } from '../skeleton';
import { logicalTables } from '../tables/parts';
import { NATIONAL_FORMATS, type Rule } from './types';
import { insertLines } from './util';

/** Where a missing official row goes: after the nearest earlier official row present, else before the closing `:::`. */
function insertionPoint(table: StandardTable, index: number, doc: XxgkDocument): number {
  const spec = table.spec!;
  for (let k = index - 1; k >= 0; k--) {
    const present = table.rows.filter((r) => r.match?.row.id === spec.rows[k].id).pop();
    if (present) return doc.lineStarts[present.line + 1] ?? doc.text.length;
  }
  const firstData = table.rows.find((r) => r.kind === 'data');
  if (firstData) return firstData.span.start;
  return table.closeSpan ? table.closeSpan.start : table.span.end;
}

const allRowsCache = new WeakMap<TableSpec, { text: string; count: number }>();
/** Every official row of a table, as text to insert (computed once per format table). */
function allRows(spec: TableSpec): { text: string; count: number } {
  let entry = allRowsCache.get(spec);
  if (!entry) {
    const rows = spec.rows.filter((r) => !r.group || spec.rows.some((item) => item.parent === r.id));
    entry = { text: rows.map((r) => `${rowText(r, spec)}\n`).join(''), count: rows.filter((r) => !r.group).length };
    allRowsCache.set(spec, entry);
  }
  return entry;
}

export const missingRow: Rule = {
  id: 'missing-row',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('标准表格须包含规定的全部行');
  },
  fixes: 'all',
  check(doc, report) {
    // A table written in parts is one table: a row in any part is present (tables/parts.ts).
    for (const table of logicalTables(doc)) {
      const spec = table.spec;
      if (!spec) continue;
      const present = new Set(table.rows.map((r) => r.match?.row.id).filter(Boolean));
      if (present.size === 0) {
        // An empty table is one problem, not one per row; its fix fills in the whole official table.
        const all = allRows(spec);
        const at = insertionPoint(table, 0, doc);
        report({
          span: table.kindSpan,
          message: t('“{0}”表还没有任何规定行（应有 {1} 行）；请逐行填报（没有数据的填 0）。', spec.title, all.count),
          fix: { title: t('插入“{0}”表的全部规定行', spec.title), edits: [insertLines(doc, at, all.text)] },
        });
        continue;
      }
      spec.rows.forEach((row, index) => {
        // Group rows (三、本年度办理结果, （三）不予公开…) carry no figures of their own; their items are required.
        if (row.group || present.has(row.id)) return;
        const at = insertionPoint(table, index, doc);
        const text = rowText(row, spec);
        report({
          span: table.kindSpan,
          message: t('“{0}”表缺少“{1}”行；请补上该行（没有数据的填 0）。', spec.title, row.label),
          fix: { title: t('插入“{0}”行', row.name), edits: [insertLines(doc, at, `${text}\n`)] },
          data: { row: row.id },
        });
      });
    }
  },
};
