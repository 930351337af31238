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
  /**
   * Text that runs down the page (a vertical-writing font: one character an item, or text turned a quarter to the
   * right) or up it (turned a quarter to the left). Then x and width are the column's left and width, and the item's
   * centre (x + width / 2, y + 0.35 size) is the centre of the text.
   */
  readonly vertical?: 'down' | 'up';
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
  /** For a row of a ruled table: where each of its cells lies. */
  readonly boxes?: readonly CellBox[];
  /** For a row of a ruled table: the table's edge above (below) it is not drawn, as where a page break cuts a row. */
  readonly cut?: { readonly top: boolean; readonly bottom: boolean };
}

/** A cell of a ruled table: its left and right rules, whether it is merged down over more rows, and whether it reaches the table's foot. */
export interface CellBox {
  readonly left: number;
  readonly right: number;
  readonly merged: boolean;
  readonly bottom: boolean;
  /** Its text runs across the page and the last line reaches the cell's right side: wrapped, it may go on. */
  readonly full?: boolean;
}

/** A label's own numbering (`四、`, `（四）`, `4.`): a cell that starts so starts a label, it goes on none. */
export const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9０-９]+[.、．])/;

/** A cell that holds a figure (and nothing else). */
export const isFigure = (cell: string) => /^[\s\d.,，。%％-]+$/.test(cell) && /\d/.test(cell);

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** Joins two pieces of one text: with a space where `spaced` says so, unless one side already has one. */
export function joinPieces(a: string, b: string, spaced: boolean): string {
  if (a === '') return b;
  if (b === '') return a;
  return !spaced || /\s$/.test(a) || /^\s/.test(b) ? a + b : `${a} ${b}`;
}

/**
 * Joins the lines of a wrapped text (a cell, a paragraph): no space where Chinese meets the break, nor inside a figure
 * that a narrow cell broke (`21` over `8` is 218: a writer breaks a number only where nothing else fits), nor after
 * a hyphen the line broke at.
 */
export function joinWrapped(a: string, b: string): string {
  // A figure broken by a narrow cell, or a word or number broken after its hyphen (`0591-` over `23165370`).
  const unbroken = (/\d$/.test(a) && /^\d/.test(b)) || /\w-$/.test(a) || quotesInChinese(a, b);
  return joinPieces(a, b, !(unbroken || CJK.test(a.slice(-1)) || CJK.test(b.slice(0, 1))));
}

/** A Chinese quotation closed at a line's end and the next opened at the next line's start (“办事指南” / “消费提示”). */
const quotesInChinese = (a: string, b: string) => /[\u2e80-\u9fff][”’]$/.test(a) && /^[“‘]/.test(b);

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

/** Chinese characters (not punctuation), and what Word sets apart from them with a gap: figures and Latin letters. */
const IDEOGRAPH = /[\u2e80-\u2fff\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[0-9A-Za-z%.]/;
/** Where a gap between these two characters is layout, never a space of the text. */
const gapIsLayout = (a: string, b: string) => (IDEOGRAPH.test(a) && (IDEOGRAPH.test(b) || LATIN.test(b))) || (LATIN.test(a) && IDEOGRAPH.test(b));

/**
 * The text of items on one baseline. Between Chinese characters, or Chinese and a figure, a gap is never a space: it
 * is the room Word and WPS leave between Chinese and figures (“2024 年”), or a justified label spread over its cell
 * (“合    计”, “其  中”); Chinese text has no spaces. Beside Chinese punctuation a gap wider than the font size is a
 * space (“一、 概述” as typed); between Latin words, one wider than a fifth of it.
 */
export function lineText(items: readonly PdfTextItem[]): string {
  const stretch = justification(items);
  // The pieces, joined once at the end, and the last character so far: read from the text as it grew, each step made
  // V8 flatten it (160,000 pieces on one line took 55 s). Joined as joinPieces joins two.
  const parts: string[] = [];
  let last = '';
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    const b = item.text.slice(0, 1);
    const spaced = gapIsLayout(last, b) ? false : CJK.test(last) || CJK.test(b) ? gap > item.size + stretch : gap > item.size * 0.2;
    if (item.text !== '') {
      if (spaced && last !== '' && !/\s/.test(last) && !/^\s/.test(item.text)) parts.push(' ');
      parts.push(item.text);
      last = item.text.slice(-1);
    }
    end = Math.max(end, item.x + item.width);
  }
  return closeGaps(parts.join('').replace(/\s+/g, ' ').trim());
}

/**
 * How far a justified line spreads its characters: the middle gap between two Chinese characters set as pieces of
 * their own. LibreOffice spreads a line with a long figure or address in it by as much as a character; the gaps
 * beside its punctuation are spread as much, and are no spaces either.
 */
function justification(items: readonly PdfTextItem[]): number {
  const gaps: number[] = [];
  for (let k = 1; k < items.length; k++) {
    const [a, b] = [items[k - 1], items[k]];
    if (IDEOGRAPH.test(a.text.slice(-1)) && IDEOGRAPH.test(b.text.slice(0, 1))) gaps.push(b.x - (a.x + a.width));
  }
  if (gaps.length < 3) return 0;
  gaps.sort((x, y) => x - y);
  return Math.max(0, gaps[gaps.length >> 1]);
}

const SPACED = /(\S)[ \u00a0]+(?=(\S))/g;

/**
 * The spaces pdf.js writes into a piece of text where the glyphs leave a gap: between Chinese and figures
 * (“第 711 号”), between the characters of a justified line or label (“只计这一情 形”, “总 计”). None is a character
 * of the text. Spaces between Latin words, and beside punctuation, stay.
 */
export function closeGaps(text: string): string {
  return /[ \u00a0]/.test(text) ? text.replace(SPACED, (all: string, a: string, b: string) => (gapIsLayout(a, b) ? a : all)) : text;
}

/** Every character of a run of Chinese text and punctuation set apart by one space. */
const SPREAD_RUN = /^[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]( [\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’])+$/;

/**
 * A piece of text as pdf.js gives it for one run of glyphs. LibreOffice justifies Chinese lines by widening every gap,
 * and pdf.js then writes a space between every two characters, punctuation too (“依 据 《 中 华”): a run spaced so
 * throughout is spread, none of its spaces typed. Other spaces are left to closeGaps.
 */
export function runText(text: string): string {
  return SPREAD_RUN.test(text) ? text.replace(/ /g, '') : closeGaps(text);
}
