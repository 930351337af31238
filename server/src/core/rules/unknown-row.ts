import { t } from '../i18n';
import { quote, shownLabel } from './util';
import type { TableRow } from '../ast';
import { NATIONAL_FORMATS, type Rule } from './types';

const labelOnly = (row: TableRow) => row.values.every((c) => c.state === 'blank');

export const unknownRow: Rule = {
  id: 'unknown-row',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('标准表格的行标签必须是规定的行（全称或无歧义的简称）');
  },
  fixes: 'some',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      // The official rows the table has, each with its first row: after the pass it is every row the table has,
      // which the unknown rows' fixes are weighed against (once per unknown row, 10,000 of them took seconds).
      const seen = new Map<string, TableRow>();
      const unknown: TableRow[] = [];
      for (const row of table.rows) {
        if (row.kind !== 'data') continue;
        if (row.match) {
          const earlier = seen.get(row.match.row.id);
          // A group label printed again where the table broke over a page carries no figures: layout, not a
          // second filing of the row.
          if (earlier && row.match.row.group && labelOnly(row) && labelOnly(earlier)) continue;
          if (earlier) {
            report({
              span: row.label.span,
              message: t('“{0}”行重复出现；每个规定行只能填报一次，请删除或合并。', row.match.row.name),
              related: [{ span: earlier.label.span, message: t('第一次出现') }],
            });
          } else seen.set(row.match.row.id, row);
        } else if (row.unmatched) unknown.push(row);
      }
      for (const row of unknown) {
        const unmatched = row.unmatched!;
        const shown = shownLabel(row.label);
        const label = quote(shown.text) || t('（空）');
        if (unmatched.reason === 'ambiguous') {
          report({
            span: row.label.span,
            message: t('行标签“{0}”有歧义，可能是：{1}；请写完整的规定文字，或写成“父项/子项”形式。', label, unmatched.candidates.map((c) => c.label).join('、')),
            data: { candidates: unmatched.candidates.map((c) => c.label) },
          });
          continue;
        }
        const best = unmatched.candidates[0];
        // The fix names a row the table does not have yet: renaming 不予公开的其他情形 to （三）不予公开, a group already
        // there, made a second （三）不予公开 row, with figures.
        // Only the closest row: the next one may belong to another group (6.其他不予处理情形 is no （六）其他处理).
        const free = best && !seen.has(best.id) ? best : undefined;
        let message: string;
        if (!best) message = t('“{0}”不是“{1}”表的规定行。', label, spec.title);
        else if (seen.has(best.id)) message = t('“{0}”不是“{1}”表的规定行；最接近的规定行“{2}”表中已有。', label, spec.title, best.label);
        else message = t('“{0}”不是“{1}”表的规定行；最接近的规定行是“{2}”。', label, spec.title, best.label);
        report({
          span: row.label.span,
          message,
          fix: free ? { title: t('改为“{0}”', free.label), edits: [{ span: shown.span, newText: free.label }] } : undefined,
          data: { candidates: unmatched.candidates.map((c) => c.label) },
        });
      }
    }
  },
};
