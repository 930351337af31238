import { t } from '../i18n';
import { tableStatements } from '../prose/table-statements';
import { equals, format } from '../text/decimal';
import { NATIONAL_FORMATS, type Rule } from './types';

/** 2019/2021 reports restate table figures in prose; a count that contradicts its table misinforms the reader. */
export const proseTableCount: Rule = {
  id: 'prose-table-count',
  formerId: 'prose-table',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('正文中的申请、办理结果、复议、诉讼件数应与统计表一致');
  },
  fixes: 'some',
  check(doc, report) {
    const statements = tableStatements(doc);
    if (!statements) return;
    const { tables } = statements;
    for (const { base, counts } of statements.paragraphs) {
      for (const { figure: f, reading } of counts) {
        const expected = tables.figure(reading.category);
        if (!expected || equals(f.value, expected.value)) continue;
        // 办理 N 件 often counts 新收 + 上年结转 (all requests handled), which is not an error.
        const received = reading.keyword.startsWith('办理') ? tables.figure('received') : undefined;
        if (received && equals(f.value, received.value)) continue;
        const value = format(f.value);
        const tableValue = format(expected.value);
        report({
          span: { start: base + f.start, end: base + f.end },
          message: t('正文称{0} {1} 件，但统计表“{2}”的总计为 {3} 件；请核对正文或表格。', reading.keyword, value, expected.label, tableValue),
          related: expected.cells,
          fix: f.chinese ? undefined : { title: t('改为 {0} 件（与表格一致）', tableValue), edits: [{ span: { start: base + f.start, end: base + f.numberEnd }, newText: tableValue }] },
          data: { expected: tableValue, actual: value },
        });
      }
    }
  },
};
