import { formatSpec } from '../formats/index';
import { t } from '../i18n';
import { reportDefaults, reportText } from '../report-skeleton';
import { sectionText } from '../skeleton';
import { ALL_FORMATS, type Rule } from './types';
import { documentAnchor } from './util';
import { matchSection, runInTitle } from '../parser/sections';
import type { XxgkDocument } from '../ast';

export const missingSection: Rule = {
  id: 'missing-section',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('格式要求的章节必须齐全');
  },
  fixes: 'all',
  check(doc, report, context) {
    const legacy = formatSpec(doc.format).kind === 'legacy';
    if (doc.text.trim() === '' && !legacy) {
      // A new, blank file: one note with the whole skeleton as its fix, not a wall of six errors. The skeleton is
      // inserted before whatever blank lines there are (a fix never replaces a line break).
      const format = doc.format;
      const text = reportText(format, reportDefaults(format, context.today ? new Date(`${context.today}T12:00:00`) : new Date()));
      report({
        span: { start: 0, end: 0 },
        severity: 'info',
        message: t('报告还是空白的：可插入{0}格式年报的整篇骨架（前置元数据、六个部分及其统计表），或按顺序写出六个部分。', format),
        fix: { title: t('插入整篇年报骨架（{0} 格式）', format), edits: [{ span: { start: 0, end: 0 }, newText: text }] },
        data: { blank: true },
      });
      return;
    }
    const specs = formatSpec(doc.format).sections;
    const present = new Set(doc.sections.map((s) => s.spec?.id).filter(Boolean));
    if (legacy) for (const topic of legacyTopicsBelow(doc)) present.add(topic);
    specs.forEach((spec, index) => {
      if (!spec.required || present.has(spec.id)) return;
      // Insert before the first later official section that is present, else at the end.
      const next = doc.sections.find((s) => s.spec && specs.indexOf(s.spec) > index);
      const at = next ? next.span.start : doc.text.length;
      const lead = at === doc.text.length && !/[\r\n]$/.test(doc.text) ? '\n\n' : at === doc.text.length ? '\n' : '';
      const heading = spec.numeral ? `${spec.numeral}、${spec.name}` : spec.name;
      report({
        span: next ? next.heading.span : documentAnchor(doc),
        severity: legacy ? 'warning' : undefined,
        message:
          legacy
            ? t('缺少“{0}”方面的内容（旧版条例第三十二条要求报告）；请增加相应章节。', spec.name)
            : t('缺少第{0}部分“{1}”（{2}要求）；请在此处增加“## {3}”。', spec.numeral, spec.name, formatSpec(doc.format).source, heading),
        fix: {
          title: t('插入“{0}”章节', heading),
          edits: [{ span: { start: at, end: at }, newText: `${lead}${sectionText(spec, doc.format)}\n\n` }],
        },
        data: { section: spec.id },
      });
    });
  },
};

/**
 * Legacy topics reported under another section: by a `###` heading, or by a numbered paragraph that opens with its
 * title (`（二）主动公开政府信息情况。…` under `一、基本概况`). The content is there; only its heading is not a `##` one.
 */
function legacyTopicsBelow(doc: XxgkDocument): Set<string> {
  const topics = new Set<string>();
  const add = (title: string | undefined) => {
    const id = title ? matchSection(title, doc.format).spec?.id : undefined;
    if (id) topics.add(id);
  };
  for (const heading of doc.headings) if (heading.level >= 3) add(heading.text);
  for (const paragraph of doc.paragraphs) if (paragraph.sectionIndex >= 0) add(runInTitle(paragraph.text));
  return topics;
}
