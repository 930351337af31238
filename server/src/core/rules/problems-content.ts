import type { Section, XxgkDocument } from '../ast';
import { DEALT_WITH, DENIED_PROBLEM, LAST_YEAR, MEASURES_START, NOTHING_TO_REPORT, PROBLEM_WORDS } from '../formats/content';
import { t } from '../i18n';
import { splitSentences } from '../prose/sentences';
import { ownParagraphs, squeeze, subheadings } from './section-text';
import { ALL_FORMATS, type Finding, type Rule } from './types';
import { quote } from './util';
import { NodeCache } from '../node-cache';

/** Whether a sentence names a problem (有待加强, 不够及时), not counting a denied one (未发现问题). */
export function namesProblem(sentence: string): boolean {
  const rest = sentence.replace(DENIED_PROBLEM, '');
  return PROBLEM_WORDS.some((w) => rest.includes(w));
}

function sentencesOf(texts: readonly string[]): string[] {
  return texts.flatMap((text) => splitSentences(text).map((r) => text.slice(r.start, r.end)));
}

/** Whether a sentence speaks of last year's problems and what became of them (上年度指出的…问题，已整改到位). */
function reportsLastYear(sentence: string, year: number | undefined): boolean {
  const lastYear = LAST_YEAR.test(sentence) || (year !== undefined && sentence.includes(`${year - 1}年`));
  return lastYear && DEALT_WITH.test(sentence);
}

/** A clause that only announces problems (存在以下问题, 取得了一定成绩，但还存在一些不足) rather than naming one. */
const ANNOUNCES = /以下|如下|取得|一些问题|一些不足|几个方面|存在的?(?:主要)?问题$|问题和不足$|不足之处$/;
const SHOWN = 3;
/** Where one listed problem ends and the next begins: a sentence or ；, a list's 一是/二是, an example's “，如”. */
const LIST_BREAK = /[。；;！？!?\n]|[一二三四五六七八九十]是|[，,]如(?![期实何此])[：:]?/;

const EDGE = new Set([' ', '\t', '\u3000', '，', ',', '、']);
/** Without spaces and commas at either end (a loop: a regular expression anchored at the end is quadratic on a long run). */
function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE.has(text[start])) start++;
  while (end > start && EDGE.has(text[end - 1])) end--;
  return text.slice(start, end);
}

/**
 * The problems last year's section 五 listed: its clauses that name a problem (after a list's 一是/二是 and any
 * lead-in up to a colon), until the measures begin. Approximate: it only serves to remind the author what to report on.
 */
export function listedProblems(previous: XxgkDocument): readonly string[] {
  let found = listedOf.get(previous);
  if (!found) listedOf.set(previous, (found = readListedProblems(previous)));
  return found;
}

/** Last year's report is read once, however many 五 sections this year's has. */
const listedOf = new NodeCache<XxgkDocument, readonly string[]>('listed problems');

function readListedProblems(previous: XxgkDocument): string[] {
  const k = previous.sections.findIndex((s) => s.spec?.id === 'problems');
  if (k < 0) return [];
  const found: string[] = [];
  for (const paragraph of ownParagraphs(previous, k)) {
    for (const piece of paragraph.text.split(LIST_BREAK)) {
      if (MEASURES_START.test(piece)) return found;
      const clause = trimPunctuation(piece.slice(Math.max(piece.lastIndexOf('：'), piece.lastIndexOf(':')) + 1));
      if (clause.length < 4 || ANNOUNCES.test(clause) || !namesProblem(clause)) continue;
      found.push(clause);
      if (found.length === SHOWN) return found;
    }
  }
  return found;
}

function checkSection(doc: XxgkDocument, section: Section, k: number, previous: XxgkDocument | undefined, report: (f: Finding) => void): void {
  // A section with no text of its own (only its heading, or the template's guidance) is thin-section's to report.
  const paragraphs = ownParagraphs(doc, k).map((p) => p.text);
  if (!paragraphs.length) return;
  const name = quote(section.name);
  const body = paragraphs.join('\n');
  const squeezed = body.length < 100 ? squeeze(body) : '';
  if (squeezed && NOTHING_TO_REPORT.test(squeezed)) {
    report({
      span: section.heading.span,
      message: t('“{0}”只写了“{1}”；考核视为敷衍，应如实写明本年度工作中存在的主要问题和改进措施。', name, quote(body.trim())),
      data: { reason: 'nothing' },
    });
    return;
  }
  const sentences = sentencesOf(paragraphs);
  if (sentences.length <= 2 && !sentences.some(namesProblem)) {
    report({
      span: section.heading.span,
      message: t('“{0}”没有写出具体问题（“{1}”）；应如实写明本年度工作中存在的主要问题和相应的改进措施。', name, quote(body.trim())),
      data: { reason: 'no-problem' },
    });
    return;
  }
  if (!section.spec?.content?.lastYearProgress) return;
  const withHeadings = [...subheadings(doc, k).map((h) => h.text), ...paragraphs];
  if (sentencesOf(withHeadings).some((s) => reportsLastYear(s, doc.year))) return;
  const listed = previous ? listedProblems(previous) : [];
  report({
    span: section.heading.span,
    severity: 'hint',
    message: listed.length
      ? t('“{0}”没有说明上一年度问题的改进情况；{1} 年报告列出的问题有：{2}。{3} 格式要求报告这些问题的整改情况。', name, previous?.year ?? t('上一年度'), listed.map((p) => `“${quote(p, 30)}”`).join('、'), doc.format)
      : t('“{0}”没有说明上一年度问题的改进情况；{1} 格式要求报告上年度报告所列问题的整改情况（如“上一年度指出的……问题，已……整改到位”）。', name, doc.format),
    data: { reason: 'last-year', listed },
  });
}

/** Section 五 must name the problems and the improvements (not just 无); the 2021 format also last year's progress. */
export const problemsContent: Rule = {
  id: 'problems-content',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('“存在的主要问题及改进情况”应写出具体问题和改进措施（2021 格式还应报告上年度问题的改进情况）');
  },
  fixes: 'none',
  check(doc, report, context) {
    doc.sections.forEach((section, k) => {
      if (section.spec?.id === 'problems') checkSection(doc, section, k, context.previousYear, report);
    });
  },
};
