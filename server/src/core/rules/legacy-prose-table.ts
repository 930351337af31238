import { t } from '../i18n';
import { legacyStatements } from '../prose/legacy-requests';
import { cellFigure } from '../tables/cell-figure';
import { legacyFigures } from '../tables/legacy-rows';
import { equals, format } from '../text/decimal';
import type { Rule } from './types';

/**
 * Legacy reports (before 2019): what the prose says of the 政府信息公开申请 (how many, by which channel), of the
 * answers (how many, 同意公开 / 部分公开 / 不予公开) and of the 行政复议 / 行政诉讼, against the this-year column of
 * the 附表. Only plain statements are read (prose/legacy-requests.ts) and only rows that name one count
 * (tables/legacy-rows.ts): where either is not plain, nothing is said.
 */
export const legacyProseTable: Rule = {
  id: 'legacy-prose-table',
  severity: 'warning',
  formats: 'legacy',
  get description() {
    return t('旧格式年报正文中的申请、答复、复议诉讼数应与附表本年数一致');
  },
  fixes: 'some',
  check(doc, report) {
    if (!doc.tables.some((x) => x.kind === '附表')) return;
    const table = legacyFigures(doc);
    if (table.size === 0) return;
    for (const said of legacyStatements(doc)) {
      const row = table.get(said.measure);
      const value = cellFigure(row?.cell);
      if (!row || value === undefined || equals(value, said.value)) continue;
      const related = [{ span: row.cell.span, message: t('附表：{0} 本年 {1}', row.label, format(value)) }];
      if (!said.figure) {
        report({
          span: said.span,
          message: t('正文称没有{0}，但附表中“{1}”本年为 {2}；请核对正文或附表。', noun(said.measure), row.label, format(value)),
          related,
        });
        continue;
      }
      const expected = `${format(value)}${said.figure.unit}`;
      report({
        span: said.span,
        message: t('正文称{0} {1}，但附表中“{2}”本年为 {3}；请核对正文或附表。', noun(said.measure), `${format(said.value)}${said.figure.unit}`, row.label, format(value)),
        related,
        fix: { title: t('改为 {0}（与附表一致）', expected), edits: [{ span: said.span, newText: expected }] },
        data: { expected },
      });
    }
  },
};

/** How the message names what the prose counted. */
function noun(measure: string): string {
  switch (measure) {
    case 'requests': return t('收到政府信息公开申请');
    case 'inPerson': return t('当面申请');
    case 'fax': return t('传真申请');
    case 'email': return t('电子邮件申请');
    case 'online': return t('网上申请');
    case 'letter': return t('信函申请');
    case 'otherChannel': return t('其他形式申请');
    case 'replies': return t('答复申请');
    case 'replyOpen': return t('同意公开');
    case 'replyPartial': return t('同意部分公开');
    case 'replyRefuse': return t('不予公开');
    case 'review': return t('政府信息公开行政复议');
    default: return t('政府信息公开行政诉讼');
  }
}
