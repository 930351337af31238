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
  readonly attrs: { readonly rowspan?: string; readonly colspan?: string; readonly role?: string; readonly marker?: string };
  readonly children: Node[];
  parent?: Element;
  /** A `<table>` is among its descendants (set while parsing: a table holding a table frames the page). */
  holdsTable?: boolean;
  /** Its own text (see ownWeights). */
  weight?: number;
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
/** Deeper nesting than any page has is read as flat text: the tree is walked recursively. */
const MAX_DEPTH = 400;

export function readHtml(input: Uint8Array | string): InputBlock[] {
  const html = typeof input === 'string' ? input : decodeHtmlBytes(input);
  const root = parseTree(html);
  const main = mainContent(root);
  const blocks: InputBlock[] = [];
  const title = titleOutside(root, main);
  if (title) blocks.push({ type: 'text', text: title });
  linearize(main, blocks);
  return blocks;
}

function parseTree(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  let current = root;
  let unseen = 0;
  let depth = 0;
  let flattened = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (unseen || UNSEEN.has(name)) {
          unseen++;
          return;
        }
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        depth++;
        const marker = [attribs.id, attribs.class].filter(Boolean).join(' ');
        const el: Element = { tag: name, attrs: { rowspan: attribs.rowspan, colspan: attribs.colspan, role: attribs.role, marker: marker || undefined }, children: [], parent: current };
        current.children.push(el);
        if (name === 'table') for (let up: Element | undefined = current; up && !up.holdsTable; up = up.parent) up.holdsTable = true;
        current = el;
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
        if (current.parent) current = current.parent;
      },
      ontext(text) {
        if (unseen) return;
        const last = current.children[current.children.length - 1];
        if (typeof last === 'string') current.children[current.children.length - 1] = last + text;
        else current.children.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function isChrome(el: Element): boolean {
  if (CHROME.has(el.tag) || el.attrs.role === 'navigation' || el.attrs.role === 'contentinfo') return true;
  return el.attrs.marker !== undefined && CHROME_NAMES.test(el.attrs.marker) && !hasTable(el);
}

function hasTable(el: Element): boolean {
  return el.holdsTable === true;
}

/** The page's own text in every element: text outside links and outside navigation and footers. */
function weigh(root: Element): void {
  const visit = (el: Element, inLink: boolean): number => {
    if (isChrome(el)) return (el.weight = 0);
    const link = inLink || el.tag === 'a';
    let sum = 0;
    for (const c of el.children) sum += typeof c === 'string' ? (link ? 0 : c.length - (c.match(/\s/g)?.length ?? 0)) : visit(c, link);
    return (el.weight = sum);
  };
  visit(root, false);
}

/** The deepest element that still holds most of the page's own text. */
function mainContent(root: Element): Element {
  weigh(root);
  const total = root.weight ?? 0;
  let main = root;
  for (;;) {
    const next = main.children.find((c): c is Element => typeof c !== 'string' && (c.weight ?? 0) >= total * MAIN_SHARE);
    if (!next) return main;
    main = next;
  }
}

/** The report's title when the page prints it above the main content (a heading of its own before the article). */
function titleOutside(root: Element, main: Element): string | undefined {
  if (main === root || hasTitle(main)) return undefined;
  let found: string | undefined;
  const visit = (el: Element): boolean => {
    if (el === main) return true; // only what comes before the content
    if (isChrome(el)) return false;
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (/^h[1-6]$/.test(c.tag) || c.tag === 'p' || c.tag === 'div') {
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

function hasTitle(el: Element): boolean {
  const lines: InputBlock[] = [];
  linearize(el, lines, 12);
  return lines.some((b) => b.type === 'text' && TITLE.test(b.text) && b.text.length <= 80);
}

function textOf(el: Element): string {
  return el.children.map((c) => (typeof c === 'string' ? c : c.tag === 'br' ? '\n' : textOf(c))).join('');
}

/** Blocks of an element: lines of text, and tables (a table holding another table frames the page: its cells are read as text). */
function linearize(el: Element, out: InputBlock[], limit = Infinity): void {
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text) out.push({ type: 'text', text });
    line = '';
  };
  const visit = (node: Element) => {
    for (const c of node.children) {
      if (out.length >= limit) return;
      if (typeof c === 'string') {
        line += c;
        continue;
      }
      if (isChrome(c)) continue;
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
  const lines: InputBlock[] = [];
  linearize(cell, lines);
  const text = lines.map((b) => (b.type === 'text' ? b.text : '')).join('\n');
  return { text, colSpan: span(cell.attrs.colspan), rowSpan: span(cell.attrs.rowspan) };
}

function span(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 1 ? n : undefined;
}
