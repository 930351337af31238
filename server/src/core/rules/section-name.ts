import { t } from '../i18n';
import { quote } from './util';
import { NATIONAL_FORMATS, type Rule } from './types';

/** A heading matched through a variant seen in real reports, or a near miss: matched, but not the official name. */
export const sectionName: Rule = {
  id: 'section-name',
  severity: 'warning',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('章节标题应使用格式规定的名称');
  },
  fixes: 'all',
  check(doc, report) {
    for (const section of doc.sections) {
      if (!section.spec || !section.variant) continue;
      report({
        span: section.nameSpan,
        message: t('章节标题“{0}”不是规定名称；应为“{1}”。', quote(section.name), section.spec.name),
        fix: { title: t('改为“{0}”', section.spec.name), edits: [{ span: section.nameSpan, newText: section.spec.name }], safe: true },
      });
    }
  },
};
