/**
 * What the PDF reader takes from a page, in page coordinates (points, y upwards), with no PDF library types: the
 * layout modules work on these alone, so that they can be tested on made-up pages.
 */
export interface PdfTextItem {
  readonly text: string;
  /** Left end of the baseline. */
  readonly x: number;
  /** The baseline. */
  readonly y: number;
  readonly width: number;
  /** Font size (the text's height). */
  readonly size: number;
}

/** A drawn rule: a thin filled rectangle or a stroked straight line, axis-aligned (x1 ≤ x2, y1 ≤ y2). */
export interface PdfRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
  readonly rules: readonly PdfRule[];
}

/** A line of the rebuilt text: plain text, or a table row as cells. */
export interface LaidLine {
  readonly page: number;
  /** Top of the line (the highest baseline plus the font size), for reading order. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly size: number;
  readonly text: string;
  readonly cells?: readonly string[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Joins two pieces of one text: with a space where `spaced` says so, unless one side already has one. */
export function joinPieces(a: string, b: string, spaced: boolean): string {
  if (a === '') return b;
  if (b === '') return a;
  return !spaced || /\s$/.test(a) || /^\s/.test(b) ? a + b : `${a} ${b}`;
}

/**
 * Joins the lines of a wrapped text (a cell, a paragraph): no space where Chinese meets the break, nor inside a figure
 * that a narrow cell broke (`21` over `8` is 218: a writer breaks a number only where nothing else fits).
 */
export function joinWrapped(a: string, b: string): string {
  const figure = /\d$/.test(a) && /^\d/.test(b);
  return joinPieces(a, b, !(figure || CJK.test(a.slice(-1)) || CJK.test(b.slice(0, 1))));
}

/** Items grouped into lines by baseline (a tolerance of half the font size), each line ordered left to right. */
export function groupByBaseline<T extends PdfTextItem>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: T[][] = [];
  let current: T[] = [];
  let y = NaN;
  for (const item of sorted) {
    if (current.length && Math.abs(item.y - y) <= Math.max(1, Math.min(item.size, current[0].size) * 0.5)) current.push(item);
    else {
      if (current.length) lines.push(current);
      current = [item];
      y = item.y;
    }
  }
  if (current.length) lines.push(current);
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}

/**
 * The text of items on one baseline: a space where the gap is wider than a fifth of the font size, or between
 * Chinese characters wider than the font size (a justified line spreads its characters apart; that is no space).
 */
export function lineText(items: readonly PdfTextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const chinese = CJK.test(text.slice(-1)) && CJK.test(item.text.slice(0, 1));
    text = joinPieces(text, item.text, gap > item.size * (chinese ? 1 : 0.2));
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

const SPREAD = /([\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’])[ \u00a0]+(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’])/g;

/**
 * A justified line that a writer spread out with spaces between every two characters (“年 度 报 告 中”): three or
 * more such spaces in one piece of text are spreading, not spaces of the text, and go.
 */
export function unspread(text: string): string {
  const spaces = text.match(SPREAD);
  return spaces && spaces.length >= 3 ? text.replace(SPREAD, '$1') : text;
}
