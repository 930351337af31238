/**
 * Pages laid out the way Word and WPS print a report (A4, 仿宋 text, tables with cell borders), for the PDF reader's
 * tests: paragraphs wrapped at the text width with a first-line indent, the room Word leaves between Chinese and
 * figures (“2024 年”), a title centred over two lines, and ruled tables on a grid of columns and rows whose cells
 * may span several of each (the 依申请 table's group labels, the 复议诉讼 header), their text wrapped in the cell and
 * centred in it, justified labels spread over their cell (“总    计”), a label written down its cell in a vertical
 * font (WPS's 三、本年度办理结果). Each cell draws its own four borders, as Word does, a little apart from those of
 * the next table (WPS puts one table's borders at 77.1 pt, the next one's at 77.3).
 */
import { line, spread, zh, zhVertical, zhWidth } from './pdf-helpers';

export const PAGE = { left: 74.28, right: 518.5, top: 760, bottom: 70 } as const;

/** Word's autospace: a gap (a space in `zh`) where Chinese meets a figure or a Latin letter. */
export function autospace(s: string): string {
  return s.replace(/([\u3400-\u9fff])(?=[0-9A-Za-z])/g, '$1 ').replace(/([0-9A-Za-z%])(?=[\u3400-\u9fff])/g, '$1 ');
}

/** Splits a text into lines of at most `width` points (a space is a quarter em). */
export function wrap(s: string, width: number, size: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  let current = '';
  let w = firstIndent;
  for (const c of s) {
    const cw = c === ' ' ? size / 4 : zhWidth(c, size);
    if (w + cw > width + 0.01 && current) {
      lines.push(current.trimEnd());
      current = '';
      w = 0;
      if (c === ' ') continue;
    }
    current += c;
    w += cw;
  }
  if (current) lines.push(current);
  return lines;
}

const measure = (s: string, size: number) => [...s].reduce((w, c) => w + (c === ' ' ? size / 4 : zhWidth(c, size)), 0);

/** A page being written top down. */
export class WordPage {
  readonly ops: string[] = [];
  y: number = PAGE.top;

  /** A centred line (a title) of `size` points. */
  centred(s: string, size: number, lead = size * 1.3): void {
    const text = autospace(s);
    const x = (PAGE.left + PAGE.right - measure(text, size)) / 2;
    this.ops.push(zh(x, this.y, text, size));
    this.y -= lead;
  }

  /** A paragraph (or a heading): indented by two characters, wrapped at the text width. */
  paragraph(s: string, size = 15.95, lead = 28): void {
    const lines = wrap(autospace(s), PAGE.right - PAGE.left, size, 2 * size);
    lines.forEach((l, k) => {
      const x = PAGE.left + (k === 0 ? 2 * size : 0);
      // Justified: every line but the last reaches the right margin, its characters a little apart.
      const spacing = k < lines.length - 1 ? (PAGE.right - x - measure(l, size)) / Math.max(1, [...l].length - 1) : 0;
      this.ops.push(zh(x, this.y, l, size, spacing));
      this.y -= lead;
    });
  }

  /** The page number at the foot, as WPS prints it. */
  footer(n: number): void {
    this.ops.push(zh(464.16, 39.51, `- ${n} -`, 12.95));
  }

  content(): string {
    return this.ops.join('\n');
  }
}

/** A cell of a ruled table: its place on the grid (row, column, spans) and its text. */
export interface GridCell {
  readonly r: number;
  readonly c: number;
  readonly rs?: number;
  readonly cs?: number;
  readonly text: string;
  readonly size?: number;
  /** Left-aligned (a row label) instead of centred. */
  readonly left?: boolean;
  /** Justified over the cell's width (分散对齐), as Word sets a short label such as 总计. */
  readonly spread?: boolean;
  /** Written down the cell in a vertical-writing font (WPS: a cell whose text direction is vertical), centred. */
  readonly vertical?: boolean;
}

/**
 * Draws a ruled table: columns at `xs` (their borders, left to right), rows of `heights` from the page's current y;
 * each cell's borders, its text wrapped in it, centred. `open` leaves the table's top (bottom) edge undrawn, as some
 * writers print a row that a page break cuts. Returns the y below the table.
 */
export function ruledTable(page: WordPage, xs: readonly number[], heights: readonly number[], cells: readonly GridCell[], open: { top?: boolean; bottom?: boolean } = {}): void {
  const ys = [page.y];
  for (const h of heights) ys.push(ys[ys.length - 1] - h);
  for (const cell of cells) {
    const x1 = xs[cell.c];
    const x2 = xs[cell.c + (cell.cs ?? 1)];
    const y1 = ys[cell.r];
    const y2 = ys[cell.r + (cell.rs ?? 1)];
    if (!(open.top && cell.r === 0)) page.ops.push(line(x1, y1, x2, y1));
    if (!(open.bottom && cell.r + (cell.rs ?? 1) === heights.length)) page.ops.push(line(x1, y2, x2, y2));
    page.ops.push(line(x1, y1, x1, y2), line(x2, y1, x2, y2));
    if (!cell.text) continue;
    const size = cell.size ?? 9;
    const pad = 3;
    if (cell.vertical) {
      // WPS places each character by its top centre, 1.3 % more than a character apart.
      const size = cell.size ?? 9.95;
      const pitch = size * 1.013;
      page.ops.push(zhVertical((x1 + x2) / 2, (y1 + y2) / 2 + ([...cell.text].length * pitch) / 2, cell.text, size, pitch));
      continue;
    }
    if (cell.spread) {
      page.ops.push(spread(x1 + pad, (y1 + y2) / 2 - size * 0.35, cell.text, x2 - x1 - 2 * pad, size));
      continue;
    }
    const lines = wrap(autospace(cell.text), x2 - x1 - 2 * pad, size);
    const lead = size * 1.45;
    let y = (y1 + y2) / 2 + ((lines.length - 1) * lead) / 2 - size * 0.35;
    for (const l of lines) {
      const x = cell.left ? x1 + pad : (x1 + x2 - measure(l, size)) / 2;
      page.ops.push(zh(x, y, l, size));
      y -= lead;
    }
  }
  page.y = ys[ys.length - 1];
}
