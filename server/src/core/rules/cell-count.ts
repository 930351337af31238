import { t } from '../i18n';
import { columnsOf } from '../tables/grid';
import { NATIONAL_FORMATS, type Rule } from './types';

export const cellCount: Rule = {
  id: 'cell-count',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('每行数值的个数须与规定列数一致');
  },
  fixes: 'none',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      for (const row of table.rows) {
        if (row.kind !== 'data' || !row.match) continue;
        const columns = columnsOf(row.match.row, spec);
        const n = row.values.length;
        // A group row may be written as a bare label.
        if (n === columns.length || (row.match.row.group && row.values.every((c) => c.state === 'blank'))) continue;
        const names = columns.map((c) => c.label).join('、');
        if (n < columns.length) {
          report({
            span: row.span,
            message: t('“{0}”行应有 {1} 个数值（{2}），实际只有 {3} 个；请补齐缺少的列。', row.match.row.name, columns.length, names, n),
            data: { expected: columns.length, actual: n },
          });
        } else {
          const extra = row.values.slice(columns.length);
          report({
            span: { start: extra[0].outerSpan.start, end: extra[extra.length - 1].outerSpan.end },
            message: t('“{0}”行应有 {1} 个数值（{2}），实际有 {3} 个；请删除多余的列。', row.match.row.name, columns.length, names, n),
            data: { expected: columns.length, actual: n },
          });
        }
      }
    }
  },
};
