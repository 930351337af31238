import type { Cell, TableRow } from '../ast';
import { t } from '../i18n';
import { NATIONAL_FORMATS, type Rule } from './types';

/** At most this many cells are listed as related places (a table of `/` has a hundred). */
const SHOWN = 20;

/**
 * `/`, `-`, `—`, `无` in a figure cell of an official table: read as 0 (the arithmetic keeps doing so), but the tables
 * want figures. Said once per table, with a fix that writes 0 in all of them. Blank cells are empty-cell's; text that
 * is no figure at all is cell-value's: this rule sees only the cells the parser read as a zero mark.
 */
export const placeholderCell: Rule = {
  id: 'placeholder-cell',
  severity: 'hint',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('标准表格中的“/”“-”“—”“无”按 0 计算，应直接填 0');
  },
  fixes: 'all',
  check(doc, report) {
    for (const table of doc.tables) {
      const spec = table.spec;
      if (!spec) continue;
      const marks: Array<{ cell: Cell; row: TableRow }> = [];
      for (const row of table.rows) {
        // Group rows (（三）不予公开) carry no figures: a dash there stands for the merged cell of the printed table.
        if (row.kind !== 'data' || !row.match || row.match.row.group) continue;
        for (const cell of row.values) if (cell.state === 'zero-mark') marks.push({ cell, row });
      }
      if (!marks.length) continue;
      const written = [...new Set(marks.map((m) => m.cell.text))].map((mark) => `“${mark}”`).join('');
      report({
        span: marks[0].cell.span,
        message: t(
          '“{0}”表有 {1} 个单元格写的是 {2}，已按 0 计算；统计表应填写数字，没有的请直接填 0。',
          spec.title, marks.length, written,
        ),
        fix: { title: t('把表中 {0} 个占位符都改为 0', marks.length), edits: marks.map((m) => ({ span: m.cell.span, newText: '0' })) },
        related: marks.slice(0, SHOWN).map((m) => ({ span: m.cell.span, message: t('“{0}”行：“{1}”按 0 计算', m.row.match!.row.name, m.cell.text) })),
        data: { count: marks.length },
      });
    }
  },
};
