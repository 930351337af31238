import type { Heading, XxgkDocument } from '../ast';
import type { TopicSpec } from '../formats/types';
import { t } from '../i18n';
import { reportLevel } from '../report-level';
import { chineseNumeral } from '../text/normalize';
import { ownParagraphs, subheadings } from './section-text';
import type { Edit, Rule } from './types';
import { insertLines, quote } from './util';

const covers = (topic: TopicSpec, text: string) => topic.words.some((w) => text.includes(w));

/** The `###` heading a fix inserts for a topic: numbered by its place in the official list (（三）政府信息管理). */
const headingText = (topic: TopicSpec, topics: readonly TopicSpec[]) => `### （${chineseNumeral(topics.indexOf(topic) + 1)}）${topic.name}`;

/**
 * Inserts the missing topics' headings in the official order: each before the heading of the first later topic the
 * section has, or else at the end of the section.
 */
function insertHeadings(doc: XxgkDocument, sectionEnd: number, topics: readonly TopicSpec[], missing: readonly TopicSpec[], headings: readonly Heading[]): Edit[] {
  const byOffset = new Map<number, string>();
  for (const topic of missing) {
    const later = topics.slice(topics.indexOf(topic) + 1).filter((other) => !missing.includes(other));
    const next = headings.find((h) => later.some((other) => covers(other, h.text)));
    const at = next ? next.span.start : sectionEnd;
    byOffset.set(at, `${byOffset.get(at) ?? ''}${headingText(topic, topics)}\n\n`);
  }
  return [...byOffset].map(([at, text]) => insertLines(doc, at, text));
}

/**
 * 2021 一、总体情况 covers 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障 (a government's report
 * also 工作考核、社会评议和责任追究结果): a topic neither a heading nor a paragraph speaks of is a hint, one per section.
 */
export const overviewTopics: Rule = {
  id: 'overview-topics',
  severity: 'hint',
  formats: (format) => format.sections.some((s) => s.content?.topics?.length),
  get description() {
    return t('“总体情况”应涵盖格式列出的各方面（主动公开、依申请公开、政府信息管理、平台建设、监督保障等）');
  },
  fixes: 'all',
  check(doc, report) {
    const government = reportLevel(doc).level === 'government';
    doc.sections.forEach((section, k) => {
      const all = section.spec?.content?.topics;
      if (!all?.length) return;
      const paragraphs = ownParagraphs(doc, k);
      const headings = subheadings(doc, k);
      // A section with no text of its own is thin-section's to report.
      if (!paragraphs.length && !headings.length) return;
      const topics = all.filter((topic) => government || !topic.governmentOnly);
      const text = [...headings.map((h) => h.text), ...paragraphs.map((p) => p.text)].join('\n');
      const missing = topics.filter((topic) => !covers(topic, text));
      if (!missing.length) return;
      const names = missing.map((topic) => topic.name).join('、');
      report({
        span: section.heading.span,
        message: t(
          '“{0}”没有写到{1}（既没有这方面的小标题，也没有段落说到）；{2} 格式要求总体情况涵盖{3}。',
          quote(section.name), names, doc.format, topics.map((topic) => topic.name).join('、'),
        ),
        fix: { title: t('插入缺少的小标题：{0}', names), edits: insertHeadings(doc, section.span.end, topics, missing, headings) },
        data: { missing: missing.map((topic) => topic.id) },
      });
    });
  },
};
