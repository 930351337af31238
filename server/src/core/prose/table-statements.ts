import { officialTable } from '../tables/parts';
import type { Span, XxgkDocument } from '../ast';
import { equals, format } from '../text/decimal';
import { hasFullWidthDigit, toHalfWidthDigits } from '../text/normalize';
import { paragraphFigures, type Figure } from './figures';
import { categoryOf, RESULT_CATEGORIES, type Reading } from './requests-text';
import { clauseStart, splitSentences } from './sentences';
import { TableFigures } from './table-figures';
import { NodeCache } from '../node-cache';
import { t } from '../i18n';

/** `收到申请25件`: a count in 件 that restates a row of table 三 or 四. Offsets are the paragraph's. */
export interface CountStatement {
  readonly figure: Figure;
  readonly reading: Reading;
}

/** `予以公开13件，占54.17%`: a share printed right after a count. */
export interface PercentStatement {
  readonly percent: Figure;
  readonly count: Figure;
  readonly reading: Reading;
  /** The words between the count and the percentage (`，占`). */
  readonly between: string;
}

/** `均获维持` in a sentence about appeals; `start` is a document offset. */
export interface HeldStatement {
  readonly phrase: string;
  readonly start: number;
  /** Whether the sentence speaks of 复议, of 诉讼 (起诉), or both. */
  readonly review: boolean;
  readonly litigation: boolean;
}

export interface ParagraphStatements {
  /** Document offset of the paragraph, to which the figures' offsets are relative. */
  readonly base: number;
  readonly counts: readonly CountStatement[];
  readonly percents: readonly PercentStatement[];
  readonly held: readonly HeldStatement[];
}

/** What the prose says about the statistics tables, and the tables' figures to compare it with. */
export interface TableStatements {
  readonly tables: TableFigures;
  readonly paragraphs: readonly ParagraphStatements[];
}

const HELD = /(?:均|全部|都)(?:获|被|予以|予|为|得到)?维持/;
const YEAR = /(\d{4})\s?年/g;

/** Documents are immutable: the three prose-table rules read the sentences once between them. */
const cache = new NodeCache<XxgkDocument, TableStatements | null>('table statements');

/**
 * The statements of a 2019/2021 report's prose that restate tables 三 and 四: counts in 件 of requests, results,
 * 复议 and 诉讼, the percentages printed after them, and 均获维持. A figure is a statement only when its sentence is
 * about this year and about the table's subject (申请 and 信息公开, or it stands in section 五/六). Undefined when the
 * report has neither table.
 */
export function tableStatements(doc: XxgkDocument): TableStatements | undefined {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const requests = officialTable(doc, '依申请');
  const appeals = officialTable(doc, '复议诉讼');
  let result: TableStatements | null = null;
  if (requests || appeals) {
    const paragraphs: ParagraphStatements[] = [];
    doc.paragraphs.forEach((paragraph, k) => {
      // Only counts in 件 (and 均获维持) can restate the tables; 件 alone is no sign (文件, 事件), but without it
      // (or 维持) the paragraph's figures need not be read at all.
      if (!paragraph.text.includes('件') && !paragraph.text.includes('维持')) return;
      const figures = paragraphFigures(doc, k);
      if (!paragraph.text.includes('维持') && !figures.some((f) => f.unit === '件')) return;
      const found = readParagraph(doc, paragraph, figures);
      if (found.counts.length || found.held.length) paragraphs.push(found);
    });
    result = { tables: new TableFigures(requests, appeals), paragraphs };
  }
  cache.set(doc, result);
  return result ?? undefined;
}

function readParagraph(doc: XxgkDocument, paragraph: XxgkDocument['paragraphs'][number], figures: readonly Figure[]): ParagraphStatements {
  const text = paragraph.text;
  const base = paragraph.span.start;
  const section = doc.sections[paragraph.sectionIndex]?.spec?.id;
  const counts: CountStatement[] = [];
  const percents: PercentStatement[] = [];
  const held: HeldStatement[] = [];
  let fi = 0;
  for (const s of splitSentences(text, false)) {
    const inSentence: Figure[] = [];
    while (fi < figures.length && figures[fi].start < s.start) fi++;
    let hasCount = false;
    for (let j = fi; j < figures.length && figures[j].end <= s.end; j++) {
      inSentence.push(figures[j]);
      hasCount ||= figures[j].unit === '件';
    }
    // Only counts in 件 (and 均获维持) can restate the tables: most sentences are passed over here, cheaply.
    if (!hasCount) {
      const at = text.indexOf('维持', s.start);
      if (at < 0 || at + 2 > s.end) continue;
    }
    const sentence = text.slice(s.start, s.end);
    if (otherYear(sentence, doc.year)) continue;
    const aboutRequests = sentence.includes('申请') && (/信息公开|依申请/.test(sentence) || section === 'requests');
    const aboutResults = aboutRequests || section === 'requests';
    const aboutAppeals = /复议|诉讼/.test(sentence) && (sentence.includes('信息公开') || section === 'appeals');

    let previous: CountStatement | undefined;
    for (const f of inSentence) {
      if (f.unit === '%') {
        if (previous) percents.push({ percent: f, count: previous.figure, reading: previous.reading, between: text.slice(previous.figure.end, f.start) });
        previous = undefined;
        continue;
      }
      previous = undefined;
      const prefix = text.slice(clauseStart(text, f.start, s.start), f.start);
      const reading = categoryOf(prefix, f);
      if (!reading) continue;
      const c = reading.category;
      const relevant = c === 'review' || c === 'litigation' ? aboutAppeals : RESULT_CATEGORIES.has(c) ? aboutResults : aboutRequests;
      if (!relevant) continue;
      previous = { figure: f, reading };
      counts.push(previous);
    }

    const h = HELD.exec(sentence);
    if (h && aboutAppeals) {
      held.push({ phrase: h[0], start: base + s.start + h.index, review: sentence.includes('复议'), litigation: /诉讼|起诉/.test(sentence) });
    }
  }
  return { base, counts, percents, held };
}

/** Where the prose restates a table's figure as the table has it, for a cell: the prose's figure and its words. */
export interface Restatement {
  readonly span: Span;
  readonly message: string;
}

/**
 * The table cells, by their start, whose figure the prose restates as written (行政复议1件 beside a 复议 总计 of 1):
 * two places agree on it. Only a figure that is one cell: 诉讼 N 件 restates the sum of two totals, not either.
 */
export function restatedCells(doc: XxgkDocument): Map<number, Restatement> {
  const restated = new Map<number, Restatement>();
  const statements = tableStatements(doc);
  if (!statements) return restated;
  for (const { base, counts } of statements.paragraphs) {
    for (const { figure, reading } of counts) {
      const table = statements.tables.figure(reading.category);
      if (!table || table.cells.length !== 1 || !equals(figure.value, table.value)) continue;
      const span = { start: base + figure.start, end: base + figure.end };
      restated.set(table.cells[0].span.start, { span, message: t('正文：{0} {1} 件', reading.keyword, format(figure.value)) });
    }
  }
  return restated;
}

/** A sentence about another year (与2022年相比…) does not restate this year's table. */
function otherYear(sentence: string, year: number | undefined): boolean {
  if (year === undefined || !sentence.includes('年')) return false;
  const s = hasFullWidthDigit(sentence) ? toHalfWidthDigits(sentence) : sentence;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(s); m; m = YEAR.exec(s)) if (Number(m[1]) !== year) return true;
  return false;
}
