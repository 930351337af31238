import type { StandardTable } from '../ast';
import { t } from '../i18n';
import { rowText } from '../skeleton';
import { NATIONAL_FORMATS, type Rule } from './types';

/** Where a missing official row goes: after the nearest earlier official row present, else before the closing `:::`. */
function insertionPoint(table: StandardTable, index: number, doc: { text: string }): number {
  const spec = table.spec!;
  for (let k = index - 1; k >= 0; k--) {
    const present = table.rows.filter((r) => r.match?.row.id === spec.rows[k].id).pop();
    if (present) {
      const next = doc.text.indexOf('\n', present.span.end);
      return next < 0 ? doc.text.length : next + 1;
    }
  }
  const firstData = table.rows.find((r) => r.kind === 'data');
  if (firstData) return firstData.span.start;
  return table.closeSpan ? table.closeSpan.start : table.span.end;
}

export const missingRow: Rule = {
  id: 'missing-row',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  description: '标准表格须包含规定的全部行',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      const present = new Set(table.rows.map((r) => r.match?.row.id).filter(Boolean));
      spec.rows.forEach((row, index) => {
        // Group rows (三、本年度办理结果, （三）不予公开…) carry no figures of their own; their items are required.
        if (row.group || present.has(row.id)) return;
        const at = insertionPoint(table, index, doc);
        const text = rowText(row, spec);
        report({
          span: table.kindSpan,
          message: t('“{0}”表缺少“{1}”行；请补上该行（没有数据的填 0）。', spec.title, row.label),
          fix: { title: t('插入“{0}”行', row.name), edits: [{ span: { start: at, end: at }, newText: `${text}\n` }] },
          data: { row: row.id },
        });
      });
    }
  },
};
