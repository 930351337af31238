import { t } from '../i18n';
import { hasTable, isGuidance, sectionParagraphs } from './section-text';
import { ALL_FORMATS, type Rule } from './types';
import { quote } from './util';

/**
 * A required section that says nothing: only its heading, or only the guidance a template or skeleton printed there
 * (assessments mark it 内容不翔实). Sections whose content is a table are left to missing-table and the table rules.
 */
export const thinSection: Rule = {
  id: 'thin-section',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('规定的章节不能只有标题或只有模板中的说明文字');
  },
  fixes: 'none',
  check(doc, report) {
    doc.sections.forEach((section, k) => {
      const spec = section.spec;
      if (!spec?.required || spec.tables?.length || hasTable(doc, k)) return;
      const paragraphs = sectionParagraphs(doc, k);
      if (paragraphs.some((p) => !isGuidance(p.text))) return;
      const name = quote(section.name);
      report({
        span: section.heading.span,
        message: paragraphs.length
          ? t('“{0}”一节只有模板中的说明文字（“{1}”），没有写本机关本年度的实际情况；请改写为具体内容。', name, quote(paragraphs[0].text.trim()))
          : t('“{0}”一节只有标题，没有正文；请写明本机关本年度的实际情况。格式要求：{1}', name, spec.requires),
        related: paragraphs.map((p) => ({ span: p.span, message: t('模板中的说明文字') })),
        data: { section: spec.id, guidance: paragraphs.length > 0 },
      });
    });
  },
};
