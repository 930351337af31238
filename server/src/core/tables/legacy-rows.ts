import type { Cell, StandardTable, XxgkDocument } from '../ast';
import { labelKey, splitNumbering } from '../text/normalize';

/**
 * What a row of a legacy 附表 counts, among the figures legacy prose also states (reference §7: 受理依申请公开信息总数
 * and its channels, 对申请的答复总数 and its results, 行政复议数, 行政诉讼数). Rows are named freely by each agency, so
 * they are recognised by their words; a row that names two of them (`信函、传真申请数`) or something else as well
 * (`接受行政诉讼、举报数`) is no one measure and is left out.
 */
export type LegacyMeasure =
  | 'requests' | 'inPerson' | 'fax' | 'email' | 'online' | 'letter' | 'otherChannel'
  | 'replies' | 'replyOpen' | 'replyPartial' | 'replyRefuse'
  | 'review' | 'litigation';

/** The channels of 受理依申请公开信息, by the words that name them in a label or a sentence. */
export const CHANNELS: ReadonlyArray<readonly [LegacyMeasure, RegExp]> = [
  ['inPerson', /当面|现场/],
  ['fax', /传真/],
  ['email', /电子邮件|电子邮箱|邮件/],
  ['online', /网上|网络|互联网|在线/],
  ['letter', /信函|来信/],
  ['otherChannel', /其[它他]形式|其[它他]方式/],
];

/** Words that make a row another count (举报, 申诉, 咨询, 收费) or a share of one (比例). */
const OTHER_COUNT = /举报|申诉|投诉|咨询|收费|减免|费用|比例|占/;

/** The measure a 附表 row label names, if exactly one. */
export function legacyMeasure(label: string): LegacyMeasure | undefined {
  const key = labelKey(label).replace(/^[0-9０-９]+[.．、]/, '');
  if (!key || OTHER_COUNT.test(key)) return undefined;
  const review = /行政复议/.test(key);
  const litigation = /行政诉讼/.test(key);
  if (review || litigation) return review && litigation ? undefined : review ? 'review' : 'litigation';
  if (/答复/.test(key)) {
    if (/部分公开/.test(key)) return 'replyPartial';
    if (/否决|不予公开|不同意/.test(key)) return 'replyRefuse';
    if (/同意公开/.test(key)) return 'replyOpen';
    if (/其[它他]/.test(key)) return undefined;
    return /答复(?:总)?数/.test(key) ? 'replies' : undefined;
  }
  if (!/申请/.test(key)) return undefined;
  let channel: LegacyMeasure | undefined;
  for (const [measure, words] of CHANNELS) {
    if (!words.test(key)) continue;
    if (channel) return undefined; // two channels in one row
    channel = measure;
  }
  if (channel) return channel;
  return /依申请|受理/.test(key) && /总数|受理/.test(key) ? 'requests' : undefined;
}

/** Units a count of requests, replies or appeals is given in. */
const COUNT_UNIT = /^(?:条|件|个|份|次|起|宗|项|例)?$/;

/** The column of this year's figures: headed by the year or 本年, not by 累计/历年/上年; the first one otherwise. */
export function thisYearColumn(table: StandardTable): number {
  const labels = table.columnLabels;
  if (!labels?.length) return 0;
  const past = /累计|历年|上年|去年|上一年/;
  const year = labels.findIndex((l) => !past.test(l) && /本年|本期|[0-9０-９]{4}/.test(l));
  if (year >= 0) return year;
  const first = labels.findIndex((l) => !past.test(l));
  return first;
}

export interface LegacyFigure {
  readonly measure: LegacyMeasure;
  /** The row's label as written, for messages. */
  readonly label: string;
  readonly cell: Cell;
}

/**
 * The 附表's this-year figures by measure. A measure named by two rows (two tables, or a table that repeats a label)
 * is left out: which one the prose means would be a guess.
 */
export function legacyFigures(doc: XxgkDocument): ReadonlyMap<LegacyMeasure, LegacyFigure> {
  const found = new Map<LegacyMeasure, LegacyFigure>();
  const doubled = new Set<LegacyMeasure>();
  for (const table of doc.tables) {
    if (table.kind !== '附表') continue;
    const column = thisYearColumn(table);
    if (column < 0) continue;
    for (const row of table.rows) {
      if (row.kind !== 'data' || !COUNT_UNIT.test((row.unit ?? '').trim())) continue;
      const measure = legacyMeasure(row.label.text);
      const cell = row.values[column];
      if (!measure || !cell || (cell.state !== 'number' && cell.state !== 'zero-mark')) continue;
      if (found.has(measure)) doubled.add(measure);
      else found.set(measure, { measure, label: splitNumbering(row.label.text.replace(/^\s*其中\s*[:：,，、]?\s*/, '')).rest, cell });
    }
  }
  for (const m of doubled) found.delete(m);
  return found;
}
