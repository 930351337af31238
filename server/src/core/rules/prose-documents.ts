import { officialTable } from '../tables/parts';
import type { Span } from '../ast';
import { reportsDocumentCounts, tableSpec } from '../formats/index';
import { t } from '../i18n';
import { paragraphFigures } from '../prose/figures';
import { clauseStart, splitSentences } from '../prose/sentences';
import { cellFigure } from '../tables/cell-figure';
import { cellAt, rowsById } from '../tables/grid';
import { equals, format } from '../text/decimal';
import type { Rule } from './types';

/** The document kinds of table 二's first block, as prose names them (the longer name first: 行政规范性文件 ⊃ 规范性文件). */
const KINDS: ReadonlyArray<{ readonly row: string; readonly words: RegExp }> = [
  { row: 'regulations', words: /规章/g },
  { row: 'normativeDocs', words: /规范性文件/g },
];

/** What a clause says of the documents, each the column it is reported in. */
const ACTIONS: ReadonlyArray<{ readonly column: string; readonly words: RegExp }> = [
  { column: 'effective', words: /现行有效/ },
  { column: 'repealed', words: /废止|宣布失效/ },
  { column: 'issued', words: /制发|印发|出台|制定/ },
];

/** A clause about another time (年初现行有效20件, 上年制发) or another body is not this year's figure. */
const ANOTHER_TIME = /年初|上年|去年|上一年|此前|以前|原有|累计|历年|同比|较|比上年|增加|减少|其中/;
/**
 * A clause about publishing or sorting documents (清理并集中发布现行有效行政规范性文件393件, 规范性文件库收录…) counts
 * what was published or kept in a library, which need not be the table's figure.
 */
const ANOTHER_COUNT = /清理|集中|发布|公开|公布|梳理|汇编|收录|入库|库|解读|备案|审查|审核|评估/;

/**
 * Table 二 in prose (2021): `本年度制发行政规范性文件5件，废止2件，截至年底现行有效23件` against the 规章 and
 * 行政规范性文件 rows. A figure counts only when its own clause names the action and the sentence (up to it) names
 * the kind of document; a clause about another time is passed over, since a false alarm costs more than a miss.
 */
export const proseDocuments: Rule = {
  id: 'prose-documents',
  severity: 'warning',
  formats: reportsDocumentCounts,
  get description() {
    return t('正文中规章、行政规范性文件的制发、废止、现行有效件数应与统计表一致');
  },
  fixes: 'all',
  check(doc, report) {
    const table = officialTable(doc, '主动公开');
    const spec = tableSpec(doc.format, '主动公开');
    if (!table || !spec) return;
    const rows = rowsById(table);
    doc.paragraphs.forEach((paragraph, k) => {
      const text = paragraph.text;
      if (!text.includes('规章') && !text.includes('规范性文件')) return;
      const figures = paragraphFigures(doc, k).filter((f) => f.unit === '件' && !f.approximate && !f.ordinal);
      if (figures.length === 0) return;
      for (const sentence of splitSentences(text)) {
        const mentions = KINDS.flatMap((kind) => [...text.slice(sentence.start, sentence.end).matchAll(kind.words)].map((m) => ({ row: kind.row, at: sentence.start + m.index })));
        if (mentions.length === 0) continue;
        for (const figure of figures) {
          if (figure.start < sentence.start || figure.end > sentence.end) continue;
          const kind = mentions.filter((m) => m.at < figure.start).sort((a, b) => b.at - a.at)[0];
          if (!kind) continue;
          const clause = text.slice(clauseStart(text, figure.start, sentence.start), figure.start);
          if (ANOTHER_TIME.test(clause) || ANOTHER_COUNT.test(clause)) continue;
          const actions = ACTIONS.filter((a) => a.words.test(clause));
          if (actions.length !== 1) continue;
          const row = rows.get(kind.row);
          const rowSpec = spec.rows.find((r) => r.id === kind.row);
          const columns = rowSpec?.columns ?? spec.columns;
          const column = columns.findIndex((c) => c.id === actions[0].column);
          const cell = cellAt(row, column);
          const value = cellFigure(cell);
          if (!row || !rowSpec || column < 0 || !cell || value === undefined || equals(value, figure.value)) continue;
          const span: Span = { start: paragraph.span.start + figure.start, end: paragraph.span.start + figure.end };
          const expected = `${format(value)}件`;
          const label = columns[column].label;
          report({
            span,
            message: t('正文称{0}{1} {2} 件，但统计表中“{0}”的“{1}”为 {3}；请核对正文或表格。', rowSpec.name, label, format(figure.value), format(value)),
            related: [{ span: cell.span, message: t('统计表：{0}', `${rowSpec.name} · ${label} ${format(value)}`) }],
            fix: { title: t('改为 {0} 件（与表格一致）', format(value)), edits: [{ span, newText: expected }] },
            data: { expected },
          });
        }
      }
    });
  },
};
