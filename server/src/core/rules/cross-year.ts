import { officialTable } from '../tables/parts';
import type { StandardTable, XxgkDocument } from '../ast';
import { formatSpec, reportsDocumentCounts } from '../formats/index';
import { t } from '../i18n';
import { add, equals, format, sub } from '../text/decimal';
import { cellFigure } from '../tables/cell-figure';
import { rowsById } from '../tables/grid';
import { NATIONAL_FORMATS, type Finding, type Rule } from './types';

function table(doc: XxgkDocument, kind: StandardTable['kind']) {
  const found = kind && officialTable(doc, kind);
  return found ? rowsById(found) : undefined;
}

/**
 * X1: this year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column.
 * X2 (2021, a warning): 现行有效件数 = last year's + 本年制发件数 − 本年废止件数.
 */
export const crossYear: Rule = {
  id: 'cross-year',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('本年“上年结转”须等于上年报告的“结转下年度继续办理”');
  },
  fixes: 'some',
  check(doc, report, context) {
    const previous = context.previousYear;
    if (!previous) return;
    const label = previous.year ?? t('上年');
    const now = table(doc, '依申请');
    const then = table(previous, '依申请');
    const carried = now?.get('carried');
    const next = then?.get('next');
    if (carried && next) {
      carried.values.forEach((cell, c) => {
        const a = cellFigure(cell);
        const b = cellFigure(next.values[c]);
        if (!a || !b || equals(a, b)) return;
        const expected = format(b);
        report({
          span: cell.span,
          message: t('上年结转 {0} 与 {1} 年报告的“结转下年度继续办理”{2} 不一致（第 {3} 列）；应为 {2}。', format(a), label, expected, c + 1),
          fix: { title: t('改为 {0}', expected), edits: [{ span: cell.span, newText: expected }] },
          data: { expected },
        });
      });
    }
    // X2 needs the 现行有效件数 column (2021 format on), in both years.
    if (!reportsDocumentCounts(formatSpec(doc.format)) || !reportsDocumentCounts(formatSpec(previous.format))) return;
    const nowDocs = table(doc, '主动公开');
    const thenDocs = table(previous, '主动公开');
    for (const id of ['regulations', 'normativeDocs']) {
      const row = nowDocs?.get(id);
      const old = thenDocs?.get(id);
      const [issued, repealed, effective] = [0, 1, 2].map((k) => cellFigure(row?.values[k]));
      const before = cellFigure(old?.values[2]);
      if (!row || !issued || !repealed || !effective || !before) continue;
      const expected = sub(add(before, issued), repealed);
      if (equals(expected, effective)) continue;
      const finding: Finding = {
        span: row.values[2].span,
        severity: 'warning',
        message: t(
          '“{0}”现行有效件数 {1} 与推算值不符：上年现行有效 {2} + 本年制发 {3} − 本年废止 {4} = {5}；请核对。',
          row.match!.row.name, format(effective), format(before), format(issued), format(repealed), format(expected),
        ),
        data: { expected: format(expected) },
      };
      report(finding);
    }
  },
};
