import { t } from '../../i18n';
import { seek } from '../../render/stops';
import { chineseNumeralValue } from '../../text/normalize';
import { namesOfficialSection, sectionNumeral } from '../blocks';
import type { InputBlock } from '../input-blocks';
import { decodeHtmlBytes } from './charset';
import { parseHtml, type UnclosedElement } from './html-parse';
import { ATTRIBUTES, IS_CHROME, PageWalk, sliceable, UNSEEN, type PageFacts } from './html-walk';

/**
 * A published report page as blocks: the report is looked for in the page's main content (the element holding most
 * of the page's own text, links and navigation not counted), its tables read as grids with their rowspan/colspan,
 * `<p>` and `<br>` as lines. Scripts, styles, navigation, headers and footers are not the report.
 *
 * The page is read as htmlparser2 tokenizes it (implied end tags included: readers/html-parse.ts), with no tree: see
 * readers/html-walk.ts.
 * The main content is chosen afterwards from the weights recorded for each element, and its blocks are a slice of
 * the page's; in the rare page where they cannot be (the content is a table's cell, an inline element), the page is
 * parsed a second time for the main content alone.
 */

/** A share of the page's own text that the main content holds. */
const MAIN_SHARE = 0.8;
const TITLE = /年度报告|年报/;
/** The title is looked for in the main content's first lines. */
const TITLE_LINES = 12;

export function readHtml(input: Uint8Array | string): InputBlock[] {
  return readHtmlPage(input).blocks;
}

/** What a page with no text of its own shows: mostly links, or mostly sentences inside navigation or a form. */
export type Framed = 'links' | 'prose';

/**
 * A page's report as blocks, and a remark when the page had to be mended to read it (see HIDING). `refused`: the
 * page shows no text but its links and navigation, and they are no report (no title, no section, no table). Its
 * report is pictures or loaded by a script when that text is links (`links`: the one link read, 首页, was imported
 * as the report); it is some page's text, and no report, when that text is mostly sentences (`prose`: an ASP.NET page
 * holds everything in one `<form>`).
 */
export function readHtmlPage(input: Uint8Array | string): { blocks: InputBlock[]; remark?: string; refused?: Framed } {
  const html = typeof input === 'string' ? input : decodeHtmlBytes(input);
  const page = readMended(html);
  if (page.framed && page.blocks.some((block) => block.type === 'text' && block.text.trim() !== '') && !looksLikeReport(page.blocks)) {
    return { blocks: [], refused: page.framed };
  }
  return { blocks: page.blocks, remark: page.remark };
}

function readMended(html: string): { blocks: InputBlock[]; remark?: string; framed?: Framed } {
  const first = readDecoded(html, HIDING);
  const cuts = hidingElements(html, first.unclosed);
  if (!cuts.length) return first;
  const pieces: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    pieces.push(html.slice(at, cut.from));
    at = cut.to;
  }
  pieces.push(html.slice(at));
  const mended = readDecoded(pieces.join(''));
  const shown = sectionsShownByTheMend(first.blocks, mended.blocks);
  if (!shown) return first;
  return { ...mended, remark: mendRemark(cuts, shown, mended.blocks) };
}

/** Whether blocks read from links and navigation alone are a report after all: a title, a section or a table. */
function looksLikeReport(blocks: readonly InputBlock[]): boolean {
  return hasTitle(blocks) || officialSections(blocks).length > 0 || blocks.some((block) => block.type === 'table');
}

/**
 * What the reader says of a mend: which elements it took out, and where to look. The text it brought back starts at
 * the report's beginning or at the first section the page did not show (五 and 六 after an `<iframe>` left open).
 */
function mendRemark(cuts: readonly Cut[], shown: readonly string[], mended: readonly InputBlock[]): string {
  const names = [...new Set(cuts.map((cut) => `<${cut.name}>`))].join('、');
  const code = cuts.some((cut) => CODE.has(cut.name));
  const from = shown[0];
  if (officialSections(mended)[0] === from) {
    return code
      ? t('网页中的 {0} 没有闭合，其后的正文都落在它里面；已去掉它和其中的代码，按正文读取，请核对开头几行', names)
      : t('网页中的 {0} 没有闭合，其后的正文都落在它里面；已去掉这个标签，按正文读取，请核对开头几行', names);
  }
  return code
    ? t('网页中的 {0} 没有闭合，其后的正文都落在它里面；已去掉它和其中的代码，按正文读取，请核对从第{1}部分起的内容', names, from)
    : t('网页中的 {0} 没有闭合，其后的正文都落在它里面；已去掉这个标签，按正文读取，请核对从第{1}部分起的内容', names, from);
}

/**
 * The official sections the mended page shows and the page did not, in the order they come, when it shows some and
 * none of its sections twice: what an unclosed element hid is taken for the report's only then. A privacy dialog in
 * a `<template>` left open after the report, a 政府信息公开指南 with sections of its own, a `<noscript>` copy of the
 * whole article for crawlers, an `<iframe>`'s "your browser does not support frames" were all read into the report,
 * one of them twice.
 */
function sectionsShownByTheMend(before: readonly InputBlock[], after: readonly InputBlock[]): string[] | undefined {
  const counts = (numerals: readonly string[]) => {
    const found = new Map<string, number>();
    for (const numeral of numerals) found.set(numeral, (found.get(numeral) ?? 0) + 1);
    return found;
  };
  const shown = counts(officialSections(before));
  const afterNumerals = officialSections(after);
  const more: string[] = [];
  for (const [numeral, count] of counts(afterNumerals)) {
    if (count > Math.max(1, shown.get(numeral) ?? 0)) return undefined;
    if (!shown.has(numeral)) more.push(numeral);
  }
  return more.length ? afterNumerals.filter((numeral) => more.includes(numeral)) : undefined;
}

/** What the mend takes out of the page: an element's start tag, or a script or style with its code. */
interface Cut {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Elements whose content is not read (a script, an object's fallback, a title) and that, left open, take in the rest
 * of the page: a page with `<object classid=…>` or `<title>` never closed imported nothing, without a word.
 */
const HIDING: ReadonlySet<string> = new Set([...UNSEEN, 'title'].filter((name) => name !== 'head'));
/**
 * What an unclosed element must hide to be taken for the report's: at least this many Chinese characters (written
 * as they are or as numeric entities), and the tags of a page's text. A report's end hidden by an `<iframe>` left
 * open after its section 四 is mended too: the element's content is never the page's, so text there is text lost.
 */
const HIDDEN_MIN = 20;
const PAGE_TAG = /<(?:p|div|br|table|tr|td|th|h[1-6]|li|ul|ol|dl|dd|span|font|center|pre|b|strong|em|section|article|blockquote|o:p)\b/gi;
/**
 * A script's or style's content is code, not markup, and the page's own markup starts only after the head: one left
 * open counts only when the head's end or the body's start is in it, and it is cut up to there, code and all (a
 * script cut off at the page's end, writing a `<div>` of the site's name, was read as the report).
 */
const CODE = new Set(['script', 'style']);
const HEAD_END = /<\/head\b|<body\b/gi;

/**
 * Where to cut the page so that the unclosed elements hiding the report let it be read: their start tags (a script's
 * or style's code too), in document order. In one pass over the page however many there are (100,000 nested
 * `<object>`s never closed): the Chinese characters are counted up to each place once, and the page's tags found once.
 */
function hidingElements(html: string, unclosed: readonly UnclosedElement[]): Cut[] {
  if (!unclosed.length) return [];
  const places = [...new Set(unclosed.flatMap((e) => [e.tagEnd, e.closedAt]))].sort((a, b) => a - b);
  const hanBefore = new Map<number, number>();
  let count = 0;
  let from = 0;
  for (const place of places) {
    count += hanCount(html, from, place);
    hanBefore.set(place, count);
    from = place;
  }
  // Most pages leave some element open (a <select>'s last <option>), hiding a few characters: the page's tags are
  // only looked for when one hides enough.
  let tags: number[] | undefined;
  const cuts: { name: string; from: number; to: number }[] = [];
  for (const e of unclosed) {
    if (hanBefore.get(e.closedAt)! - hanBefore.get(e.tagEnd)! < HIDDEN_MIN) continue;
    tags ??= Array.from(html.matchAll(PAGE_TAG), (match) => match.index);
    const tag = tags[seek(tags, e.tagEnd, 0)];
    if (tag === undefined || tag >= e.closedAt) continue;
    if (!CODE.has(e.name)) {
      cuts.push({ name: e.name, from: e.tagStart, to: e.tagEnd });
      continue;
    }
    HEAD_END.lastIndex = e.tagEnd;
    const headEnd = HEAD_END.exec(html);
    if (headEnd && headEnd.index < e.closedAt) cuts.push({ name: e.name, from: e.tagStart, to: headEnd.index });
  }
  return cuts.sort((a, b) => a.from - b.from);
}

/** The Chinese characters of a text from `from` to `to`, a numeric entity (&#26412; &#x672C;) counting as its character. */
function hanCount(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) count++;
    else if (c === 0x26 && text.charCodeAt(i + 1) === 0x23) {
      const entity = /^&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/.exec(text.slice(i, Math.min(i + 12, to)));
      const code = entity ? Number.parseInt(entity[1] ?? entity[2], entity[1] ? 16 : 10) : 0;
      if (code >= 0x4e00 && code <= 0x9fff) count++;
    }
  }
  return count;
}

/** The page read once. `framed`: it has no text of its own, and what was read is its links and navigation. */
function readDecoded(html: string, watched?: ReadonlySet<string>): { blocks: InputBlock[]; unclosed: UnclosedElement[]; framed?: Framed } {
  const page = new PageWalk(html.length);
  const unclosed = parseHtml(html, page, ATTRIBUTES, watched);
  const facts = page.facts();
  const { main, hidden } = mainContent(facts);
  const content = sliceable(facts, main, hidden) ? reportOf(facts, main, firstReading(facts)) : reportOf(facts, main, secondReading(html, facts, main));
  const title = main === -1 || hasTitle(content) ? undefined : titleBefore(facts, main, hidden);
  const blocks = title ? [{ type: 'text', text: title } as const, ...content] : content;
  // With no text of its own, the page has none outside its elements either: their measures are the page's.
  const framed = facts.total > 0 ? undefined : totalOf(facts, facts.prose) * 2 > totalOf(facts, facts.text) ? 'prose' : 'links';
  return { blocks, unclosed, framed };
}

/** Blocks, and where each element's lie among them (as many as splitReport asks about). */
interface Placed {
  readonly blocks: readonly (InputBlock | null)[];
  start(element: number): number;
  end(element: number): number;
}

/** An element's blocks in this reading, in order (a hidden block is null and left out). */
function* blocksOf(placed: Placed, element: number): Generator<InputBlock> {
  const end = Math.min(placed.end(element), placed.blocks.length);
  for (let b = placed.start(element); b < end; b++) {
    const block = placed.blocks[b];
    if (block) yield block;
  }
}

function firstReading(facts: PageFacts): Placed {
  return { blocks: facts.blocks, start: (e) => facts.startBlock[e], end: (e) => facts.endBlock[e] };
}

/**
 * The page read a second time, for the main content and every block beside it that splitReport may take in: where
 * the main content cannot be sliced out of the first reading (a cell of a table that lays out the page, read as a
 * grid), neither can they. Only the main content was read again, and sections 五 and 六 in a cell of the layout
 * table's next row were dropped. None of these elements is inside another, so one reading gives each its blocks.
 */
function secondReading(html: string, facts: PageFacts, main: number): Placed {
  const targets = new Set<number>([main]);
  if (main !== -1) for (const level of around(facts, main)) for (const child of level.children) targets.add(child);
  const second = walk(html, new PageWalk(html.length, { flags: facts.flags, targets }));
  const blocks = second.content();
  if (main === -1) return { blocks, start: () => 0, end: () => blocks.length };
  const at = second.targetBlocks;
  return { blocks, start: (e) => at.get(e)?.[0] ?? 0, end: (e) => at.get(e)?.[1] ?? 0 };
}

function reportOf(facts: PageFacts, main: number, placed: Placed): InputBlock[] {
  const split = main === -1 ? undefined : splitReport(facts, main, placed);
  const from = split?.from ?? (main === -1 ? 0 : placed.start(main));
  const to = split?.to ?? (main === -1 ? placed.blocks.length : placed.end(main));
  const content: InputBlock[] = [];
  let skip = 0;
  for (let b = from; b < to; b++) {
    // Blocks of a sibling left out (a menu of links between the report and a section taken in) are passed over.
    while (split && skip < split.leftOut.length && split.leftOut[skip][1] <= b) skip++;
    if (split && skip < split.leftOut.length && split.leftOut[skip][0] <= b) continue;
    const block = placed.blocks[b];
    if (block) content.push(block);
  }
  return content;
}

function walk(html: string, handler: PageWalk): PageWalk {
  parseHtml(html, handler, ATTRIBUTES);
  return handler;
}

/**
 * The deepest element that still holds most of the page's own text (-1: the page), going down from the page through
 * the first child that does. `hidden`: it is inside navigation (only on a page with no text of its own).
 */
function mainContent(facts: PageFacts): { main: number; hidden: boolean } {
  // A page with no text of its own is weighed by its text outside links (navigation included), else by all of it.
  const prose = facts.total > 0 ? 0 : totalOf(facts, facts.prose);
  const weight = facts.total > 0 ? facts.weight : prose > 0 ? facts.prose : facts.text;
  const threshold = (facts.total > 0 ? facts.total : prose > 0 ? prose : totalOf(facts, facts.text)) * MAIN_SHARE;
  let main = -1;
  let hidden = false;
  let end = facts.count;
  for (let i = 0; i < end; ) {
    if (weight[i] >= threshold) {
      if (main !== -1 && facts.flags[main] & IS_CHROME) hidden = true;
      main = i;
      end = facts.end[i];
      i++;
    } else i = facts.end[i];
  }
  return { main, hidden };
}

/** A measure of the whole page: the sum over its top-level elements. */
function totalOf(facts: PageFacts, measure: Int32Array): number {
  let total = 0;
  for (let i = 0; i < facts.count; i = facts.end[i]) total += measure[i];
  return total;
}

/**
 * Where the page split its report: sibling blocks of the main content (of it or of an element around it) that hold
 * numbered official section headings (五、存在的主要问题及改进情况) the main content lacks, and text of their own or
 * followed by some. Their blocks are taken in with it, and what lies between, not the rest of the parent: sections
 * 五 and 六 in a `<div>` of their own after an article of 一 to 四 were dropped without a word, and widening to the
 * parent brought the site's menus and footer along. A section counts by its number, so a report that words a heading
 * its own way is not widened by a table of contents beside it; unnumbered names (概述) do not count. Every level up to
 * navigation is looked at (五 beside the report, 六 below it). Sections come in order: what stands before the report
 * gives only sections before its own, what stands after it only sections after them. Not taken, and passed over when
 * they lie between: links alone (a menu, a table of contents of links). Undefined: nothing to take in.
 */
function splitReport(facts: PageFacts, main: number, placed: Placed): { from: number; to: number; leftOut: (readonly [number, number])[] } | undefined {
  const numerals = (element: number): string[] => officialSections(blocksOf(placed, element));
  const present = new Set<string>();
  // Sections come in order: a block before the report (as taken in so far) gives only sections before its first, a
  // block after it only sections after its last (a table of contents before the article offered 五 and 六, and
  // stood in for them).
  let first = Infinity;
  let last = -Infinity;
  const count = (numeral: string) => {
    present.add(numeral);
    const value = chineseNumeralValue(numeral) ?? 0;
    first = Math.min(first, value);
    last = Math.max(last, value);
  };
  let from = placed.start(main);
  let to = placed.end(main);
  const inOrder = (child: number, numeral: string) => {
    const value = chineseNumeralValue(numeral) ?? 0;
    return placed.end(child) <= from ? value < first : value > last;
  };
  // The main content's own sections, a heading run into its paragraph too (<p><strong>五、…</strong>本年度…</p>).
  for (const block of blocksOf(placed, main)) {
    const numeral = block.type === 'text' ? sectionNumeral(block.text.trim().slice(0, HEADING_START), false) : undefined;
    if (numeral) count(numeral);
  }
  const levels = around(facts, main);
  const kept = new Set<number>();
  for (const level of levels) {
    const { children } = level;
    let lastTaken = -1;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (facts.weight[child] === 0) continue;
      const missing = numerals(child).filter((n) => !present.has(n) && inOrder(child, n));
      if (!missing.length) continue;
      // A heading alone (a page of flat <p>s) is taken when text follows it: the report, or a block with text.
      const next = children[k + 1];
      const followed = facts.end[child] === level.current || (next !== undefined && facts.end[child] === next && holdsText(placed, next));
      if (!holdsText(placed, child) && !followed) continue;
      for (const n of missing) count(n);
      from = Math.min(from, placed.start(child));
      to = Math.max(to, placed.end(child));
      kept.add(child);
      lastTaken = Math.max(lastTaken, k);
    }
    // A heading taken after the content may be followed by its section's paragraphs as siblings of their own (a page
    // of flat <p>s): they come too, sentences, tables, a short answer (无) or a date, up to the first sibling that is
    // none of these (a footer: 主办单位…, 备案号…; related news).
    if (lastTaken !== -1 && children[lastTaken] > level.current) {
      for (let k = lastTaken + 1; k < children.length && facts.end[children[k - 1]] === children[k] && isProse(placed, children[k]); k++) {
        to = Math.max(to, placed.end(children[k]));
        kept.add(children[k]);
      }
    }
  }
  if (!kept.size) return undefined;
  const leftOut: (readonly [number, number])[] = [];
  for (const level of levels) {
    for (const child of level.children) {
      if (kept.has(child) || placed.end(child) <= from || placed.start(child) >= to) continue;
      if (facts.weight[child] === 0) leftOut.push([placed.start(child), placed.end(child)]);
    }
  }
  leftOut.sort((a, b) => a[0] - b[0]);
  return { from, to, leftOut };
}

/** The numerals of the official section headings among blocks, in their lines and in the cells of their tables. */
function officialSections(blocks: Iterable<InputBlock>): string[] {
  const found: string[] = [];
  const look = (text: string) => {
    const numeral = sectionNumeral(text.trim(), true);
    if (numeral) found.push(numeral);
  };
  for (const block of blocks) {
    if (block.type === 'text') look(block.text);
    else for (const row of block.rows) for (const cell of row) for (const line of cell.text.split(/[\n\r\v\f]/)) look(line);
  }
  return found;
}

/** A heading run into its paragraph is looked for in the paragraph's first characters. */
const HEADING_START = 40;

/** Whether an element holds a table or a line that is not a section heading: text of its own, not a contents list. */
function holdsText(placed: Placed, element: number): boolean {
  for (const block of blocksOf(placed, element)) {
    if (block.type === 'table') return true;
    if (block.type === 'text' && block.text.trim() !== '' && sectionNumeral(block.text.trim(), false) === undefined && !namesOfficialSection(block.text.trim())) return true;
  }
  return false;
}

/**
 * From the main content up, level by level until navigation: the element (current) and the other children of its
 * parent (-1: the page), in document order, navigation left out.
 */
function around(facts: PageFacts, main: number): { current: number; children: number[] }[] {
  const levels: { current: number; children: number[] }[] = [];
  for (let current = main, parent = main - 1; current !== -1; current = parent, parent = current - 1) {
    // The parent comes before an element in document order and ends after it: the nearest such one.
    while (parent >= 0 && facts.end[parent] <= current) parent--;
    if (parent >= 0 && facts.flags[parent] & IS_CHROME) break;
    const last = parent === -1 ? facts.count : facts.end[parent];
    const children: number[] = [];
    for (let child = parent + 1; child < last; child = facts.end[child]) if (child !== current && !(facts.flags[child] & IS_CHROME)) children.push(child);
    levels.push({ current, children });
  }
  return levels;
}

/**
 * A section's short answer (无, 本机关无其他需要报告的事项), the report's signature (某某区人民政府办公室) or its date:
 * report text without a full stop.
 */
const CLOSING = /^(?:无|没有|暂无|不涉及|本(?:机关|单位|局|部门)?(?:无|没有|未))[^。]{0,30}$|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[\u4e00-\u9fa5（）()]{2,30}(?:局|委员会|委|办公室|办|厅|人民政府|政府|中心|院|所|处|站|队|街道|街道办事处|镇|乡)$/;

/** An element whose text is the report's: a table, or lines of which at least one is a sentence (ends in 。) or a short answer or a date. */
function isProse(placed: Placed, element: number): boolean {
  let sentence = false;
  for (const block of blocksOf(placed, element)) {
    if (block.type === 'table') return true;
    if (block.type === 'text' && (/[。；]\s*$/.test(block.text) || CLOSING.test(block.text.trim()))) sentence = true;
  }
  return sentence;
}

/**
 * The report's title when the page prints it above the main content (a heading of its own before the article): the
 * last one before it, or at it, outside navigation; anywhere outside navigation when the content is itself hidden.
 */
function titleBefore(facts: PageFacts, main: number, hidden: boolean): string | undefined {
  let found: { index: number; text: string } | undefined;
  for (const title of facts.titles) if ((hidden || title.index <= main) && (!found || title.index > found.index)) found = title;
  // The content inside navigation (the `<form>` of an ASP.NET page): so is its title.
  if (!found && hidden) for (const title of facts.titlesInChrome) if (title.index <= main && (!found || title.index > found.index)) found = title;
  return found?.text;
}

/** Whether the content's first lines hold the report's title. */
function hasTitle(content: readonly InputBlock[]): boolean {
  return content.slice(0, TITLE_LINES).some((b) => b.type === 'text' && TITLE.test(b.text) && b.text.length <= 80);
}
