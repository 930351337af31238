import { officialTable } from '../tables/parts';
import type { Span } from '../ast';
import { t } from '../i18n';
import { tableStatements } from '../prose/table-statements';
import { cellFigure } from '../tables/cell-figure';
import { cellAt, rowsById } from '../tables/grid';
import { format } from '../text/decimal';
import { NATIONAL_FORMATS, type Rule } from './types';

/** Columns of table 四 that are not 维持: a non-zero figure in one of them belies 均获维持. */
const NOT_UPHELD = ['corrected', 'otherResult', 'pending'];

/** "均获维持" is false when any 纠正, 其他结果 or 尚未审结 in the rows the sentence speaks of is non-zero. */
export const proseTableUpheld: Rule = {
  id: 'prose-table-upheld',
  formerId: 'prose-table',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('正文称复议、诉讼“均获维持”时，统计表中不应有纠正、其他结果或尚未审结');
  },
  fixes: 'none',
  check(doc, report) {
    const statements = tableStatements(doc);
    const table = officialTable(doc, '复议诉讼');
    const spec = table?.spec;
    if (!statements || !table || !spec) return;
    const rows = rowsById(table);
    for (const { held } of statements.paragraphs) {
      for (const { phrase, start, review, litigation } of held) {
        const ids = review && !litigation ? ['review'] : litigation && !review ? ['direct', 'afterReview'] : ['review', 'direct', 'afterReview'];
        const offending: Array<{ span: Span; message: string }> = [];
        for (const id of ids) {
          const row = rows.get(id);
          if (!row) continue;
          for (const col of NOT_UPHELD) {
            const k = spec.columns.findIndex((c) => c.id === col);
            const cell = cellAt(row, k);
            const v = cellFigure(cell);
            if (cell && v && v.units > 0n) offending.push({ span: cell.span, message: `${row.match!.row.label} · ${spec.columns[k].label} ${format(v)}` });
          }
        }
        if (offending.length === 0) continue;
        report({
          span: { start, end: start + phrase.length },
          message: t('正文称“{0}”，但统计表中有非维持的结果（{1}）；请核对正文或表格。', phrase, offending.map((o) => o.message).join('，')),
          related: offending,
        });
      }
    }
  },
};
