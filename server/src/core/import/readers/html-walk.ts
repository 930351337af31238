import type { InputBlock, SpannedCell } from '../input-blocks';
import type { HtmlHandler } from './html-parse';

/**
 * One reading of a web page as htmlparser2 parses it, with no tree: a stack of the open elements with what choosing
 * the main content needs (each element's own text, whether it is navigation, whether it holds a table), and the page
 * linearized into blocks as its elements close. See readers/html.ts for what is read and why.
 *
 * The first reading linearizes the whole page and records, per element in document order, its weight and where its
 * blocks are, so that the main content's blocks are a slice of the page's. Two things are only known when an element
 * closes, and are undone then: an element whose id or class names navigation (unless it holds a table) is taken out
 * again; a table that held no table is read as a grid from the lines its cells gave. A second reading, told by the
 * first what every element is, reads only the main content (and the blocks beside it that may hold the rest of the
 * report) when it cannot be sliced out (see sliceable).
 */

/** Elements whose content is never text of the page. */
export const UNSEEN: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'math', 'select', 'option', 'button', 'textarea', 'object', 'canvas']);
/**
 * Elements around, not in, the report. Not `<header>`: an article's own header holds its title, and a site's header
 * is mostly links, which do not count anyway.
 */
const CHROME = new Set(['nav', 'footer', 'aside', 'menu', 'form']);
/** id/class words of navigation and footers on government sites (`<div class="footer">`, `id="nav"`, 面包屑). */
const CHROME_NAMES = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumbs?|crumbs?|sidebar|copyright|share|toolbar|topbar)(?:$|[\s_-]|\d)/i;
/** Tags that start a line of their own. */
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'hr', 'body', 'html', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot']);
/** Deeper nesting than any page has is read as flat text (its tags are not elements). */
const MAX_DEPTH = 400;
/** Elements whose text may be the report's title when it stands above the main content. */
const TITLE_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** 年度报告 or 年报, looked for as strings (a regular expression of Chinese alternatives scans slowly). */
const isTitle = (text: string) => text.includes('年报') || text.includes('年度报告');
const YEAR = /(?:19|20)\d{2}/;
/** A title above the content is one line of at most this many characters. */
const TITLE_LENGTH = 80;

/** Per element flags (PageFacts.flags). */
export const IS_CHROME = 1;
const HOLDS_TABLE = 2;
const IS_BLOCK = 4;
const CLOSED = 8;

/** What a tag is, in one lookup per element (the sets above as bits; IS_BLOCK as in the flags). */
const UNSEEN_TAG = 16;
const TITLE_TAG = 32;
const CHROME_TAG = 64;
const TAGS = new Map<string, number>();
for (const [tags, bit] of [
  [UNSEEN, UNSEEN_TAG],
  [BLOCK, IS_BLOCK],
  [TITLE_TAGS, TITLE_TAG],
  [CHROME, CHROME_TAG],
] as const) {
  for (const tag of tags) TAGS.set(tag, (TAGS.get(tag) ?? 0) | bit);
}

/** What an element is to the table being read as a grid (the innermost open table, while it holds no table). */
const enum Part {
  None,
  /** The table, or an element between it and its rows (tbody; anything but a row or a caption). */
  Container,
  Row,
  Cell,
  /** A caption, what a row holds besides its cells, a cell's content: not the grid's structure. */
  Other,
}

interface CellRange {
  /** Its lines are the page's blocks from `start` to `end`. */
  start: number;
  end: number;
  colspan?: string;
  rowspan?: string;
}

/** A table being read as a grid until a table opens inside it (then it frames the page, and is read as text). */
interface GridTable {
  readonly frame: Frame;
  readonly rows: CellRange[][];
  /**
   * Navigation among its rows and cells: kept while the table may be a grid (the grid reads every row and cell),
   * taken out if it turns out to frame the page. `clean` when taking it out is removing its blocks.
   */
  readonly chrome: { from: number; to: number; clean: boolean }[];
  settled: boolean;
}

/** A title's text, as far as it can still be one (its first characters, spaces at its ends not counted). */
class TitleText {
  text = '';
  dead = false;
  /** As long as a title may be, and a space after it: more spaces change nothing, more text makes it none. */
  private full = false;
  add(piece: string): void {
    if (this.full) {
      // Each space after a full title was added and cut off again, the whole title copied each time: a page of
      // spaces or <br>s inside 390 nested <div>s took 44 s.
      if (!allSpace(piece)) this.dead = true;
      return;
    }
    if (!this.text) {
      let k = 0;
      while (k < piece.length && isSpace(piece.charCodeAt(k))) k++;
      if (k === piece.length) return;
      piece = piece.slice(k);
    }
    this.text += piece;
    if (this.text.length > TITLE_LENGTH) {
      // Spaces at the end keep it a title unless more text follows them: one is kept to tell.
      if (this.text.trimEnd().length > TITLE_LENGTH) this.dead = true;
      else {
        this.text = this.text.slice(0, TITLE_LENGTH + 1);
        this.full = true;
      }
    }
  }
}

function allSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

class Frame {
  weight = 0;
  /** Its text, links and navigation included. */
  text = 0;
  /** Its text outside links, navigation included. */
  prose = 0;
  holdsTable = false;
  id: string | undefined = undefined;
  className: string | undefined = undefined;
  role: string | undefined = undefined;
  rowspan: string | undefined = undefined;
  colspan: string | undefined = undefined;
  /** Blocks before its own. */
  startBlock = 0;
  part = Part.None;
  /** The grid its part is of; for a table read as a grid, its own. */
  grid: GridTable | undefined = undefined;
  cell: CellRange | undefined = undefined;
  title: TitleText | undefined = undefined;
  /** Its content is not read (navigation, or outside the element read, in a second reading). */
  mutes = false;
  constructor(
    readonly tag: string,
    /** Its TAGS bits. */
    readonly kind: number,
    readonly index: number,
    readonly parent: Frame | undefined,
    /** The output before it opened, to take it out again. */
    readonly savedBlocks: number,
    readonly savedLine: string,
  ) {}
}

/** A title found above or at an element (its index), before the main content is known. */
interface TitleCandidate {
  readonly index: number;
  readonly text: string;
}

/** What the first reading learned. Elements are numbered in document order; the root (the page) is -1. */
export interface PageFacts {
  /** The page's blocks; null for blocks taken out afterwards (navigation in a table that framed the page). */
  readonly blocks: readonly (InputBlock | null)[];
  readonly count: number;
  /** The page's own text (the root's weight). */
  readonly total: number;
  /** Per element: its weight (0 for links and navigation), the index after its last descendant, its first and end block. */
  readonly weight: Int32Array;
  /**
   * Per element: its text, links and navigation included. What the main content is chosen by on a page with no text
   * of its own (every weight 0), where the choice went down to the first leaf: a report inside `<nav>` lost all but
   * its title.
   */
  readonly text: Int32Array;
  /**
   * Per element: its text outside links, navigation included. Weighed before `text` on a page with no text of its
   * own: an ASP.NET page holds everything in one `<form>` (navigation by its tag), and its menu of links outweighed
   * the report.
   */
  readonly prose: Int32Array;
  /** Titles inside navigation: looked at when the content is itself inside navigation (the `<form>` of such a page). */
  readonly titlesInChrome: readonly TitleCandidate[];
  readonly end: Int32Array;
  readonly startBlock: Int32Array;
  readonly endBlock: Int32Array;
  readonly flags: Uint8Array;
  /** Tables read as grids: [index, end) of each. */
  readonly grids: readonly (readonly [number, number])[];
  readonly titles: readonly TitleCandidate[];
  /** Something the slices cannot follow (rare markup): the main content is read again. */
  readonly trouble: boolean;
}

/** The attributes read (the first of a name counts, as in the browser). */
export const ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'class', 'role', 'rowspan', 'colspan']);

/**
 * The parser's handler. `second`: a second reading of some elements only (`targets`, none inside another; -1: the
 * page), the flags the first reading recorded telling it what each element is.
 */
export class PageWalk implements HtmlHandler {
  blocks: (InputBlock | null)[] = [];
  private line = '';
  private current: Frame;
  private unseen = 0;
  private depth = 0;
  private flattened = 0;
  private count = 0;
  private muted: number;
  /** The innermost open table, while it holds no table. */
  private grid: GridTable | undefined = undefined;
  private trouble = false;
  // First reading only.
  private readonly first: boolean;
  private weight: Int32Array;
  private text: Int32Array;
  private prose: Int32Array;
  private end: Int32Array;
  private startBlock: Int32Array;
  private endBlock: Int32Array;
  private flags: Uint8Array;
  private readonly grids: [number, number][] = [];
  private readonly liveTitles: TitleText[] = [];
  private readonly titles: TitleCandidate[] = [];
  private readonly titlesInChrome: TitleCandidate[] = [];
  private readonly chromeNames = new Map<string, boolean>();
  private lastMarker = '';
  /** Second reading: each element read, its first and end block. */
  readonly targetBlocks = new Map<number, [number, number]>();
  private lastChrome = false;

  /** `size`: the page's length, for a first guess at the number of its elements. */
  constructor(
    size: number,
    private readonly second?: { readonly flags: Uint8Array; readonly targets: ReadonlySet<number> },
  ) {
    this.first = !second;
    const elements = second ? 0 : Math.max(256, size >> 5);
    this.weight = new Int32Array(elements);
    this.text = new Int32Array(elements);
    this.prose = new Int32Array(elements);
    this.end = new Int32Array(elements);
    this.startBlock = new Int32Array(elements);
    this.endBlock = new Int32Array(elements);
    this.flags = new Uint8Array(elements);
    this.current = new Frame('#root', 0, -1, undefined, 0, '');
    this.muted = second && !second.targets.has(-1) ? 1 : 0;
  }

  onopentagname(name: string): void {
    if (this.unseen) {
      this.unseen++;
      return;
    }
    const kind = TAGS.get(name) ?? 0;
    if (kind & UNSEEN_TAG) {
      this.unseen++;
      return;
    }
    if (this.depth >= MAX_DEPTH) {
      this.flattened++;
      return;
    }
    this.depth++;
    const index = this.count++;
    const parent = this.current;
    const isTable = name === 'table';
    if (isTable) {
      for (let up: Frame | undefined = parent; up && !up.holdsTable; up = up.parent) up.holdsTable = true;
      if (this.grid) this.framing(this.grid);
    }
    const frame = new Frame(name, kind, index, parent, this.blocks.length, this.line);
    this.current = frame;
    if (this.first) {
      if (index >= this.flags.length) this.grow();
      if (kind & TITLE_TAG) this.liveTitles.push((frame.title = new TitleText()));
    } else if (this.second!.targets.has(index)) {
      // An element read: its content, whatever it is itself; a table, as a table (a grid when it holds none; it was
      // read as lines of its cells' text).
      this.muted--;
      this.targetBlocks.set(index, [this.blocks.length, this.blocks.length]);
      if (!isTable) return;
    }
    if (this.muted) return;
    const grid = this.grid;
    if (grid && parent.grid === grid) {
      frame.part = partOf(parent.part, name);
      frame.grid = grid;
      if (frame.part === Part.Row) grid.rows.push([]);
    }
    if (!this.first && this.second!.flags[index] & IS_CHROME && !isStructure(frame)) {
      this.muted++;
      frame.mutes = true;
      return;
    }
    if (kind & IS_BLOCK || name === 'br') this.flush();
    frame.startBlock = this.blocks.length;
    if (frame.part === Part.Cell) grid!.rows[grid!.rows.length - 1].push((frame.cell = { start: frame.startBlock, end: frame.startBlock }));
    if (isTable && (this.first || !(this.second!.flags[index] & HOLDS_TABLE))) {
      this.grid = frame.grid = { frame, rows: [], chrome: [], settled: false };
      frame.part = Part.Container;
    }
  }

  // The attributes of the tag just opened (ATTRIBUTES only).
  onattribute(name: string, value: string): void {
    if (this.unseen || this.flattened) return;
    const el = this.current;
    switch (name.length) {
      case 2:
        if (name === 'id') el.id ??= value;
        return;
      case 4:
        if (name === 'role') el.role ??= value;
        return;
      case 5:
        if (name === 'class') el.className ??= value;
        return;
      case 7:
        if (name === 'rowspan') el.rowspan ??= value;
        else if (name === 'colspan') el.colspan ??= value;
        return;
    }
  }

  // Pieces of one text (around an entity, across chunks) are added as they come.
  ontext(text: string): void {
    if (this.unseen) return;
    if (!this.muted) this.line += text;
    if (!this.first) return;
    const solid = solidLength(text);
    this.current.weight += solid;
    this.current.text += solid;
    this.current.prose += solid;
    const titles = this.liveTitles;
    for (let i = 0; i < titles.length; i++) {
      const title = titles[i];
      title.add(text);
      if (title.dead) titles.splice(i--, 1);
    }
  }

  onclosetag(): void {
    if (this.unseen) {
      this.unseen--;
      return;
    }
    if (this.flattened) {
      this.flattened--;
      return;
    }
    this.depth--;
    const frame = this.current;
    if (!frame.parent) return;
    this.current = frame.parent;
    if (this.first) this.closeFirst(frame);
    else this.closeSecond(frame);
  }

  private closeFirst(frame: Frame): void {
    const tag = frame.tag;
    if (tag === 'br') for (const title of this.liveTitles) title.add('\n');
    const chrome = this.isChrome(frame);
    this.closeOutput(frame);
    if (chrome) {
      const grid = frame.grid;
      if (grid && !grid.settled && isStructure(frame)) {
        const clean = (frame.kind & IS_BLOCK) !== 0 && oneLine(frame.savedLine) === '';
        grid.chrome.push({ from: frame.savedBlocks, to: this.blocks.length, clean });
      } else {
        this.blocks.length = frame.savedBlocks;
        this.line = frame.savedLine;
      }
    }
    // Text in a link is not the page's own (a list of links is navigation), nor is navigation.
    if (chrome || tag === 'a') frame.weight = 0;
    frame.parent!.weight += frame.weight;
    if (tag === 'a') frame.prose = 0;
    frame.parent!.text += frame.text;
    frame.parent!.prose += frame.prose;
    const i = frame.index;
    this.weight[i] = frame.weight;
    this.text[i] = frame.text;
    this.prose[i] = frame.prose;
    this.end[i] = this.count;
    this.startBlock[i] = frame.startBlock;
    this.endBlock[i] = this.blocks.length;
    this.flags[i] = (chrome ? IS_CHROME : 0) | (frame.holdsTable ? HOLDS_TABLE : 0) | (frame.kind & IS_BLOCK) | CLOSED;
    if (chrome) {
      // What navigation holds is not looked at for the title; navigation itself is.
      const titles = this.titles;
      while (titles.length && titles[titles.length - 1].index > i) this.titlesInChrome.push(titles.pop()!);
    }
    if (frame.title) this.settleTitle(frame);
  }

  private closeSecond(frame: Frame): void {
    if (this.second!.targets.has(frame.index)) {
      if (frame.tag === 'table') this.closeOutput(frame);
      this.flush();
      this.muted++;
      this.targetBlocks.set(frame.index, [this.targetBlocks.get(frame.index)![0], this.blocks.length]);
    } else if (frame.mutes) this.muted--;
    else if (!this.muted) this.closeOutput(frame);
  }

  /** An element's end in the output: the end of its line, a cell's end, a grid's rows. */
  private closeOutput(frame: Frame): void {
    const grid = frame.grid;
    if (grid && grid.frame === frame && !grid.settled) {
      grid.settled = true;
      this.grid = undefined;
      this.flush();
      const rows = grid.rows.map((row) => row.map((cell) => this.cellOf(cell)));
      this.blocks.length = frame.startBlock;
      this.line = '';
      this.blocks.push({ type: 'table', rows });
      if (this.first) this.grids.push([frame.index, this.count]);
      return;
    }
    if (frame.kind & IS_BLOCK) this.flush();
    if (frame.cell) {
      frame.cell.end = this.blocks.length;
      frame.cell.colspan = frame.colspan;
      frame.cell.rowspan = frame.rowspan;
    }
  }

  /** A table holds a table: it frames the page, and its navigation is taken out as anywhere else. */
  private framing(grid: GridTable): void {
    grid.settled = true;
    this.grid = undefined;
    for (const { from, to, clean } of grid.chrome) {
      if (!clean) this.trouble = true;
      for (let b = from; b < to; b++) this.blocks[b] = null;
    }
  }

  private cellOf(cell: CellRange): SpannedCell {
    // Most cells are one line.
    let text = cell.end > cell.start ? textOf(this.blocks[cell.start]) : '';
    for (let b = cell.start + 1; b < cell.end; b++) text += `\n${textOf(this.blocks[b])}`;
    return { text, colSpan: span(cell.colspan), rowSpan: span(cell.rowspan) };
  }

  private flush(): void {
    if (!this.line) return;
    const text = oneLine(this.line);
    if (text) this.blocks.push({ type: 'text', text });
    this.line = '';
  }

  private isChrome(el: Frame): boolean {
    if (el.kind & CHROME_TAG || el.role === 'navigation' || el.role === 'contentinfo') return true;
    if (!el.id && !el.className) return false;
    const marker = el.id && el.className ? `${el.id} ${el.className}` : (el.id || el.className)!;
    // A page repeats its few classes on every cell, mostly on the next one: each is tested once, the last one kept at hand.
    if (marker !== this.lastMarker) {
      this.lastMarker = marker;
      let chrome = this.chromeNames.get(marker);
      if (chrome === undefined) this.chromeNames.set(marker, (chrome = CHROME_NAMES.test(marker)));
      this.lastChrome = chrome;
    }
    return this.lastChrome && !el.holdsTable;
  }

  private settleTitle(frame: Frame): void {
    const title = frame.title!;
    if (title.dead) return;
    if (this.liveTitles[this.liveTitles.length - 1] === title) this.liveTitles.pop();
    const text = title.text.trimEnd();
    if (text.length <= TITLE_LENGTH && isTitle(text) && YEAR.test(text)) this.titles.push({ index: frame.index, text });
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.weight = grown(this.weight);
    this.text = grown(this.text);
    this.prose = grown(this.prose);
    this.end = grown(this.end);
    this.startBlock = grown(this.startBlock);
    this.endBlock = grown(this.endBlock);
    this.flags = grown(this.flags);
  }

  /** The first reading's findings, once the parser has ended. */
  facts(): PageFacts {
    this.flush();
    // Elements the parser never closed (a void tag cut by the end of the file) count as they stand.
    for (let frame = this.current; frame.parent; frame = frame.parent) {
      this.trouble = true;
      const i = frame.index;
      this.weight[i] = frame.weight;
      this.text[i] = frame.text;
      this.prose[i] = frame.prose;
      this.end[i] = this.count;
      this.flags[i] = frame.holdsTable ? HOLDS_TABLE : 0;
      if (frame.title && !frame.title.dead) this.settleTitle(frame);
    }
    return {
      blocks: this.blocks,
      count: this.count,
      total: rootOf(this.current).weight,
      weight: this.weight,
      text: this.text,
      prose: this.prose,
      titlesInChrome: this.titlesInChrome,
      end: this.end,
      startBlock: this.startBlock,
      endBlock: this.endBlock,
      flags: this.flags,
      grids: this.grids,
      titles: this.titles,
      trouble: this.trouble,
    };
  }

  /** The second reading's blocks, once the parser has ended (each element read's in targetBlocks). */
  content(): InputBlock[] {
    // Elements left open at the end (a void tag cut by the end of the file) end with the page.
    for (let frame = this.current; frame.parent; frame = frame.parent) this.closeSecond(frame);
    if (!this.muted) this.flush();
    return this.blocks as InputBlock[];
  }
}

/**
 * Whether the main content's blocks are those the first reading gave for it: it starts and ends a line, it is not
 * taken out as navigation (nor inside navigation), and it is not inside (or) a table read as a grid.
 */
export function sliceable(facts: PageFacts, main: number, hidden: boolean): boolean {
  if (facts.trouble || hidden) return false;
  if (main === -1) return true;
  const f = facts.flags[main];
  if (!(f & CLOSED) || !(f & IS_BLOCK) || f & IS_CHROME) return false;
  return !facts.grids.some(([from, to]) => main >= from && main < to);
}

function textOf(block: InputBlock | null): string {
  return block?.type === 'text' ? block.text : '';
}

function rootOf(frame: Frame): Frame {
  while (frame.parent) frame = frame.parent;
  return frame;
}

function partOf(parent: Part, tag: string): Part {
  switch (parent) {
    case Part.Container:
      return tag === 'tr' ? Part.Row : tag === 'caption' ? Part.Other : Part.Container;
    case Part.Row:
      return tag === 'td' || tag === 'th' ? Part.Cell : Part.Other;
    case Part.None:
      return Part.None;
    default:
      return Part.Other;
  }
}

/** Rows, cells and what holds them in a table read as a grid (the grid reads them, navigation or not). */
function isStructure(frame: Frame): boolean {
  return frame.part === Part.Container || frame.part === Part.Row || frame.part === Part.Cell;
}

/** The characters of a text that are not white space (`\s`). */
function solidLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Chinese text first: above U+3000 only the BOM is a space.
    if (c > 0x3000 ? c !== 0xfeff : !isSpace(c)) n++;
  }
  return n;
}

/** What `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A line of text with its runs of white space as one space (trimmed first: most lines are spaces between tags, or have no run). */
function oneLine(text: string): string {
  const trimmed = text.trim();
  return trimmed && RUN.test(trimmed) ? trimmed.replace(SPACE_RUN, ' ') : trimmed;
}

/** What SPACE_RUN changes. */
const RUN = /[\t\n\f\r]| {2}/;
const SPACE_RUN = /[ \t\r\n\f]+/g;

function span(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 1 ? n : undefined;
}
