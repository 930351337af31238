import { t } from '../i18n';
import { quote, shownLabel } from './util';
import { NATIONAL_FORMATS, type Rule } from './types';

/** A row recognised despite a typo in its label (只计这一情况 for 情形): the published table should carry the official text. */
export const rowLabel: Rule = {
  id: 'row-label',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('行标签应与规定文字一致（识别到错别字时提示）');
  },
  fixes: 'all',
  check(doc, report) {
    for (const table of doc.tables) {
      for (const row of table.rows) {
        if (row.match?.how !== 'fuzzy') continue;
        const official = row.match.row.label;
        const label = shownLabel(row.label);
        report({
          span: label.span,
          message: t('行标签“{0}”与规定文字不一致，已按“{1}”识别；请改为规定文字。', quote(label.text), official),
          fix: { title: t('改为“{0}”', official), edits: [{ span: label.span, newText: official }], safe: true },
        });
      }
    }
  },
};
