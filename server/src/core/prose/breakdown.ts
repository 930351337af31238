import { add, compare, equals, ZERO } from '../text/decimal';
import { isBlankRange } from '../text/normalize';
import { extractFigures, type Figure } from './figures';
import { isStrongStopCode, sentenceStops } from './sentences';

/**
 * "Total + breakdown" sentences: `共公开信息52条，其中：工作动态40条，通知公告12条`, `486条（包括…）`, and a 其中
 * that opens the next sentence. Only plain structures are returned; anything unusual (a list of totals before the
 * marker, parts in mixed units, channels, open-ended lists, nested brackets) is dropped, because a wrong diagnostic
 * costs more than a missed one.
 */

export interface Part {
  /** What the part is called (部门资讯), as written. */
  readonly label: string;
  readonly figure: Figure;
}

export interface Breakdown {
  /** 其中 / 包括 / 包含, as written. */
  readonly marker: string;
  readonly markerStart: number;
  readonly total: Figure;
  readonly parts: readonly Part[];
  /** The list went on after a `；` with an item of no figure: not all of the total's parts are listed. */
  readonly open?: boolean;
}

const MARKERS = ['其中', '包括', '包含'];
/** Any of MARKERS, found in one pass (three `includes` read every paragraph three times). */
const ANY_MARKER = new RegExp(MARKERS.join('|'));
/** Between the total and the marker: nothing, or one of these (`52条，其中`, `486条（包括`, `215条。其中`), or a comma and a bracket. */
const GAP = new Set(['，', ',', '：', ':', '。', '；', ';', '（', '(']);
const ITEM_SEPARATORS = new Set([...'，,、；;'].map((c) => c.charCodeAt(0)));
const LEFT_PAREN = 0xff08; // （
const RIGHT_PAREN = 0xff09; // ）
/** A word that joins the last two items (`工作动态40条和通知公告12条`). */
const CONJUNCTIONS = ['以及', '和', '及', '与'];
const CONJUNCTION_STARTS = new Set(CONJUNCTIONS.map((w) => w.charCodeAt(0)));
/** Publication channels overlap: a list of them is a view of the total, not a partition. */
const CHANNEL = /通过|网站|网页|门户|微信|微博|公报|新媒体|公众号|客户端|APP|App|app|政务号|抖音|头条|短视频|报纸|报刊|电视|广播|电台|媒体|平台|渠道|发布会|公开栏|显示屏|电子屏|宣传栏|热线/;
/** A part that gathers the rest (其他信息150条): the list claims to be complete. */
export const CATCH_ALL = /^(?:其他|其它|其余|剩余|另外|另有)/;
/** Where a ；-list is cut: 另有/另外 alone is "in addition" (另有行政复议案件2件), not the rest of the total. */
const REST_OF_TOTAL = /^(?:另有|另外)?(?:其他|其它|其余|剩余)/;
/** Words that make an item something other than a part: a comparison, a new total, a nested breakdown. */
const NOT_A_PART = /^共|其中|包括|包含|共计|合计|总计|累计|同比|环比|较|增加|减少|增长|下降|上升|占|比上年|上年|去年|平均|分别/;
/** Before the total: a comparison (`较上年增加52条`) means the figure is not a total. */
const NOT_A_TOTAL = /同比|环比|较|增加|减少|增长|下降|上升|多于|少于|比上年|比去年|平均|占/;
/** A figureless item that makes the list open-ended (`…等`, `其他若干`). */
const OPEN_ENDED = /^(?:等|等等)|若干|部分|其余|其他|另有/;
const MAX_LABEL = 40;
const MAX_ITEMS = 60;
const MAX_ITEM_CHARS = 200;

/** No marker, no breakdown: most paragraphs are passed over by this test, before any per-character work. */
export function hasBreakdownMarker(text: string): boolean {
  return ANY_MARKER.test(text);
}

/** The breakdowns in `text`; `figures` are its figures when the caller has them already. */
export function findBreakdowns(text: string, figures?: readonly Figure[]): Breakdown[] {
  if (!hasBreakdownMarker(text)) return [];
  figures ??= extractFigures(text);
  if (figures.length < 3) return [];
  const sentences = new SentenceStarts(text);
  const out: Breakdown[] = [];
  for (const marker of MARKERS) {
    for (let m = text.indexOf(marker); m >= 0; m = text.indexOf(marker, m + marker.length)) {
      const found = readBreakdown(text, m, marker, figures, sentences);
      if (found) out.push(found);
    }
  }
  return out.sort((a, b) => a.markerStart - b.markerStart);
}

function readBreakdown(text: string, m: number, marker: string, figures: readonly Figure[], sentences: SentenceStarts): Breakdown | undefined {
  // The total: the figure right before the marker, with at most one punctuation mark between.
  let p = skipSpaceBack(text, m);
  let gap = '';
  if (p > 0 && GAP.has(text[p - 1])) {
    gap = text[p - 1];
    p = skipSpaceBack(text, p - 1);
    // A bracket after a comma (`2599条，(其中…)`, 平潭 2019): the comma belongs to the sentence, the list is bracketed.
    if ((gap === '（' || gap === '(') && p > 0 && (text[p - 1] === '，' || text[p - 1] === ',')) p = skipSpaceBack(text, p - 1);
  }
  const k = figureEndingAt(figures, p);
  if (k < 0) return undefined;
  const total = figures[k];
  if (!plainFigure(total) || total.unit === '%' || earlierSameUnit(figures, k, sentences)) return undefined;
  const before = text.slice(Math.max(sentences.startOf(total.start), total.start - 12), total.start);
  if (NOT_A_TOTAL.test(before)) return undefined;

  const bracketed = gap === '（' || gap === '(';
  let i = m + marker.length;
  while (i < text.length && (text[i] === '：' || text[i] === ':' || text[i] === '，' || text[i] === ',' || text[i] === ' ' || text[i] === '　')) i++;

  // Items up to the closing bracket (bracketed list) or the end of the sentence.
  const parts: Part[] = [];
  // The separator before each part after the first ('' for the first): where a `；` may have ended the list.
  const separators: string[] = [];
  let open = false;
  let fi = firstFigureFrom(figures, i);
  let separator = '';
  // A figureless piece followed by 、 that the next item continues: a label with 、 in it (政策、规范性文件类信息54条).
  let labelStart = -1;
  for (let items = 0; items < MAX_ITEMS; items++) {
    const itemEnd = nextItemEnd(text, i, bracketed);
    if (itemEnd.kind === 'bad') return undefined;
    while (fi < figures.length && figures[fi].end <= i) fi++;
    // The figures in the item: none, one, or more (counted, not collected).
    let inItem = 0;
    for (let j = fi; j < figures.length && figures[j].start < itemEnd.at && inItem < 2; j++) inItem++;
    if (inItem === 0) {
      const item = text.slice(i, itemEnd.at).trim();
      if (itemEnd.kind === 'sep' && itemEnd.separator === '、' && item !== '' && item.length <= MAX_LABEL && !OPEN_ENDED.test(item) && !NOT_A_PART.test(item)) {
        if (labelStart < 0) labelStart = i;
        i = itemEnd.next;
        continue;
      }
      // A figureless item ends the list (`…，有效保障了公众知情权`), unless it belongs to it. After a `；` it may be
      // one more item without a figure (`…规划计划文件2件；2024年度部门预算、部门决算信息；…`) or a remark
      // (`…；有效保障了公众的知情权`): the list is open, so falling short says nothing, but going over still does.
      if (parts.length === 0 || separator === '、' || OPEN_ENDED.test(item) || item === '') return undefined;
      // Only a list of ；-items is left open so: after a list of ，/、-items the ； ends it, and a catch-all says it is
      // complete.
      open = isSemicolon(separator) && separators.every((s) => s === '' || isSemicolon(s)) && !parts.some((q) => CATCH_ALL.test(q.label));
      break;
    }
    if (inItem > 1) return undefined;
    const figure = figures[fi];
    if (!plainFigure(figure)) return undefined;
    if (!isBlankRange(text, figure.end, itemEnd.at)) return undefined; // 40条为工作动态, 12条等: not a plain item
    const written = text.slice(labelStart >= 0 ? labelStart : i, figure.start);
    labelStart = -1;
    // A later item that opens a list of its own (`…；发布法定主动公开内容1条，包括机构概况1条，…`): nested, not plain.
    if (parts.length > 0 && NESTED_MARKER.test(written)) return undefined;
    const label = stripLead(written);
    if (label === '' || label.length > MAX_LABEL || NOT_A_PART.test(label)) return undefined;
    separators.push(separator);
    parts.push({ label, figure });
    if (itemEnd.kind === 'end') break;
    separator = itemEnd.separator;
    i = itemEnd.next;
  }
  if (parts.length < 2) return undefined;
  if (parts.some((q) => q.figure.unit !== total.unit)) return undefined;
  if (!bracketed) endAtTheTotal(parts, separators, total);
  if (parts.some((q) => CHANNEL.test(q.label))) return undefined;
  // One part as large as the total, beside others: the parts overlap (a view such as channels), not a partition.
  const nonZero = parts.filter((q) => q.figure.value.units !== 0n).length;
  if (nonZero > 1 && parts.some((q) => compare(q.figure.value, total.value) >= 0)) return undefined;
  return open ? { marker, markerStart: m, total, parts, open } : { marker, markerStart: m, total, parts };
}

type ItemEnd =
  | { kind: 'sep'; at: number; next: number; separator: string }
  | { kind: 'end'; at: number }
  | { kind: 'bad' };

/** Where the item starting at `i` ends: at a separator, a joining word after a figure, or the list's end. */
function nextItemEnd(text: string, i: number, bracketed: boolean): ItemEnd {
  // An item is a label and a figure; a very long one is prose, and the bound keeps many markers linear.
  const limit = Math.min(text.length, i + MAX_ITEM_CHARS);
  for (let j = i; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (bracketed && (c === RIGHT_PAREN || c === 0x29)) return { kind: 'end', at: j };
    if (c === LEFT_PAREN || c === 0x28 || c === RIGHT_PAREN || c === 0x29) return { kind: 'bad' };
    if (isStrongStopCode(c)) return bracketed ? { kind: 'bad' } : { kind: 'end', at: j };
    if (c === 0x2c && isAsciiDigitCode(text.charCodeAt(j - 1)) && isAsciiDigitCode(text.charCodeAt(j + 1))) continue; // 1,234
    if (c === 0xff0c && isWideThousands(text, j)) continue; // 1，234, read as 1,234 by extractFigures
    if (ITEM_SEPARATORS.has(c)) return { kind: 'sep', at: j, next: j + 1, separator: text[j] };
    if (CONJUNCTION_STARTS.has(c) && j > i && endsWithUnitChar(text, j)) {
      for (const w of CONJUNCTIONS) if (text.startsWith(w, j)) return { kind: 'sep', at: j, next: j + w.length, separator: '、' };
    }
  }
  return bracketed ? { kind: 'bad' } : { kind: 'end', at: limit };
}

function isAsciiDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A full-width comma at `j` between a digit and a group of exactly three (1，234), as extractFigures reads it. */
function isWideThousands(text: string, j: number): boolean {
  const d = (k: number) => {
    const c = text.charCodeAt(k);
    return isAsciiDigitCode(c) || (c >= 0xff10 && c <= 0xff19);
  };
  let lead = 0;
  while (lead < 4 && d(j - 1 - lead)) lead++;
  return lead >= 1 && lead <= 3 && d(j + 1) && d(j + 2) && d(j + 3) && !d(j + 4);
}

const UNIT_END_CODES = new Set([...'条件个次篇期项场家人份则部批户起宗例张元%％'].map((c) => c.charCodeAt(0)));
/** Cheap test that a figure may end right before `j` (its unit's last character); the item check confirms it. */
function endsWithUnitChar(text: string, j: number): boolean {
  return j > 0 && UNIT_END_CODES.has(text.charCodeAt(j - 1));
}

function plainFigure(f: Figure): boolean {
  return !f.approximate && !f.ordinal;
}

/** The separators, a marker (`其中包括：`) and a joining word before an item's label. */
function stripLead(s: string): string {
  return s.replace(/^[\s：:，,、；;]+/, '').replace(/^(?:包括|包含|有|以及)[\s：:]*/, '').trim();
}

/** An item's text that opens a list of its own. */
const NESTED_MARKER = /^[\s：:，,、；;]*(?:其中|包括|包含)/;

function isSemicolon(separator: string): boolean {
  return separator === '；' || separator === ';';
}

/**
 * A list that adds up to its total at a `；` and goes on past it with other separators has ended there: what
 * follows is another statement (`办结81件，其中：予以公开42件；…其他处理2件；因政府信息公开引起的行政复议案件2件、
 * 行政诉讼案件7件`; 平潭综合实验区 2023, 淮安市 2024). The parts after it are dropped, and the list holds. Not when
 * `；` is the list's only separator (`其中：工作动态40条；通知公告12条；政策解读5条` lists one part too many), nor
 * when `；` already parted groups of it before, nor when a catch-all follows (其他信息5条 is the list's own last
 * item); the caller leaves out bracketed lists, which end at their bracket.
 */
function endAtTheTotal(parts: Part[], separators: readonly string[], total: Figure): void {
  if (separators.every((s) => s === '' || isSemicolon(s))) return;
  let sum = ZERO;
  for (let k = 0; k < parts.length; k++) {
    if (k >= 2 && isSemicolon(separators[k]) && equals(sum, total.value)) {
      if (parts.slice(k).some((p) => REST_OF_TOTAL.test(p.label))) return;
      // A ； that already separated groups before the cut (予以公开10件，部分公开5件；不予公开3件，…) is the list's own.
      const before = separators.slice(1, k);
      if (before.some(isSemicolon) && !before.every(isSemicolon)) return;
      parts.length = k;
      return;
    }
    sum = add(sum, parts[k].figure.value);
  }
}

function skipSpaceBack(text: string, p: number): number {
  for (let c = text.charCodeAt(p - 1); p > 0 && (c === 0x20 || c === 0x3000 || c === 0x09); c = text.charCodeAt(p - 1)) p--;
  return p;
}

/** The first index in [0, length) for which `atOrAfter` holds, given that it holds from some index on. */
function lowerBound(length: number, atOrAfter: (k: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (atOrAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function firstFigureFrom(figures: readonly Figure[], offset: number): number {
  return lowerBound(figures.length, (k) => figures[k].start >= offset);
}

/** Where the sentence (。！？ or line break) that an offset is in starts; the stops are found on first use. */
class SentenceStarts {
  private stops?: number[];
  constructor(private readonly text: string) {}

  startOf(offset: number): number {
    const stops = (this.stops ??= sentenceStops(this.text));
    // Just after the last stop before offset.
    const k = lowerBound(stops.length, (j) => stops[j] >= offset);
    return k === 0 ? 0 : stops[k - 1] + 1;
  }
}

/** The figure that ends exactly at `offset` (figures are in order and do not overlap), or -1. */
function figureEndingAt(figures: readonly Figure[], offset: number): number {
  const k = lowerBound(figures.length, (j) => figures[j].end >= offset);
  return k < figures.length && figures[k].end === offset ? k : -1;
}

/**
 * Whether a figure of the same unit comes earlier in the same sentence: then the figure before a 其中 may be one
 * of several totals (`建议5件、提案11件，其中主办13件…`) or a comparison, and the breakdown is not read.
 */
function earlierSameUnit(figures: readonly Figure[], k: number, sentences: SentenceStarts): boolean {
  const start = sentences.startOf(figures[k].start);
  for (let j = k - 1; j >= 0 && figures[j].start >= start; j--) if (figures[j].unit === figures[k].unit) return true;
  return false;
}
