import type { Cell, CellState } from '../ast';
import { parseDecimal, type Decimal } from '../text/decimal';
import { hasFullWidthDigit, toHalfWidthDigits } from '../text/normalize';

/** Marks that the national format reads as zero (reference §6). */
const ZERO_MARKS = new Set(['—', '——', '-', '－', '–', '/', '／', '无']);
/** 1,234 or 1234, optionally signed and with decimals; thousands separators only in groups of three. */
const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export interface CellReading {
  readonly state: CellState;
  readonly value?: Decimal;
  readonly fullWidth?: boolean;
}

const ZERO: Decimal = { units: 0n, scale: 0 };
const BLANK: CellReading = { state: 'blank' };
const ZERO_MARK: CellReading = { state: 'zero-mark', value: ZERO };

export function readCellValue(raw: string): CellReading {
  const text = raw.trim();
  if (text === '') return BLANK;
  // Almost every cell is a plain count (0, 12, 1024): read it without regular expressions or string copies.
  const plain = plainInteger(text);
  if (plain !== undefined) return { state: 'number', value: plain, fullWidth: false };
  if (ZERO_MARKS.has(text)) return ZERO_MARK;
  const fullWidth = hasFullWidthDigit(text);
  let s = fullWidth ? toHalfWidthDigits(text).replace(/，/g, ',').replace(/．/g, '.').replace(/－/g, '-').replace(/＋/g, '+') : text;
  if (!NUMBER_RE.test(s)) return { state: 'invalid', fullWidth };
  s = s.replace(/,/g, '').replace(/^\+/, '');
  const value = parseDecimal(s);
  return value ? { state: 'number', value, fullWidth } : { state: 'invalid', fullWidth };
}

/** `text` as an integer when it is 1–15 ASCII digits (exact as a double), else undefined. */
function plainInteger(text: string): Decimal | undefined {
  const n = text.length;
  if (n > 15) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value === 0 ? ZERO : { units: BigInt(value), scale: 0 };
}

/** Splits a pipe-table line into cells with exact spans. `\|` is a literal pipe. */
export function splitRow(text: string, lineStart: number, lineEnd: number): Cell[] {
  const pipes: number[] = [];
  for (let i = text.indexOf('|', lineStart); i >= 0 && i < lineEnd; i = text.indexOf('|', i + 1)) {
    if (text.charCodeAt(i - 1) !== 0x5c /* \ */) pipes.push(i);
  }
  // The row starts with a pipe (the parser only calls this for such lines); a trailing pipe is optional.
  const bounds: Array<[number, number]> = [];
  for (let k = 0; k < pipes.length; k++) {
    const from = pipes[k] + 1;
    const to = k + 1 < pipes.length ? pipes[k + 1] : lineEnd;
    if (k + 1 === pipes.length && text.slice(from, to).trim() === '') break;
    bounds.push([from, to]);
  }
  return bounds.map(([from, to]) => makeCell(text, from, to));
}

function makeCell(text: string, from: number, to: number): Cell {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const content = text.slice(start, end);
  const reading = readCellValue(content);
  // An empty cell's span sits after the opening pipe and its first space, where a figure would go.
  const at = start === end ? Math.min(from + 1, to) : start;
  // One literal of a fixed shape (not a spread): cells are the most numerous objects of a parse.
  return {
    span: start === end ? { start: at, end: at } : { start, end },
    outerSpan: { start: from, end: to },
    text: content,
    state: reading.state,
    value: reading.value,
    fullWidth: reading.fullWidth,
  };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d;
}

const SEPARATOR_CELL = /^:?-{1,}:?$/;
export function isSeparatorRow(cells: readonly Cell[]): boolean {
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.text.replace(/\s+/g, '')));
}
