import { t } from '../i18n';
import { columnsOf } from '../tables/grid';
import { NATIONAL_FORMATS, type Rule } from './types';

const MAX_NAMED = 16;

/** Blank cells in a 2019/2021 table are unfilled; one finding per row, so a blank table is not a wall of squiggles. */
export const emptyCell: Rule = {
  id: 'empty-cell',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('标准表格不应有空白单元格（没有数据请填 0）');
  },
  fixes: 'all',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      for (const row of table.rows) {
        if (row.kind !== 'data' || !row.match || row.match.row.group) continue;
        // Most rows have no blank cell: tested before any list is built.
        if (!row.values.some((c) => c.state === 'blank')) continue;
        const blanks = row.values.map((c, k) => ({ c, k })).filter(({ c }) => c.state === 'blank');
        if (!blanks.length) continue;
        const columns = columnsOf(row.match.row, spec);
        // A row of a standard table has at most 15 columns; a row typed with hundreds of pipes names only the first.
        const names = blanks.slice(0, MAX_NAMED).map(({ k }) => columns[k]?.label ?? t('第{0}列', k + 1)).join('、') + (blanks.length > MAX_NAMED ? '…' : '');
        report({
          span: { start: blanks[0].c.outerSpan.start, end: blanks[blanks.length - 1].c.outerSpan.end },
          message: t('“{0}”行有 {1} 个空白单元格（{2}）；没有数据的请填 0。', row.match.row.name, blanks.length, names),
          fix: {
            title: t('空白单元格填 0'),
            edits: blanks.map(({ c }) => ({ span: c.outerSpan, newText: ' 0 ' })),
          },
        });
      }
    }
  },
};
