import { append, maxOf, minOf } from '../../arrays';
import { headingLevel } from '../blocks';
import { groupByBaseline, isFigure, joinWrapped, lineText, NUMBERED, type CellBox, type LaidLine, type PdfPage, type PdfTextItem } from './pdf-page';
import { joinCutRows } from './pdf-cut-rows';
import { findRuledTables, tableLines } from './pdf-ruled';

/**
 * Pages of positioned text as the lines a copy of the report would give, for the text importer: ruled tables as
 * rows of tab-separated cells (pdf-ruled), rows of unruled tables by their column bands, page numbers and running
 * heads dropped (and said), and paragraphs that a page's width broke into lines joined again.
 */
export interface PdfLayout {
  /** The report as text: one line per paragraph, heading or table row (cells tab-separated). */
  readonly text: string;
  /** The page of each line of `text` (1-based), for notes. */
  readonly pageOfLine: readonly number[];
  /** Lines dropped as page furniture, with their pages. */
  readonly dropped: ReadonlyArray<{ readonly page: number; readonly text: string }>;
}

export function layOut(pages: readonly PdfPage[]): PdfLayout {
  const all: LaidLine[] = [];
  for (const page of pages) append(all, pageLines(page));
  const { kept, dropped } = dropFurniture(all, pages);
  const joined = joinParagraphs(joinCutRows(joinCutCells(dropRepeatedHeads(kept))));
  const text: string[] = [];
  const pageOfLine: number[] = [];
  for (const line of joined) {
    text.push(line.cells ? line.cells.map((c) => c.replace(/\t/g, ' ')).join('\t') : line.text);
    pageOfLine.push(line.page);
  }
  return { text: text.join('\n') + '\n', pageOfLine, dropped };
}

/** One page's lines top to bottom: ruled tables' rows, and the other text by baseline. */
export function pageLines(page: PdfPage): LaidLine[] {
  const { tables, rest } = findRuledTables(page.rules, page.items);
  const lines: LaidLine[] = [];
  for (const table of tables) append(lines, tableLines(table, page.number));
  append(lines, unruledRows(groupByBaseline(rest.filter((i) => i.text.trim() !== '')).map((items) => textLine(items, page.number))));
  return lines.sort((a, b) => b.top - a.top || a.left - b.left);
}

interface TextLine extends LaidLine {
  /** The line split where the gap is wider than two characters: cells, if the line is a row of an unruled table. */
  readonly pieces: ReadonlyArray<{ readonly text: string; readonly left: number; readonly right: number }>;
}

/** Gaps wider than this many font sizes part the cells of an unruled table. */
const CELL_GAP = 2;
/** A label justified over its cell (“合    计”) spreads its characters at most this many font sizes apart. */
const SPREAD_GAP = 6;
const ONE_CHINESE = /^[\u2e80-\u9fff\uf900-\ufaff]$/;

function textLine(items: readonly PdfTextItem[], page: number): TextLine {
  const size = maxOf(items, (i) => i.size);
  // `spread`: the piece is one Chinese character, or characters spread apart one by one (a justified label).
  const pieces: Array<{ items: PdfTextItem[]; left: number; right: number; spread: boolean }> = [];
  for (const item of items) {
    const last = pieces[pieces.length - 1];
    const gap = last ? item.x - last.right : Infinity;
    const single = ONE_CHINESE.test(item.text);
    if (last && gap <= CELL_GAP * size) {
      last.items.push(item);
      last.right = Math.max(last.right, item.x + item.width);
      last.spread = false;
    } else if (last?.spread && single && gap <= SPREAD_GAP * size) {
      last.items.push(item);
      last.right = item.x + item.width;
    } else pieces.push({ items: [item], left: item.x, right: item.x + item.width, spread: single });
  }
  const y = maxOf(items, (i) => i.y);
  return {
    page,
    top: y + size,
    bottom: minOf(items, (i) => i.y),
    left: items[0].x,
    right: maxOf(items, (i) => i.x + i.width),
    size,
    text: lineText(items),
    pieces: pieces.map((p) => ({ text: lineText(p.items), left: p.left, right: p.right })),
  };
}

/**
 * Two or more consecutive lines of two or more pieces, one of them of three or more, are the rows of an unruled
 * table: their pieces are put in the table's column bands (an empty band is an empty cell).
 */
function unruledRows(lines: TextLine[]): LaidLine[] {
  const out: LaidLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let k = i;
    while (k < lines.length && lines[k].pieces.length >= 2) k++;
    if (k - i >= 2 && lines.slice(i, k).some((l) => l.pieces.length >= 3)) {
      append(out, inBands(lines.slice(i, k)));
      i = k;
    } else out.push(lines[i++]);
  }
  return out;
}

function inBands(rows: TextLine[]): LaidLine[] {
  const spans = rows.flatMap((r) => r.pieces).sort((a, b) => a.left - b.left);
  const bands: Array<{ left: number; right: number }> = [];
  for (const s of spans) {
    const last = bands[bands.length - 1];
    if (last && s.left <= last.right) last.right = Math.max(last.right, s.right);
    else bands.push({ left: s.left, right: s.right });
  }
  return rows.map((row) => {
    const cells = bands.map(() => '');
    for (const p of row.pieces) {
      const b = bands.findIndex((band) => p.left >= band.left && p.left <= band.right);
      cells[b] = cells[b] ? `${cells[b]} ${p.text}` : p.text;
    }
    return { ...row, cells };
  });
}

/**
 * A table that goes on over a page break repeats its head rows at the top of the next page (Word's and LibreOffice's
 * “repeat heading rows”): those rows are dropped, so that the table's rows follow on as one table. The head is the
 * rows before the first row with a figure in it; a repeat may be drawn differently (a head squeezed at the foot of a
 * page shows its labels cut short), so a row repeats a head row when its cells start the same way.
 */
function dropRepeatedHeads(lines: LaidLine[]): LaidLine[] {
  const out: LaidLine[] = [];
  // The head of the table being read, as indices into `out`.
  let head: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = out[out.length - 1];
    if (l.cells && prev?.cells && prev.page < l.page && head.length) {
      let k = 0;
      while (k < head.length && lines[i + k]?.cells && lines[i + k].page === l.page && repeats(lines[i + k].cells!, out[head[k]].cells!)) k++;
      // The head drawn in full on this page mends one cut short at the foot of the first.
      for (let j = 0; j < k; j++) out[head[j]] = fuller(out[head[j]], lines[i + j].cells!);
      if (k > 0) {
        i += k - 1;
        continue;
      }
    }
    if (l.cells && !prev?.cells) {
      // A table starts here: its head is its rows up to the first with a figure, on this page, at most six.
      head = [];
      for (let k = i; k < lines.length && head.length < 6 && lines[k].cells && lines[k].page === l.page && !lines[k].cells!.some(isFigure); k++) head.push(out.length + k - i);
    }
    out.push(l);
  }
  return out;
}

function fuller(line: LaidLine, cells: readonly string[]): LaidLine {
  const merged = line.cells!.map((c, k) => (cells[k].replace(/\s+/g, '').length > c.replace(/\s+/g, '').length ? cells[k] : c));
  return { ...line, cells: merged, text: merged.join('\t') };
}

/**
 * A merged cell that a page break cuts (the 依申请 table's 三、本年度办理结果 over twenty rows) is drawn on both pages,
 * its text split between them (`三、本年度办理` / `结果`), or empty on the second: the first row after the break then
 * has cells that are no cells of it. A cell there that lies where a cell of the page before reaches the table's foot,
 * between the same rules, one of the two merged down over rows, goes on that cell: its text is joined to it and the
 * cell taken out of the row. A cell that starts with its own numbering (`（四）无法提供`) is a cell of its own.
 */
function joinCutCells(lines: LaidLine[]): LaidLine[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const row = out[i];
    const prev = out[i - 1];
    if (!row.boxes || !prev.boxes || prev.page >= row.page) continue;
    // The rows of the table's part on the page before.
    const part: number[] = [];
    for (let k = i - 1; k >= 0 && out[k].boxes && out[k].page === prev.page && out[k].left === prev.left; k--) part.push(k);
    const cells = [...row.cells!];
    const boxes = [...row.boxes];
    for (let c = 0; c < boxes.length; ) {
      const b = boxes[c];
      const same = (p: CellBox) => p.bottom && Math.abs(p.left - b.left) <= 2 && Math.abs(p.right - b.right) <= 2 && (p.merged || b.merged);
      const at = NUMBERED.test(cells[c]) ? undefined : part.map((k) => ({ k, j: out[k].boxes!.findIndex(same) })).find((f) => f.j >= 0);
      if (!at) {
        c++;
        continue;
      }
      const above = out[at.k];
      const joined = above.cells!.map((t, j) => (j === at.j ? joinWrapped(t, cells[c]) : t));
      out[at.k] = { ...above, cells: joined, text: joined.join('\t') };
      cells.splice(c, 1);
      boxes.splice(c, 1);
    }
    if (cells.length !== row.cells!.length) out[i] = { ...row, cells, boxes, text: cells.join('\t') };
  }
  return out;
}

/** The same cells, as far as each is drawn: empty where the head is empty, else one text the start of the other. */
function repeats(cells: readonly string[], head: readonly string[]): boolean {
  if (cells.length !== head.length || cells.some(isFigure)) return false;
  const bare = (s: string) => s.replace(/\s+/g, '');
  let same = 0;
  for (let c = 0; c < cells.length; c++) {
    const a = bare(cells[c]);
    const b = bare(head[c]);
    if (a === b) same++;
    else if (a === '' || b === '' || !(a.startsWith(b) || b.startsWith(a))) return false;
  }
  return same > 0;
}

/** Page numbers as printed: `— 3 —`, `-3-`, `第 3 页`, `第3页 共10页`, `3 / 10`, `3`. */
const PAGE_NUMBER = /^[-—–－﹣~～·•\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:(?:[/／]|共)\s*[0-9０-９]{1,4}\s*(?:页)?)?[-—–－﹣~～·•\s]*$/;
/**
 * The shares of a page's height at its top and bottom where page furniture may live. A page number as GB/T 9704 sets
 * it (`— 6 —`, 7 mm under the type area) sits about 70 points above the bottom edge of an A4 page, its top near 90.
 */
const TOP_SHARE = 0.1;
const BOTTOM_SHARE = 0.125;

/**
 * Page numbers, and a running head or foot repeated on most pages (the same text once its figures are set aside),
 * are page furniture, not report text, when they are the outermost lines of their page: in its top or bottom margin
 * with no report text above (below) them. Report text that happens to look like a page number stays.
 */
function dropFurniture(lines: LaidLine[], pages: readonly PdfPage[]) {
  const heightOf = new Map(pages.map((p) => [p.number, p.height]));
  const inTop = (l: LaidLine) => l.bottom >= (heightOf.get(l.page) ?? 842) * (1 - TOP_SHARE);
  const inBottom = (l: LaidLine) => l.top <= (heightOf.get(l.page) ?? 842) * BOTTOM_SHARE;
  const shape = (l: LaidLine) => l.text.replace(/[0-9０-９]+/g, '#');
  const pagesOfShape = new Map<string, Set<number>>();
  for (const l of lines) {
    if (l.cells || !(inTop(l) || inBottom(l))) continue;
    const set = pagesOfShape.get(shape(l)) ?? new Set<number>();
    set.add(l.page);
    pagesOfShape.set(shape(l), set);
  }
  const repeated = (l: LaidLine) => pages.length >= 3 && (pagesOfShape.get(shape(l))?.size ?? 0) >= Math.max(3, pages.length / 2);
  const furniture = (l: LaidLine) => !l.cells && (PAGE_NUMBER.test(l.text) || repeated(l));
  const drop = new Set<LaidLine>();
  // Lines come page by page, top to bottom: each page's run is scanned from both of its ends.
  for (let i = 0; i < lines.length; ) {
    let k = i;
    while (k < lines.length && lines[k].page === lines[i].page) k++;
    for (let j = i; j < k && inTop(lines[j]) && furniture(lines[j]); j++) drop.add(lines[j]);
    for (let j = k - 1; j >= i && !drop.has(lines[j]) && inBottom(lines[j]) && furniture(lines[j]); j--) drop.add(lines[j]);
    i = k;
  }
  return {
    kept: lines.filter((l) => !drop.has(l)),
    dropped: lines.filter((l) => drop.has(l)).map((l) => ({ page: l.page, text: l.text })),
  };
}

/**
 * A line that reaches the right edge of the text, followed by a line of the same size that starts at the left
 * edge (not indented, not a heading), is a paragraph the page broke: the two are one line again, across a page
 * break too. A title set larger than the text and centred over two lines (“某某区人民政府” / “2024年政府信息公开
 * 工作年度报告”, as Word and WPS print it) is one line too, though its first line is short.
 */
function joinParagraphs(lines: LaidLine[]): LaidLine[] {
  const edge = textEdges(lines);
  const body = bodySize(lines);
  const out: LaidLine[] = [];
  // A paragraph's lines are gathered and joined once, at the end. Joined line by line, the growing text was read
  // again at each line (for its last characters, all joinWrapped looks at): a 400-page PDF whose lines all ran on
  // into one paragraph took 40 s and more. joinWrapped is given the last characters only.
  const pieces: string[][] = [];
  const tails: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && (continues(prev, l, edge) || titleGoesOn(prev, l, edge, body))) {
      const k = out.length - 1;
      const added = joinWrapped(tails[k], l.text).slice(tails[k].length);
      pieces[k].push(added);
      tails[k] = (tails[k] + added).slice(-TAIL);
      out[k] = { ...prev, right: l.right, bottom: l.bottom };
    } else {
      out.push(l);
      pieces.push([l.text]);
      tails.push(l.text.slice(-TAIL));
    }
  }
  return out.map((l, k) => (pieces[k].length > 1 ? { ...l, text: pieces[k].join('') } : l));
}

/** The characters at a text's end that joining it to the next line depends on (two; a surrogate pair counts two). */
const TAIL = 4;

interface Edges {
  readonly left: number;
  readonly right: number;
}

/**
 * The left and right edges of the running text: the leftmost and rightmost positions that a share of the lines start
 * or end at. Not the extremes: Word and LibreOffice let a closing comma or full stop hang past the right edge, and a
 * line here and there may stick out.
 */
function textEdges(lines: readonly LaidLine[]): Edges {
  const text = lines.filter((l) => !l.cells);
  const enough = Math.max(2, Math.ceil(text.length * 0.1));
  // Positions within 2 points of each other are one; the groups with enough lines qualify.
  const groups = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const out: number[][] = [];
    for (const v of sorted) {
      const last = out[out.length - 1];
      if (last && v - last[last.length - 1] <= 2) last.push(v);
      else out.push([v]);
    }
    return out.filter((g) => g.length >= enough);
  };
  const lefts = text.map((l) => l.left);
  const rights = text.map((l) => l.right);
  // Too few lines to tell: the extremes.
  const ls = groups(lefts).map((g) => g[0]);
  const rs = groups(rights).map((g) => g[g.length - 1]);
  return {
    left: ls.length ? minOf(ls, (x) => x) : minOf(lefts, (x) => x),
    right: rs.length ? maxOf(rs, (x) => x) : maxOf(rights, (x) => x),
  };
}

/** The size most of the text is set in (by characters). */
function bodySize(lines: readonly LaidLine[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) if (!l.cells) chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length);
  let best = 0;
  let most = -1;
  for (const [size, n] of chars) if (n > most) [best, most] = [size, n];
  return best;
}

const centred = (l: LaidLine, e: Edges) => Math.abs(l.left + l.right - e.left - e.right) < 0.5 * l.size;

function titleGoesOn(prev: LaidLine, next: LaidLine, edge: Edges, body: number): boolean {
  if (prev.cells || next.cells || prev.page !== next.page || Math.abs(prev.size - next.size) > 0.5 || prev.size < body + 1.5) return false;
  // Both lines on one centre, near the middle of the text (which a page of unjustified lines does not fill).
  const centre = (l: LaidLine) => (l.left + l.right) / 2;
  const onOneCentre = Math.abs(centre(prev) - centre(next)) < 0.5 * prev.size && Math.abs(centre(prev) - (edge.left + edge.right) / 2) < 1.5 * prev.size;
  // LibreOffice sets a title's lines farther apart than Word (a 22-point title 58 points from line to line).
  return onOneCentre && prev.bottom - next.top <= 2 * next.size && headingLevel(next.text) === undefined;
}

function continues(prev: LaidLine, next: LaidLine, edge: Edges): boolean {
  if (prev.cells || next.cells || Math.abs(prev.size - next.size) > 0.5) return false;
  if (prev.right < edge.right - 1.5 * prev.size) return false;
  // A centred title broken over two lines is centred on both.
  if (next.left > edge.left + next.size && !(next.page === prev.page && centred(prev, edge) && centred(next, edge))) return false;
  if (next.page === prev.page && prev.bottom - next.top > 1.5 * next.size) return false;
  return headingLevel(next.text) === undefined;
}
