import type { XxgkDocument } from '../ast';
import { parseDecimal, type Decimal } from '../text/decimal';
import { NodeCache } from '../node-cache';

/** A count or amount written in prose: a number and its unit (`486条`, `１２件`, `0.35万元`, `54.17%`, `十二条`). */
export interface Figure {
  /** Offsets of number + unit (the span a finding points at). */
  readonly start: number;
  readonly end: number;
  /** End of the number itself (before any 余/多 and the unit). */
  readonly numberEnd: number;
  readonly value: Decimal;
  /** Unit as written, full-width ％ read as %; a 万/亿 multiplier stays part of it (万条 is not 条). */
  readonly unit: string;
  /** 约/近/逾/超过 before, or 余/多/左右 after: not an exact figure. */
  readonly approximate: boolean;
  /** 第3期: a rank, not a count. */
  readonly ordinal: boolean;
  /** Written in Chinese numerals (十二条). */
  readonly chinese: boolean;
  /** Thousands written with the full-width comma (1，234件): read as 1234, as 1,234 is, but worth a warning. */
  readonly wideSeparator?: boolean;
}

/** Units, longest first so that 场次 wins over 场 and 万元 over 万. */
const UNITS = [
  '场次', '人次', '件次', '条次', '个次', '户次', '家次', '期次', '批次', '万元', '亿元',
  '条', '件', '个', '次', '篇', '期', '项', '场', '家', '人', '份', '则', '部', '批', '户', '起', '宗', '例', '张', '元', '%', '％',
];
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

// Scans read char codes: each CJK character read as `text[i]` would be a fresh one-character string.
/** What each UTF-16 code unit can start: looked up once per character of every paragraph. */
const OTHER = 0; // what a fresh Uint8Array holds
const DIGIT = 1;
const CN_NUMERAL = 2;
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CHAR_CLASS[c] = DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) CHAR_CLASS[c] = DIGIT;
const CN_NUMERAL_CHARS = [...Object.keys(CN_DIGITS), ...Object.keys(CN_UNITS)];
for (const c of CN_NUMERAL_CHARS) CHAR_CLASS[c.charCodeAt(0)] = CN_NUMERAL;

function isAsciiDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isWideDigitCode(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}
function isDigitCode(c: number): boolean {
  return c >= 0 && CHAR_CLASS[c] === DIGIT;
}
/** The digit as ASCII (full-width digits have half-width twins). */
function halfDigit(c: number): string {
  return String.fromCharCode(isWideDigitCode(c) ? c - 0xfee0 : c);
}
function isCnNumeralCode(c: number): boolean {
  return c >= 0 && CHAR_CLASS[c] === CN_NUMERAL;
}
function isWordCharCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0xff0e; // A-Z a-z _ . ．
}

/** UNITS by their first char code, longest first, so that finding a unit costs a lookup and a startsWith or two. */
const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of UNITS) {
  const k = u.charCodeAt(0);
  UNITS_BY_FIRST.set(k, [...(UNITS_BY_FIRST.get(k) ?? []), u]);
}

/** Whether a unit can start with the code unit: a table lookup spares the map for the characters after most numbers. */
const UNIT_FIRST = new Uint8Array(0x10000);
for (const u of UNITS) UNIT_FIRST[u.charCodeAt(0)] = 1;

function plainUnitAt(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (!(c >= 0) || UNIT_FIRST[c] === 0) return undefined; // NaN past the end
  const candidates = UNITS_BY_FIRST.get(c);
  if (candidates) for (const u of candidates) if (text.startsWith(u, i)) return u;
  return undefined;
}

/** The unit starting at `i`, if any (with a 万/亿 multiplier folded in). */
function unitAt(text: string, i: number): string | undefined {
  const unit = plainUnitAt(text, i);
  if (unit) return unit === '％' ? '%' : unit;
  const m = text.charCodeAt(i);
  if (m === 0x4e07 /* 万 */ || m === 0x4ebf /* 亿 */) {
    const u = plainUnitAt(text, i + 1);
    if (u !== undefined && u !== '%' && u !== '％' && !u.endsWith('元')) return text[i] + u;
  }
  return undefined;
}

/** Value of a Chinese numeral such as 十二, 一百零五, 两千三百; undefined when it is not a well-formed count. */
export function chineseValue(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[c] !== 0) return undefined; // 二三: not a count
      digit = CN_DIGITS[c];
    } else if (c === '万') {
      section += digit ?? 0;
      if (section === 0) return undefined;
      total += section * 10000;
      section = 0;
      digit = undefined;
    } else if (c in CN_UNITS) {
      const unit = CN_UNITS[c];
      section += (digit === undefined ? (unit === 10 && section === 0 ? 1 : NaN) : digit) * unit;
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

const APPROX_BEFORE = ['约', '近', '逾', '超过', '超', '大约', '将近'];
const APPROX_LAST = new Set(APPROX_BEFORE.map((w) => w.charCodeAt(w.length - 1)));

/**
 * Several rules read the figures of the same paragraph in one check: scanned once per paragraph of a (immutable)
 * document. One table per document, indexed by paragraph, costs one cache entry instead of one per paragraph.
 */
const byDocument = new NodeCache<XxgkDocument, Array<readonly Figure[] | undefined>>('paragraph figures');

export function paragraphFigures(doc: XxgkDocument, index: number): readonly Figure[] {
  let table = byDocument.get(doc);
  if (!table) byDocument.set(doc, (table = new Array<readonly Figure[] | undefined>(doc.paragraphs.length)));
  return (table[index] ??= extractFigures(doc.paragraphs[index].text));
}

/**
 * Every figure with a unit in `text`, in order. Arabic digits (ASCII or full-width), `1,234` thousands separators
 * (ASCII comma, groups of three), decimals; simple Chinese numerals. A number without a unit is not a figure.
 * Linear: each character is read a bounded number of times.
 */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const n = text.length;
  const code = (k: number) => (k >= 0 && k < n ? text.charCodeAt(k) : -1);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = CHAR_CLASS[c];
    if (kind === OTHER) {
      i++;
      continue;
    }
    if (kind === DIGIT) {
      const start = i;
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      // 1,234: only when every group after the first has exactly three digits. The full-width comma (1，234), a
      // slip of Chinese input, is read the same way: read as 1 and 234 the figure would pass or fail silently.
      let wideSeparator = false;
      if (i - start <= 3) {
        for (let sep = code(i); (sep === 0x2c || sep === 0xff0c) && isDigitCode(code(i + 1)) && isDigitCode(code(i + 2)) && isDigitCode(code(i + 3)) && !isDigitCode(code(i + 4)); sep = code(i)) {
          if (sep === 0xff0c) wideSeparator = true;
          i += 4;
        }
      }
      if ((code(i) === 0x2e || code(i) === 0xff0e) && isDigitCode(code(i + 1))) {
        i++;
        while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      }
      // Most numbers in prose are years and dates (2023年): no unit, so no figure, and nothing to parse.
      const unitStart = afterApproximateSuffix(text, i);
      const unit = unitAt(text, unitStart);
      if (unit === undefined) continue;
      const value = parseDecimal(asciiNumber(text, start, i));
      if (!value) continue;
      const figure = makeFigure(text, start, i, unitStart, unit, value, false, wideSeparator);
      // A number glued to letters or another number (A12, v1.2.3) is not a count.
      if (!isWordCharCode(code(start - 1)) && !isWordCharCode(code(i))) out.push(figure);
      i = figure.end;
      continue;
    }
    if (!isCnNumeralCode(code(i - 1))) {
      const start = i;
      while (i < n && isCnNumeralCode(text.charCodeAt(i))) i++;
      // 一 and 十 are in many words (统一, 进一步, 十分): only a numeral followed by a unit is worth reading.
      const unitStart = afterApproximateSuffix(text, i);
      const unit = unitAt(text, unitStart);
      const value = unit === undefined ? undefined : chineseValue(text.slice(start, i));
      if (unit !== undefined && value !== undefined) {
        const figure = makeFigure(text, start, i, unitStart, unit, { units: BigInt(value), scale: 0 }, true);
        out.push(figure);
        i = figure.end;
      }
      continue;
    }
    i++;
  }
  return out;
}

/** The number from `from` to `to` in ASCII, without thousands separators: a slice when it is ASCII already. */
function asciiNumber(text: string, from: number, to: number): string {
  let plain = true;
  for (let k = from; k < to && plain; k++) {
    const c = text.charCodeAt(k);
    plain = isAsciiDigitCode(c) || c === 0x2e;
  }
  if (plain) return text.slice(from, to);
  let out = '';
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2c || c === 0xff0c) continue;
    out += c === 0xff0e ? '.' : halfDigit(c);
  }
  return out;
}

const MORE = 0x4f59; // 余
const MANY = 0x591a; // 多
/** Where the unit starts after a number ending at `numberEnd`: past a 余 or 多 (300余条), if any. */
function afterApproximateSuffix(text: string, numberEnd: number): number {
  const next = text.charCodeAt(numberEnd);
  return next === MORE || next === MANY ? numberEnd + 1 : numberEnd;
}

function makeFigure(text: string, start: number, numberEnd: number, unitStart: number, unit: string, value: Decimal, chinese: boolean, wideSeparator = false): Figure {
  const end = unitStart + unit.length;
  let approximate = unitStart > numberEnd || (text.charCodeAt(end) === 0x5de6 /* 左 */ && text.charCodeAt(end + 1) === 0x53f3); /* 右 */
  if (!approximate && start > 0 && APPROX_LAST.has(text.charCodeAt(start - 1))) {
    const before = text.slice(Math.max(0, start - 2), start);
    approximate = APPROX_BEFORE.some((w) => before.endsWith(w));
  }
  const ordinal = text.charCodeAt(start - 1) === 0x7b2c; /* 第 */
  return wideSeparator ? { start, end, numberEnd, value, unit, approximate, ordinal, chinese, wideSeparator } : { start, end, numberEnd, value, unit, approximate, ordinal, chinese };
}
