import { namesOfficialSection } from '../blocks';
import type { InputBlock } from '../input-blocks';
import { labelKey } from '../../text/normalize';
import { decodeHtmlBytes } from './charset';
import { parseHtml } from './html-parse';
import { ATTRIBUTES, IS_CHROME, PageWalk, sliceable, type PageFacts } from './html-walk';

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
  const html = typeof input === 'string' ? input : decodeHtmlBytes(input);
  const facts = walk(html, new PageWalk(html.length)).facts();
  const chosen = mainContent(facts);
  const hidden = chosen.hidden;
  const main = widenToSections(facts, chosen.main);
  const content = sliceable(facts, main, hidden) ? sliceOf(facts, main) : walk(html, new PageWalk(html.length, { flags: facts.flags, target: main })).content();
  const title = main === -1 || hasTitle(content) ? undefined : titleBefore(facts, main, hidden);
  return title ? [{ type: 'text', text: title }, ...content] : content;
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
  const threshold = facts.total * MAIN_SHARE;
  let main = -1;
  let hidden = false;
  let end = facts.count;
  for (let i = 0; i < end; ) {
    if (facts.weight[i] >= threshold) {
      if (main !== -1 && facts.flags[main] & IS_CHROME) hidden = true;
      main = i;
      end = facts.end[i];
      i++;
    } else i = facts.end[i];
  }
  return { main, hidden };
}

/**
 * The main content widened to the enclosing element that holds the rest of the report, where the page split it: an
 * official section heading (五、存在的主要问题及改进情况) in a sibling block of the chosen one, which the main
 * content does not have itself, belongs to the report. Without this, sections 五 and 六 in a `<div>` of their own
 * after an article of sections 一 to 四 were dropped without a word. A page's table of contents names sections the
 * report has too: it does not widen the content.
 */
function widenToSections(facts: PageFacts, main: number): number {
  if (main === -1) return main;
  const inside = new Set<string>();
  const headings = (from: number, to: number, into: Set<string>) => {
    for (let b = from; b < to; b++) {
      const block = facts.blocks[b];
      if (block?.type === 'text' && namesOfficialSection(block.text.trim())) into.add(labelKey(block.text));
    }
  };
  headings(facts.startBlock[main], facts.endBlock[main], inside);
  // Ancestors come before an element in document order and end after it; the nearest is the last such one.
  for (let up = main - 1; main !== -1; up--) {
    if (up >= 0 && facts.end[up] <= main) continue;
    if (up >= 0 && facts.flags[up] & IS_CHROME) break;
    const outside = new Set<string>();
    headings(up === -1 ? 0 : facts.startBlock[up], facts.startBlock[main], outside);
    headings(facts.endBlock[main], up === -1 ? facts.blocks.length : facts.endBlock[up], outside);
    if (![...outside].some((h) => !inside.has(h))) break;
    for (const h of outside) inside.add(h);
    main = up;
  }
  return main;
}

function sliceOf(facts: PageFacts, main: number): InputBlock[] {
  const from = main === -1 ? 0 : facts.startBlock[main];
  const to = main === -1 ? facts.blocks.length : facts.endBlock[main];
  const content: InputBlock[] = [];
  for (let b = from; b < to; b++) {
    const block = facts.blocks[b];
    if (block) content.push(block);
  }
  return content;
}

/**
 * The report's title when the page prints it above the main content (a heading of its own before the article): the
 * last one before it, or at it, outside navigation; anywhere outside navigation when the content is itself hidden.
 */
function titleBefore(facts: PageFacts, main: number, hidden: boolean): string | undefined {
  let found: { index: number; text: string } | undefined;
  for (const title of facts.titles) if ((hidden || title.index <= main) && (!found || title.index > found.index)) found = title;
  return found?.text;
}

/** Whether the content's first lines hold the report's title. */
function hasTitle(content: readonly InputBlock[]): boolean {
  return content.slice(0, TITLE_LINES).some((b) => b.type === 'text' && TITLE.test(b.text) && b.text.length <= 80);
}
