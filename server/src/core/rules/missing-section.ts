import { FORMATS } from '../formats/index';
import { t } from '../i18n';
import { sectionText } from '../skeleton';
import { ALL_FORMATS, type Rule } from './types';
import { documentAnchor } from './util';

export const missingSection: Rule = {
  id: 'missing-section',
  severity: 'error',
  formats: ALL_FORMATS,
  description: '格式要求的章节必须齐全',
  check(doc, report) {
    const specs = FORMATS[doc.format].sections;
    const present = new Set(doc.sections.map((s) => s.spec?.id).filter(Boolean));
    specs.forEach((spec, index) => {
      if (!spec.required || present.has(spec.id)) return;
      // Insert before the first later official section that is present, else at the end.
      const next = doc.sections.find((s) => s.spec && specs.indexOf(s.spec) > index);
      const at = next ? next.span.start : doc.text.length;
      const lead = at === doc.text.length && !doc.text.endsWith('\n') ? '\n\n' : at === doc.text.length ? '\n' : '';
      const heading = spec.numeral ? `${spec.numeral}、${spec.name}` : spec.name;
      report({
        span: next ? next.heading.span : documentAnchor(doc),
        severity: doc.format === 'legacy' ? 'warning' : undefined,
        message:
          doc.format === 'legacy'
            ? t('缺少“{0}”方面的内容（旧版条例第三十二条要求报告）；请增加相应章节。', spec.name)
            : t('缺少第{0}部分“{1}”（{2}要求）；请在此处增加“## {3}”。', spec.numeral, spec.name, FORMATS[doc.format].source, heading),
        fix: {
          title: t('插入“{0}”章节', heading),
          edits: [{ span: { start: at, end: at }, newText: `${lead}${sectionText(spec, doc.format)}\n\n` }],
        },
        data: { section: spec.id },
      });
    });
  },
};
