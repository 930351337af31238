import { t } from '../i18n';
import { quote, shownLabel } from './util';
import { NATIONAL_FORMATS, type Rule } from './types';

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
      const seen = new Map<string, (typeof table.rows)[number]>();
      // The official rows the table has, made once per table when an unknown row first needs it (once per row, a
      // table of 10,000 unknown rows took seconds).
      let present: Set<string> | undefined;
      for (const row of table.rows) {
        if (row.kind !== 'data') continue;
        if (row.match) {
          const earlier = seen.get(row.match.row.id);
          // A group label printed again where the table broke over a page carries no figures: layout, not a
          // second filing of the row.
          const labelOnly = (r: typeof row) => r.values.every((c) => c.state === 'blank');
          if (earlier && row.match.row.group && labelOnly(row) && labelOnly(earlier)) continue;
          if (earlier) {
            report({
              span: row.label.span,
              message: t('“{0}”行重复出现；每个规定行只能填报一次，请删除或合并。', row.match.row.name),
              related: [{ span: earlier.label.span, message: t('第一次出现') }],
            });
          } else seen.set(row.match.row.id, row);
          continue;
        }
        const unmatched = row.unmatched;
        if (!unmatched) continue;
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
        present ??= new Set(table.rows.flatMap((r) => (r.match ? [r.match.row.id] : [])));
        // Only the closest row: the next one may belong to another group (6.其他不予处理情形 is no （六）其他处理).
        const free = best && !present.has(best.id) ? best : undefined;
        let message: string;
        if (!best) message = t('“{0}”不是“{1}”表的规定行。', label, spec.title);
        else if (present.has(best.id)) message = t('“{0}”不是“{1}”表的规定行；最接近的规定行“{2}”表中已有。', label, spec.title, best.label);
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
