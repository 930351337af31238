import { Parser } from 'htmlparser2';
import type { InputBlock, SpannedCell } from '../input-blocks';
import { decodeHtmlBytes } from './charset';

/**
 * A published report page as blocks: the report is looked for in the page's main content (the element holding most
 * of the page's own text, links and navigation not counted), its tables read as grids with their rowspan/colspan,
 * `<p>` and `<br>` as lines. Scripts, styles, navigation, headers and footers are not the report.
 *
 * The page is parsed once into a light tree of elements and text (htmlparser2 does the parsing, implied end tags
 * included); attributes other than the few read here are not kept, so a page of inline images costs little.
 */

interface Element {
  readonly tag: string;
  readonly children: Node[];
  readonly parent?: Element;
  rowspan?: string;
  colspan?: string;
  role?: string;
  id?: string;
  className?: string;
  /** A `<table>` is among its descendants (set while parsing: a table holding a table frames the page). */
  holdsTable?: boolean;
  /** Navigation, a footer and the like (set when the element closes: see isChrome). */
  chrome?: boolean;
  /**
   * Its own text: the characters other than spaces in it, outside links and outside navigation and footers (summed
   * while parsing, final when the element closes).
   */
  weight: number;
  /** Its text, once asked for (titleOutside). */
  text?: string;
}
type Node = Element | string;

/** Elements whose content is never text of the page. */
const UNSEEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'math', 'select', 'option', 'button', 'textarea', 'object', 'canvas']);
/**
 * Elements around, not in, the report. Not `<header>`: an article's own header holds its title, and a site's header
 * is mostly links, which do not count anyway.
 */
const CHROME = new Set(['nav', 'footer', 'aside', 'menu', 'form']);
/** id/class words of navigation and footers on government sites (`<div class="footer">`, `id="nav"`, 面包屑). */
const CHROME_NAMES = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|sidebar|copyright|share|toolbar|topbar)(?:$|[\s_-]|\d)/i;
/** Tags that start a line of their own. */
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'hr', 'body', 'html', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot']);
/** A share of the page's own text that the main content holds. */
const MAIN_SHARE = 0.8;
const TITLE = /年度报告|年报/;
const HEADING = /^h[1-6]$/;
/** Deeper nesting than any page has is read as flat text: the tree is walked recursively. */
const MAX_DEPTH = 400;
/** The title is looked for in the main content's first lines. */
const TITLE_LINES = 12;

export function readHtml(input: Uint8Array | string): InputBlock[] {
  const html = typeof input === 'string' ? input : decodeHtmlBytes(input);
  const root = parseTree(html);
  const main = mainContent(root);
  const content: InputBlock[] = [];
  linearize(main, content);
  const title = main === root || hasTitle(content) ? undefined : titleOutside(root, main);
  return title ? [{ type: 'text', text: title }, ...content] : content;
}

/**
 * The page as a light tree, in the one pass htmlparser2 makes over it: each element's weight (its own text) and
 * whether it is navigation are settled when it closes, so that finding the main content walks no subtree again.
 * Attributes come one by one (no object of them per element), and only the few read here are kept.
 */
function parseTree(html: string): Element {
  const root = element('#root', undefined);
  let current = root;
  let unseen = 0;
  let depth = 0;
  let flattened = 0;
  const chromeNames = new Map<string, boolean>();
  const parser = new Parser(
    {
      onopentagname(name) {
        if (unseen || UNSEEN.has(name)) {
          unseen++;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        depth++;
        const el = element(name, current);
        current.children.push(el);
        if (name === 'table') for (let up: Element | undefined = current; up && !up.holdsTable; up = up.parent) up.holdsTable = true;
        current = el;
      },
      // The attributes of the tag just opened (the first of a name counts, as in the browser). Most are none of
      // these (data-*, style, href): told apart by their length first.
      onattribute(name, value) {
        if (unseen || flattened) return;
        switch (name.length) {
          case 2:
            if (name === 'id') current.id ??= value;
            return;
          case 4:
            if (name === 'role') current.role ??= value;
            return;
          case 5:
            if (name === 'class') current.className ??= value;
            return;
          case 7:
            if (name === 'rowspan') current.rowspan ??= value;
            else if (name === 'colspan') current.colspan ??= value;
            return;
        }
      },
      onclosetag() {
        if (unseen) {
          unseen--;
          return;
        }
        if (flattened) {
          flattened--;
          return;
        }
        depth--;
        const el = current;
        if (!el.parent) return;
        el.chrome = isChrome(el, chromeNames);
        // Text in a link is not the page's own (a list of links is navigation), nor is navigation.
        if (el.chrome || el.tag === 'a') el.weight = 0;
        el.parent.weight += el.weight;
        current = el.parent;
      },
      // Pieces of one text (around an entity, across chunks) stay pieces: every reader of them joins them.
      ontext(text) {
        if (unseen) return;
        current.children.push(text);
        current.weight += solidLength(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/** A new element, every field set: elements of one shape keep the callbacks' property reads fast. */
function element(tag: string, parent: Element | undefined): Element {
  return {
    tag,
    children: [],
    parent,
    rowspan: undefined,
    colspan: undefined,
    role: undefined,
    id: undefined,
    className: undefined,
    holdsTable: false,
    chrome: false,
    weight: 0,
    text: undefined,
  };
}

/** The characters of a text that are not white space (`\s`). */
function solidLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isChrome(el: Element, names: Map<string, boolean>): boolean {
  if (CHROME.has(el.tag) || el.role === 'navigation' || el.role === 'contentinfo') return true;
  if (!el.id && !el.className) return false;
  const marker = el.id && el.className ? `${el.id} ${el.className}` : (el.id || el.className)!;
  return chromeName(marker, names) && !hasTable(el);
}

/** Whether an id/class names navigation; a page repeats its few classes on every cell, so each is tested once. */
function chromeName(marker: string, names: Map<string, boolean>): boolean {
  let chrome = names.get(marker);
  if (chrome === undefined) names.set(marker, (chrome = CHROME_NAMES.test(marker)));
  return chrome;
}

function hasTable(el: Element): boolean {
  return el.holdsTable === true;
}

/** The deepest element that still holds most of the page's own text. */
function mainContent(root: Element): Element {
  const total = root.weight;
  let main = root;
  for (;;) {
    const next = main.children.find((c): c is Element => typeof c !== 'string' && c.weight >= total * MAIN_SHARE);
    if (!next) return main;
    main = next;
  }
}

/** The report's title when the page prints it above the main content (a heading of its own before the article). */
function titleOutside(root: Element, main: Element): string | undefined {
  let found: string | undefined;
  const visit = (el: Element): boolean => {
    if (el === main) return true; // only what comes before the content
    if (el.chrome) return false;
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (HEADING.test(c.tag) || c.tag === 'p' || c.tag === 'div') {
        const text = textOf(c).trim();
        if (TITLE.test(text) && text.length <= 80 && /(?:19|20)\d{2}/.test(text)) found = text;
      }
      if (visit(c)) return true;
    }
    return false;
  };
  visit(root);
  return found;
}

/** Whether the content's first lines hold the report's title. */
function hasTitle(content: readonly InputBlock[]): boolean {
  return content.slice(0, TITLE_LINES).some((b) => b.type === 'text' && TITLE.test(b.text) && b.text.length <= 80);
}

/** An element's text (kept: nested `<div>`s before the content each ask for theirs). */
function textOf(el: Element): string {
  return (el.text ??= el.children.map((c) => (typeof c === 'string' ? c : c.tag === 'br' ? '\n' : textOf(c))).join(''));
}

/** Blocks of an element: lines of text, and tables (a table holding another table frames the page: its cells are read as text). */
function linearize(el: Element, out: InputBlock[]): void {
  let line = '';
  const flush = () => {
    const text = oneLine(line);
    if (text) out.push({ type: 'text', text });
    line = '';
  };
  const visit = (node: Element) => {
    for (const c of node.children) {
      if (typeof c === 'string') {
        line += c;
        continue;
      }
      if (c.chrome) continue;
      if (c.tag === 'br') {
        flush();
        continue;
      }
      if (c.tag === 'table' && !hasTable(c)) {
        flush();
        out.push({ type: 'table', rows: tableRows(c) });
        continue;
      }
      const block = BLOCK.has(c.tag);
      if (block) flush();
      visit(c);
      if (block) flush();
    }
  };
  visit(el);
  flush();
}

function tableRows(table: Element): SpannedCell[][] {
  const rows: SpannedCell[][] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'tr') rows.push(c.children.filter((d): d is Element => typeof d !== 'string' && (d.tag === 'td' || d.tag === 'th')).map(cellOf));
      else if (c.tag !== 'caption') visit(c);
    }
  };
  visit(table);
  return rows;
}

function cellOf(cell: Element): SpannedCell {
  return { text: cellText(cell), colSpan: span(cell.colspan), rowSpan: span(cell.rowspan) };
}

/** A cell's lines joined by line breaks; most cells are one text, read as linearize reads it. */
function cellText(cell: Element): string {
  if (cell.children.every((c) => typeof c === 'string')) return oneLine(cell.children.join(''));
  const lines: InputBlock[] = [];
  linearize(cell, lines);
  return lines.map((b) => (b.type === 'text' ? b.text : '')).join('\n');
}

/** A line of text with its runs of white space as one space (what linearize gives for it). */
function oneLine(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').trim();
}

function span(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 1 ? n : undefined;
}
