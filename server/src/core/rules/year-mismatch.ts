import type { Span, XxgkDocument } from '../ast';
import { t } from '../i18n';
import { findPeriods, periodYears } from '../prose/period';
import { toHalfWidthDigits } from '../text/normalize';
import { ALL_FORMATS, type Rule } from './types';

interface Witness {
  readonly year: number;
  readonly span: Span;
}

function titleYear(doc: XxgkDocument): Witness | undefined {
  const title = doc.title;
  if (!title) return undefined;
  const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidthDigits(title.text));
  if (!m) return undefined;
  const start = title.textSpan.start + m.index;
  return { year: Number(m[1]), span: { start, end: start + 4 } };
}

function frontMatterYear(doc: XxgkDocument): Witness | undefined {
  const entry = doc.frontMatter?.entries.find((e) => e.canonical === 'year');
  if (!entry) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML list such as [2023] reads as its text
  const m = /^\s*(\d{4})/.exec(toHalfWidthDigits(String(entry.value ?? '')));
  return m ? { year: Number(m[1]), span: entry.valueSpan } : undefined;
}

/** The first year written in a statistics period. */
function periodYear(doc: XxgkDocument): Witness | undefined {
  for (const p of findPeriods(doc)) {
    const years = periodYears(p);
    if (years.length > 0) return years[0];
  }
  return undefined;
}

/** A paragraph of 一、总体情况 opening on another year (`2022年，本局…`): a sign of last year's text copied over. */
const OPENING_YEAR = /^\s*((?:19|20)\d{2})年度?[，,]/;

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('标题、前置元数据“年度”与统计期限的年份必须一致');
  },
  fixes: 'all',
  check(doc, report) {
    const title = titleYear(doc);
    const declared = frontMatterYear(doc);
    const stats = periodYear(doc);

    if (title && declared && title.year !== declared.year) {
      if (stats && stats.year === title.year) {
        // Title and period agree: the front matter is the odd one out.
        report({
          span: declared.span,
          message: t('前置元数据“年度: {0}”与标题和统计期限的年份 {1} 不一致；请核对报告年度。', declared.year, title.year),
          fix: { title: t('改为 {0}', title.year), edits: [{ span: declared.span, newText: String(title.year) }] },
          data: { expected: String(title.year), actual: String(declared.year) },
        });
        return;
      }
      report({
        span: title.span,
        message: t('标题中的年份 {0} 与前置元数据“年度: {1}”不一致；请统一为报告所属年度。', title.year, declared.year),
        fix: { title: t('改为 {0}', declared.year), edits: [{ span: title.span, newText: String(declared.year) }] },
        related: [{ span: declared.span, message: t('年度: {0}', declared.year) }],
        data: { expected: String(declared.year), actual: String(title.year) },
      });
    }

    const reference = declared ?? title;
    if (stats && reference && stats.year !== reference.year) {
      report({
        span: stats.span,
        message: t(
          '统计期限中的年份 {0} 与报告年度 {1}（{2}）不一致；请改为 {1}。',
          stats.year, reference.year, reference === declared ? t('前置元数据') : t('标题'),
        ),
        fix: { title: t('改为 {0}', reference.year), edits: [{ span: stats.span, newText: String(reference.year) }] },
        related: [{ span: reference.span, message: t('报告年度 {0}', reference.year) }],
        data: { expected: String(reference.year), actual: String(stats.year) },
      });
    }

    // Copied-from-last-year prose: warn only on the plainest shape, a paragraph of section 一 opening on an earlier year.
    const year = doc.year;
    if (year === undefined) return;
    doc.sections.forEach((section, k) => {
      if (section.spec?.id !== 'overview') return;
      for (const paragraph of doc.paragraphs) {
        if (paragraph.sectionIndex !== k) continue;
        const m = OPENING_YEAR.exec(toHalfWidthDigits(paragraph.text.slice(0, 16)));
        if (!m || Number(m[1]) >= year) continue;
        const start = paragraph.span.start + m.index + m[0].indexOf(m[1]);
        report({
          span: { start, end: start + 4 },
          severity: 'warning',
          message: t('“总体情况”的段落以“{0}年”开头，但报告年度是 {1} 年；是否沿用了往年的文字？请核对。', m[1], year),
          fix: { title: t('改为 {0}', year), edits: [{ span: { start, end: start + 4 }, newText: String(year) }] },
          data: { expected: String(year), actual: m[1] },
        });
      }
    });
  },
};
