import { headingLevel } from '../blocks';
import { groupByBaseline, joinWrapped, lineText, type LaidLine, type PdfPage, type PdfTextItem } from './pdf-page';
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
  for (const page of pages) all.push(...pageLines(page));
  const { kept, dropped } = dropFurniture(all, pages);
  const joined = joinParagraphs(dropRepeatedHeads(kept));
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
  for (const table of tables) lines.push(...tableLines(table, page.number));
  lines.push(...unruledRows(groupByBaseline(rest.filter((i) => i.text.trim() !== '')).map((items) => textLine(items, page.number))));
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
  const size = Math.max(...items.map((i) => i.size));
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
  const y = Math.max(...items.map((i) => i.y));
  return {
    page,
    top: y + size,
    bottom: Math.min(...items.map((i) => i.y)),
    left: items[0].x,
    right: Math.max(...items.map((i) => i.x + i.width)),
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
      out.push(...inBands(lines.slice(i, k)));
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
 * A table that goes on over a page break repeats its head rows at the top of the next page: those rows are dropped,
 * so that the table's rows follow on as one table.
 */
function dropRepeatedHeads(lines: LaidLine[]): LaidLine[] {
  const out: LaidLine[] = [];
  let head: LaidLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = out[out.length - 1];
    if (l.cells && prev?.cells && prev.page < l.page && head.length) {
      let k = 0;
      while (k < head.length && lines[i + k]?.cells && lines[i + k].text === head[k].text) k++;
      if (k > 0 && k < head.length + 1) {
        i += k - 1;
        continue;
      }
    }
    // The first rows of a table that starts here are its head, as far as a page break may repeat it.
    if (l.cells && !prev?.cells) head = lines.slice(i, i + 4).filter((h) => h.cells && h.page === l.page);
    out.push(l);
  }
  return out;
}

/** Page numbers as printed: `— 3 —`, `-3-`, `第 3 页`, `第3页 共10页`, `3 / 10`, `3`. */
const PAGE_NUMBER = /^[-—–－﹣~～·•\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:(?:[/／]|共)\s*[0-9０-９]{1,4}\s*(?:页)?)?[-—–－﹣~～·•\s]*$/;
/** The share of a page's height at its top and bottom where page furniture lives. */
const MARGIN_SHARE = 0.1;

/**
 * Page numbers in a page's top or bottom margin, and a running head or foot repeated on most pages (the same text
 * once its figures are set aside), are page furniture, not report text.
 */
function dropFurniture(lines: LaidLine[], pages: readonly PdfPage[]) {
  const heightOf = new Map(pages.map((p) => [p.number, p.height]));
  const inMargin = (l: LaidLine) => {
    const h = heightOf.get(l.page) ?? 842;
    return !l.cells && (l.bottom >= h * (1 - MARGIN_SHARE) || l.top <= h * MARGIN_SHARE);
  };
  const shape = (l: LaidLine) => l.text.replace(/[0-9０-９]+/g, '#');
  const pagesOfShape = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!inMargin(l)) continue;
    const set = pagesOfShape.get(shape(l)) ?? new Set<number>();
    set.add(l.page);
    pagesOfShape.set(shape(l), set);
  }
  const repeated = (l: LaidLine) => pages.length >= 3 && (pagesOfShape.get(shape(l))?.size ?? 0) >= Math.max(3, pages.length / 2);
  const kept: LaidLine[] = [];
  const dropped: Array<{ page: number; text: string }> = [];
  for (const l of lines) {
    if (inMargin(l) && (PAGE_NUMBER.test(l.text) || repeated(l))) dropped.push({ page: l.page, text: l.text });
    else kept.push(l);
  }
  return { kept, dropped };
}

/**
 * A line that reaches the right edge of the text, followed by a line of the same size that starts at the left
 * edge (not indented, not a heading), is a paragraph the page broke: the two are one line again, across a page
 * break too. A title set larger than the text and centred over two lines (“某某区人民政府” / “2024年政府信息公开
 * 工作年度报告”, as Word and WPS print it) is one line too, though its first line is short.
 */
function joinParagraphs(lines: LaidLine[]): LaidLine[] {
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.cells) continue;
    const e = edges.get(l.page) ?? { left: Infinity, right: -Infinity };
    edges.set(l.page, { left: Math.min(e.left, l.left), right: Math.max(e.right, l.right) });
  }
  const body = bodySize(lines);
  const out: LaidLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && (continues(prev, l, edges) || titleGoesOn(prev, l, edges, body))) out[out.length - 1] = { ...prev, text: joinWrapped(prev.text, l.text), right: l.right, bottom: l.bottom };
    else out.push(l);
  }
  return out;
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

const centred = (l: LaidLine, e: { left: number; right: number }) => Math.abs(l.left + l.right - e.left - e.right) < 0.5 * l.size;

function titleGoesOn(prev: LaidLine, next: LaidLine, edges: Map<number, { left: number; right: number }>, body: number): boolean {
  if (prev.cells || next.cells || prev.page !== next.page || Math.abs(prev.size - next.size) > 0.5 || prev.size < body + 1.5) return false;
  // Both lines on one centre, near the middle of the text (which a page of unjustified lines does not fill).
  const edge = edges.get(prev.page)!;
  const centre = (l: LaidLine) => (l.left + l.right) / 2;
  const onOneCentre = Math.abs(centre(prev) - centre(next)) < 0.5 * prev.size && Math.abs(centre(prev) - (edge.left + edge.right) / 2) < 1.5 * prev.size;
  return onOneCentre && prev.bottom - next.top <= 1.5 * next.size && headingLevel(next.text) === undefined;
}

function continues(prev: LaidLine, next: LaidLine, edges: Map<number, { left: number; right: number }>): boolean {
  if (prev.cells || next.cells || Math.abs(prev.size - next.size) > 0.5) return false;
  const prevEdge = edges.get(prev.page)!;
  const nextEdge = edges.get(next.page)!;
  if (prev.right < prevEdge.right - 1.5 * prev.size) return false;
  // A centred title broken over two lines is centred on both.
  if (next.left > nextEdge.left + 0.5 * next.size && !(next.page === prev.page && centred(prev, prevEdge) && centred(next, nextEdge))) return false;
  if (next.page === prev.page && prev.bottom - next.top > 1.5 * next.size) return false;
  return headingLevel(next.text) === undefined;
}
