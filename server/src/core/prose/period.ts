import type { Span, XxgkDocument } from '../ast';
import { hasFullWidthDigit, toHalfWidthDigits } from '../text/normalize';
import { splitSentences } from './sentences';
import { NodeCache } from '../node-cache';

/** A date in prose: 2023年1月1日, 12月20日, 2023年12月. */
export interface ProseDate {
  readonly year?: number;
  readonly yearSpan?: Span;
  readonly month: number;
  /** Undefined when only the month is written (2023年1月至12月). */
  readonly day?: number;
  readonly span: Span;
}

/** A stated statistics period: `统计期限为2023年1月1日至2023年12月31日`, `数据统计截至12月20日止`. */
export interface PeriodStatement {
  /** Undefined for 截至 statements, which name only the end. */
  readonly from?: ProseDate;
  readonly to: ProseDate;
  /** From the first date to the last, in document offsets. */
  readonly span: Span;
}

// Optional parts are single tokens, never nested repetitions, so matching stays linear.
const DATE = /(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?[日号])?/g;
const RANGE_JOIN = /^\s?(?:起|开始)?\s?(?:至|到|—|－|-|~|～|–)\s?$/;
const UNTIL_BEFORE = /(?:截至|截止|截止到|截止至|止于)\s?$/;
/**
 * The sentence speaks of the statistics period (统计期限…, 数据统计截至…, 数据截至…), not of when something happened
 * (据统计，截至11月底已…).
 */
const ABOUT_STATISTICS = /统计(?:期限|时限|期间|时间|区间|范围|周期|截至|截止)|数据统计|统计数据|数据的统计|数据均?截[至止]/;

/** Two rules read the periods of the same (immutable) document. */
const memo = new NodeCache<XxgkDocument, readonly PeriodStatement[]>('period statements');

/** Every statistics period the report states, in order. */
export function findPeriods(doc: XxgkDocument): readonly PeriodStatement[] {
  let found = memo.get(doc);
  if (!found) {
    found = scanPeriods(doc);
    memo.set(doc, found);
  }
  return found;
}

function scanPeriods(doc: XxgkDocument): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const paragraph of doc.paragraphs) {
    // Most paragraphs say nothing of the statistics period: one test of the whole paragraph passes them over.
    const words = paragraph.text;
    if (!words.includes('月') || !(words.includes('统计') || words.includes('数据')) || !ABOUT_STATISTICS.test(words)) continue;
    // Full-width digits have half-width twins of the same length, so offsets hold.
    const text = hasFullWidthDigit(paragraph.text) ? toHalfWidthDigits(paragraph.text) : paragraph.text;
    const base = paragraph.span.start;
    for (const s of splitSentences(text)) {
      const sentence = text.slice(s.start, s.end);
      if (!ABOUT_STATISTICS.test(sentence)) continue;
      // Dates are paired as they are read, not collected first: a sentence of 300,000 dates once kept them all.
      let pending: ProseDate | undefined;
      for (const d of readDates(sentence, base + s.start)) {
        if (pending && RANGE_JOIN.test(doc.text.slice(pending.span.end, d.span.start))) {
          const to = d.year === undefined && pending.year !== undefined ? { ...d, year: pending.year } : d;
          out.push({ from: pending, to, span: { start: pending.span.start, end: d.span.end } });
          pending = undefined;
          continue;
        }
        if (pending && isUntil(doc.text, base + s.start, pending)) out.push({ to: pending, span: pending.span });
        pending = d;
      }
      if (pending && isUntil(doc.text, base + s.start, pending)) out.push({ to: pending, span: pending.span });
    }
  }
  return out;
}

/** Whether a date alone ends the period: `截至12月20日` (within its sentence, which starts at `sentenceStart`). */
function isUntil(text: string, sentenceStart: number, d: ProseDate): boolean {
  return UNTIL_BEFORE.test(text.slice(Math.max(sentenceStart, d.span.start - 4), d.span.start));
}

function* readDates(sentence: string, base: number): Generator<ProseDate> {
  // A regular expression of its own: the caller's loop is suspended between dates.
  const date = new RegExp(DATE);
  for (let m = date.exec(sentence); m; m = date.exec(sentence)) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) continue;
    const start = base + m.index;
    const year = m[1] === undefined ? undefined : Number(m[1]);
    yield {
      year,
      yearSpan: year === undefined ? undefined : { start, end: start + 4 },
      month,
      day,
      span: { start, end: start + m[0].length },
    };
  }
}

/** Whether the period runs from 1 January to 31 December of one year (a 截至 statement from 1 January is assumed). */
export function coversWholeYear(p: PeriodStatement): boolean {
  const fromOk = !p.from || (p.from.month === 1 && (p.from.day === undefined || p.from.day === 1));
  const toOk = p.to.month === 12 && (p.to.day === undefined || p.to.day === 31);
  const oneYear = !p.from || p.from.year === undefined || p.to.year === undefined || p.from.year === p.to.year;
  return fromOk && toOk && oneYear;
}

/** The years a period names, with where each is written. */
export function periodYears(p: PeriodStatement): Array<{ year: number; span: Span }> {
  const out: Array<{ year: number; span: Span }> = [];
  for (const d of p.from ? [p.from, p.to] : [p.to]) if (d.year !== undefined && d.yearSpan) out.push({ year: d.year, span: d.yearSpan });
  return out;
}

/**
 * A statistics period with its dates left out, as published (`本报告所列数据的统计期限自至。`): the template's
 * blanks were never filled in. Returns the span of `自至` (or `从…到` with nothing between).
 */
const BLANK_PERIOD = /统计(?:期限|时限|期间|时间|区间)(?:为|是|：|:)?\s?((?:自|从)\s?(?:至|到)(?:止)?)(?![\d０-９一二三四五六七八九十〇零])/g;

export function findBlankPeriods(doc: XxgkDocument): Span[] {
  const out: Span[] = [];
  for (const paragraph of doc.paragraphs) {
    if (!paragraph.text.includes('统计')) continue;
    BLANK_PERIOD.lastIndex = 0;
    for (let m = BLANK_PERIOD.exec(paragraph.text); m; m = BLANK_PERIOD.exec(paragraph.text)) {
      const start = paragraph.span.start + m.index + m[0].length - m[1].length;
      out.push({ start, end: start + m[1].length });
    }
  }
  return out;
}
