import { formatSpec } from '../formats/index';
import { quote } from './util';
import { t } from '../i18n';
import { NATIONAL_FORMATS, type Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section-order',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('章节须按格式规定的顺序排列');
  },
  fixes: 'none',
  check(doc, report) {
    const specs = formatSpec(doc.format).sections;
    let latest: { index: number; name: string } | undefined;
    for (const section of doc.sections) {
      if (!section.spec) continue;
      const index = specs.indexOf(section.spec);
      if (latest && index < latest.index) {
        report({
          span: section.heading.textSpan,
          message: t('“{0}”应排在“{1}”之前；规定顺序为 一、总体情况 至 六、其他需要报告的事项。', section.spec.name, quote(latest.name)),
        });
      } else {
        latest = { index, name: section.spec.name };
      }
    }
  },
};
