import { t } from '../i18n';
import { quote } from './util';
import { NATIONAL_FORMATS, type Rule } from './types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('同一章节不得重复出现');
  },
  fixes: 'none',
  check(doc, report) {
    const first = new Map<string, (typeof doc.sections)[number]>();
    for (const section of doc.sections) {
      if (!section.spec) continue;
      const earlier = first.get(section.spec.id);
      if (!earlier) {
        first.set(section.spec.id, section);
        continue;
      }
      report({
        span: section.heading.textSpan,
        message: t('章节“{0}”重复出现（第一次在前文“{1}”）；请合并为一个章节。', section.spec.name, quote(earlier.heading.text)),
        related: [{ span: earlier.heading.textSpan, message: t('第一次出现') }],
      });
    }
  },
};
