import type { Span, StandardTable, XxgkDocument } from '../ast';
import { t } from '../i18n';
import { paragraphFigures, type Figure } from '../prose/figures';
import { categoryOf, RESULT_CATEGORIES, type ProseCategory, type Reading } from '../prose/requests-text';
import { clauseStart, splitSentences } from '../prose/sentences';
import { cellFigure } from '../tables/cell-figure';
import { cellAt, rowsById } from '../tables/grid';
import { rowFigure } from '../tables/row-figure';
import { add, equals, format, type Decimal } from '../text/decimal';
import { hasFullWidthDigit, toHalfWidthDigits } from '../text/normalize';
import { NATIONAL_FORMATS, type Rule } from './types';

/** A figure of the tables, with the cells it comes from. */
interface TableFigure {
  readonly value: Decimal;
  /** How the table row is called in messages. */
  readonly label: string;
  readonly cells: ReadonlyArray<{ span: Span; message: string }>;
}

/**
 * 总计 column of an official row, read as the sums read it (rowFigure): a group (不予公开…) is the sum of its filled
 * items, else its own figure. Only a filled figure is compared with the prose: a blank row says nothing.
 */
function rowTotal(table: StandardTable | undefined, id: string): TableFigure | undefined {
  const spec = table?.spec;
  if (!table || !spec) return undefined;
  const column = spec.columns.findIndex((c) => c.id === 'total');
  if (column < 0) return undefined;
  const figure = rowFigure(spec, rowsById(table), id, column);
  if (!figure || figure.blank) return undefined;
  const cells = figure.cells.map((c) => ({ span: c.cell.span, message: `${c.row.label} ${format(c.value)}` }));
  return { value: figure.value, label: figure.row.label, cells };
}

function sumOf(a: TableFigure | undefined, b: TableFigure | undefined, label: string): TableFigure | undefined {
  return a && b ? { value: add(a.value, b.value), label, cells: [...a.cells, ...b.cells] } : undefined;
}

class Tables {
  private readonly cache = new Map<string, TableFigure | undefined>();
  constructor(
    private readonly requests: StandardTable | undefined,
    private readonly appeals: StandardTable | undefined,
  ) {}

  figure(category: ProseCategory | 'received'): TableFigure | undefined {
    if (this.cache.has(category)) return this.cache.get(category);
    const value =
      category === 'review'
        ? rowTotal(this.appeals, 'review')
        : category === 'litigation'
          ? sumOf(rowTotal(this.appeals, 'direct'), rowTotal(this.appeals, 'afterReview'), t('行政诉讼（未经复议直接起诉 + 复议后起诉）'))
          : category === 'received'
            ? sumOf(rowTotal(this.requests, 'new'), rowTotal(this.requests, 'carried'), t('一 + 二'))
            : rowTotal(this.requests, category);
    this.cache.set(category, value);
    return value;
  }
}

const HELD = /(?:均|全部|都)(?:获|被|予以|予|为|得到)?维持/;
const PERCENT_LEAD = /^\s?[，,（(、]?\s?占(?:比为?|总数的?|总量的?|办结总数的?|全部申请的?)?\s?$/;
const YEAR = /(\d{4})\s?年/g;

/** 2019/2021 reports restate table figures in prose; a figure that contradicts its table misinforms the reader. */
export const proseTable: Rule = {
  id: 'prose-table',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  description: '正文中的申请、复议、诉讼数字应与统计表一致',
  check(doc, report) {
    const requests = doc.tables.find((x) => x.kind === '依申请' && x.spec);
    const appeals = doc.tables.find((x) => x.kind === '复议诉讼' && x.spec);
    if (!requests && !appeals) return;
    const tables = new Tables(requests, appeals);
    doc.paragraphs.forEach((paragraph, k) => {
      // Only counts in 件 (and 均获维持) can restate the tables; 件 alone is no sign (文件, 事件).
      const figures = paragraphFigures(doc, k);
      if (!paragraph.text.includes('维持') && !figures.some((f) => f.unit === '件')) return;
      checkParagraph(doc, paragraph, figures, tables, report);
    });
  },
};

function checkParagraph(
  doc: XxgkDocument,
  paragraph: XxgkDocument['paragraphs'][number],
  figures: readonly Figure[],
  tables: Tables,
  report: Parameters<Rule['check']>[1],
) {
  const text = paragraph.text;
  const base = paragraph.span.start;
  const section = doc.sections[paragraph.sectionIndex]?.spec?.id;
  let fi = 0;
  for (const s of splitSentences(text, false)) {
    const inSentence: Figure[] = [];
    while (fi < figures.length && figures[fi].start < s.start) fi++;
    let counts = false;
    for (let j = fi; j < figures.length && figures[j].end <= s.end; j++) {
      inSentence.push(figures[j]);
      counts ||= figures[j].unit === '件';
    }
    // Only counts in 件 (and 均获维持) can restate the tables: most sentences are passed over here, cheaply.
    if (!counts) {
      const held = text.indexOf('维持', s.start);
      if (held < 0 || held + 2 > s.end) continue;
    }
    const sentence = text.slice(s.start, s.end);
    if (otherYear(sentence, doc.year)) continue;
    const aboutRequests = sentence.includes('申请') && (/信息公开|依申请/.test(sentence) || section === 'requests');
    const aboutResults = aboutRequests || section === 'requests';
    const aboutAppeals = /复议|诉讼/.test(sentence) && (sentence.includes('信息公开') || section === 'appeals');

    let previous: { figure: Figure; reading: Reading } | undefined;
    for (const f of inSentence) {
      if (f.unit === '%') {
        if (previous) checkPercent(text, base, f, previous.figure, previous.reading, tables, report);
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
      const expected = tables.figure(c);
      if (!expected || equals(f.value, expected.value)) continue;
      // 办理 N 件 often counts 新收 + 上年结转 (all requests handled), which is not an error.
      const received = reading.keyword.startsWith('办理') ? tables.figure('received') : undefined;
      if (received && equals(f.value, received.value)) continue;
      const value = format(f.value);
      const tableValue = format(expected.value);
      report({
        span: { start: base + f.start, end: base + f.end },
        message: t('正文称{0} {1} 件，但统计表“{2}”的总计为 {3} 件；请核对正文或表格。', reading.keyword, value, expected.label, tableValue),
        related: expected.cells,
        fix: f.chinese ? undefined : { title: t('改为 {0} 件（与表格一致）', tableValue), edits: [{ span: { start: base + f.start, end: base + f.numberEnd }, newText: tableValue }] },
        data: { expected: tableValue, actual: value },
      });
    }

    const held = HELD.exec(sentence);
    if (held && aboutAppeals) checkHeld(doc, sentence, base + s.start + held.index, held[0], report);
  }
}

/** A sentence about another year (与2022年相比…) does not restate this year's table. */
function otherYear(sentence: string, year: number | undefined): boolean {
  if (year === undefined || !sentence.includes('年')) return false;
  const s = hasFullWidthDigit(sentence) ? toHalfWidthDigits(sentence) : sentence;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(s); m; m = YEAR.exec(s)) if (Number(m[1]) !== year) return true;
  return false;
}

/** `予以公开13件，占54.17%`: the share of the results' 总计 (or of the requests received), to the printed precision. */
function checkPercent(
  text: string,
  base: number,
  pct: Figure,
  count: Figure,
  reading: Reading,
  tables: Tables,
  report: Parameters<Rule['check']>[1],
) {
  if (!RESULT_CATEGORIES.has(reading.category) || pct.approximate) return;
  if (!PERCENT_LEAD.test(text.slice(count.end, pct.start))) return;
  const total = tables.figure('total');
  if (!total || total.value.scale !== 0 || total.value.units <= 0n || count.value.scale !== 0) return;
  const bases = [total, tables.figure('new'), tables.figure('received')]
    .filter((b): b is TableFigure => !!b && b.value.scale === 0 && b.value.units > 0n)
    .map((b) => b.value.units);
  const printed = pct.value.units;
  const unit = 10n ** BigInt(pct.value.scale);
  const c = count.value.units * 100n * unit;
  // Within one unit of the last printed digit: allows rounding and truncation.
  const close = (b: bigint) => abs(printed * b - c) < b;
  if (bases.some(close)) return;
  const b = total.value.units;
  const expected = format({ units: (2n * c + b) / (2n * b), scale: pct.value.scale });
  report({
    span: { start: base + pct.start, end: base + pct.end },
    message: t(
      '正文称{0} {1} 件占 {2}%，但按统计表“（七）总计”{3} 件计算应为 {4}%；请核对。',
      reading.keyword, format(count.value), format(pct.value), format(total.value), expected,
    ),
    related: total.cells,
    data: { expected, actual: format(pct.value) },
  });
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** "均获维持" is false when any 纠正, 其他结果 or 尚未审结 in the rows the sentence speaks of is non-zero. */
function checkHeld(doc: XxgkDocument, sentence: string, start: number, phrase: string, report: Parameters<Rule['check']>[1]) {
  const table = doc.tables.find((x) => x.kind === '复议诉讼' && x.spec);
  const spec = table?.spec;
  if (!table || !spec) return;
  const review = sentence.includes('复议');
  const litigation = /诉讼|起诉/.test(sentence);
  const ids = review && !litigation ? ['review'] : litigation && !review ? ['direct', 'afterReview'] : ['review', 'direct', 'afterReview'];
  const rows = rowsById(table);
  const offending: Array<{ span: Span; message: string }> = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    for (const col of ['corrected', 'otherResult', 'pending']) {
      const k = spec.columns.findIndex((c) => c.id === col);
      const cell = cellAt(row, k);
      const v = cellFigure(cell);
      if (cell && v && v.units > 0n) offending.push({ span: cell.span, message: `${row.match!.row.label} · ${spec.columns[k].label} ${format(v)}` });
    }
  }
  if (offending.length === 0) return;
  report({
    span: { start, end: start + phrase.length },
    message: t('正文称“{0}”，但统计表中有非维持的结果（{1}）；请核对正文或表格。', phrase, offending.map((o) => o.message).join('，')),
    related: offending,
  });
}
