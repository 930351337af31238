import { t } from '../i18n';
import { quote } from './util';
import { chineseNumeralValue } from '../text/normalize';
import { NATIONAL_FORMATS, type Rule } from './types';

export const sectionNumbering: Rule = {
  id: 'section-numbering',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('章节编号应为规范的“一、二、三、”格式并与规定序号一致');
  },
  fixes: 'all',
  check(doc, report) {
    for (const section of doc.sections) {
      const spec = section.spec;
      if (!spec) continue;
      const expected = `${spec.numeral}、`;
      if (section.numbering === expected) continue;
      const numeral = section.numbering.replace(/[、.．:：]$/, '');
      const wrongNumber = section.numberingStyle === 'official' && chineseNumeralValue(numeral) !== chineseNumeralValue(spec.numeral);
      const message =
        section.numberingStyle === 'none'
          ? t('章节“{0}”缺少编号；应写作“{1}{0}”。', quote(section.name), expected)
          : wrongNumber
            ? t('章节“{0}”的编号“{1}”与规定序号不符；应为“{2}”。', quote(section.name), quote(section.numbering), expected)
            : t('章节编号“{0}”不是规范格式；应写作“{1}”。', quote(section.numbering), expected);
      const span = section.numbering ? section.numberingSpan : section.nameSpan;
      report({
        span,
        message,
        fix: {
          title: t('改为“{0}”', expected),
          edits: [{ span: section.numbering ? section.numberingSpan : { start: span.start, end: span.start }, newText: expected }],
          safe: true,
        },
      });
    }
  },
};
