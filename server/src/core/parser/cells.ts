import type { Cell, CellState, Span } from '../ast';
import { parseDecimal, parsePlainInteger, ZERO, type Decimal } from '../text/decimal';
import { hasFullWidthFigure, isBlankRange, toHalfWidthFigure } from '../text/normalize';

/** Marks that the national format reads as zero (reference §6). */
const ZERO_MARKS = new Set(['—', '——', '-', '－', '–', '/', '／', '无']);
/** 1,234 or 1234, optionally signed and with decimals; thousands separators only in groups of three. */
const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export interface CellReading {
  readonly state: CellState;
  readonly value?: Decimal;
  readonly fullWidth?: boolean;
}

const BLANK: CellReading = { state: 'blank' };
const ZERO_MARK: CellReading = { state: 'zero-mark', value: ZERO };
/** Text that is no figure (a label, 甲, 是): a reading each for half- and full-width, not one per cell. */
const INVALID: CellReading = Object.freeze({ state: 'invalid', fullWidth: false });
const INVALID_FULL_WIDTH: CellReading = Object.freeze({ state: 'invalid', fullWidth: true });

export function readCellValue(raw: string): CellReading {
  const text = raw.trim();
  if (text === '') return BLANK;
  // Almost every cell is a plain count (0, 12, 1024): read it without regular expressions or string copies.
  const plain = parsePlainInteger(text);
  if (plain !== undefined) return { state: 'number', value: plain, fullWidth: false };
  if (ZERO_MARKS.has(text)) return ZERO_MARK;
  const fullWidth = hasFullWidthFigure(text);
  let s = fullWidth ? toHalfWidthFigure(text) : text;
  const invalid = fullWidth ? INVALID_FULL_WIDTH : INVALID;
  if (!NUMBER_RE.test(s)) return invalid;
  s = s.replace(/,/g, '').replace(/^\+/, '');
  const value = parseDecimal(s);
  return value ? { state: 'number', value, fullWidth } : invalid;
}

/** The next pipe at or after `from` (before `lineEnd`, else -1 or past it); with `wide`, a full-width ｜ counts too. */
function nextPipe(text: string, from: number, lineEnd: number, wide: boolean): number {
  if (!wide) return text.indexOf('|', from);
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c || c === 0xff5c) return i;
  }
  return -1;
}

/** Whether text[from, to) holds a full-width ｜ (read in place: a copy of each row was garbage of a row's size). */
export function hasFullWidthPipe(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0xff5c) return true;
  return false;
}

/**
 * The cells of the row being split. A row's array is then an exact copy: an array grown by push from empty has room
 * for 17 elements, and that spare room was a quarter of what a parsed table kept.
 */
const rowScratch: Cell[] = [];

/**
 * Splits a pipe-table line into cells with exact spans. `\|` is a literal pipe. With `wide`, a full-width `｜` (a
 * common slip of Chinese input) separates cells as `|` does; it has the same UTF-16 length, so spans hold.
 */
export function splitRow(text: string, lineStart: number, lineEnd: number, wide = false): Cell[] {
  const cells = rowScratch;
  // The row starts with a pipe (the parser only calls this for such lines); a trailing pipe is optional.
  let from = -1;
  for (let i = nextPipe(text, lineStart, lineEnd, wide); ; i = nextPipe(text, i + 1, lineEnd, wide)) {
    const end = i >= 0 && i < lineEnd;
    if (end && text.charCodeAt(i - 1) === 0x5c /* \ */) continue;
    const to = end ? i : lineEnd;
    // After the last pipe, only content makes a cell.
    if (from >= 0 && (end || !isBlankRange(text, from, to))) cells.push(makeCell(text, from, to));
    if (!end) {
      const row = cells.slice();
      // Let go of the cells at once, so that the scratch does not keep a document's last row alive.
      cells.length = 0;
      return row;
    }
    from = i + 1;
  }
}

const STATES: readonly CellState[] = ['number', 'blank', 'zero-mark', 'invalid'];
/** Bits 0–1: the state's index in STATES; bits 2–3: fullWidth undefined (0), false (1), true (2). */
function packReading(state: CellState, fullWidth: boolean | undefined): number {
  return STATES.indexOf(state) | ((fullWidth === undefined ? 0 : fullWidth ? 2 : 1) << 2);
}
const PLAIN_NUMBER = packReading('number', false);

/** Room for the spaces between a cell's pipes and its content in `TableCell.packed` (13 bits each side). */
const MAX_PACKED_PADDING = 0x1fff;

/**
 * A cell keeps its offsets as numbers and hands out span objects on demand: cells are the most numerous nodes of a
 * parse (a 10,000-row table has 40,000), and two span objects each were a fifth of what a parse allocated. For the
 * same reason the end of its content is not stored (it is where its text ends), and its state, its fullWidth and
 * the spaces before and after its content (where its pipes are) share one small integer: 56 bytes a cell, not 88.
 * Every object a parse keeps is copied by the young generation's collector before it is promoted, so a 1 MB table
 * costs in collection what it keeps.
 */
class TableCell implements Cell {
  constructor(
    private readonly start: number,
    readonly text: string,
    readonly value: Decimal | undefined,
    /** Bits 0–3: the reading (packReading); 4–16: spaces before the content; 17–29: spaces after it. */
    private readonly packed: number,
  ) {}
  get span(): Span {
    return { start: this.start, end: this.start + this.text.length };
  }
  get outerSpan(): Span {
    return { start: this.start - ((this.packed >> 4) & MAX_PACKED_PADDING), end: this.start + this.text.length + (this.packed >> 17) };
  }
  get state(): CellState {
    return STATES[this.packed & 3];
  }
  get fullWidth(): boolean | undefined {
    const bits = (this.packed >> 2) & 3;
    return bits === 0 ? undefined : bits === 2;
  }
  /** Plain data, as the interface describes it (JSON and structural comparison see the spans). */
  toJSON(): Cell {
    return { span: this.span, outerSpan: this.outerSpan, text: this.text, state: this.state, value: this.value, fullWidth: this.fullWidth };
  }
}

/** A cell with more spaces around its content than TableCell packs (`|` + 10,000 spaces + `1 |`). */
class PaddedTableCell extends TableCell {
  constructor(start: number, text: string, value: Decimal | undefined, reading: number, private readonly outer: Span) {
    super(start, text, value, reading);
  }
  override get outerSpan(): Span {
    return { start: this.outer.start, end: this.outer.end };
  }
}

function newCell(start: number, from: number, to: number, text: string, value: Decimal | undefined, reading: number): Cell {
  const before = start - from;
  const after = to - start - text.length;
  if (before > MAX_PACKED_PADDING || after > MAX_PACKED_PADDING) return new PaddedTableCell(start, text, value, reading, { start: from, end: to });
  return new TableCell(start, text, value, reading | (before << 4) | (after << 17));
}

function makeCell(text: string, from: number, to: number): Cell {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const content = text.slice(start, end);
  // An empty cell's span sits after the opening pipe and its first space, where a figure would go (its end is
  // start + text.length, so it is empty there too).
  if (start === end) start = Math.min(from + 1, to);
  const plain = parsePlainInteger(content);
  if (plain !== undefined) return newCell(start, from, to, content, plain, PLAIN_NUMBER);
  const reading = readCellValue(content);
  return newCell(start, from, to, content, reading.value, packReading(reading.state, reading.fullWidth));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d;
}

const SEPARATOR_CELL = /^:?-{1,}:?$/;
export function isSeparatorRow(cells: readonly Cell[]): boolean {
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.text.replace(/\s+/g, '')));
}
