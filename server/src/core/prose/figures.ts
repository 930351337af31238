import { parseDecimal, type Decimal } from '../text/decimal';

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
}

/** Units, longest first so that 场次 wins over 场 and 万元 over 万. */
const UNITS = [
  '场次', '人次', '件次', '条次', '个次', '户次', '家次', '期次', '批次', '万元', '亿元',
  '条', '件', '个', '次', '篇', '期', '项', '场', '家', '人', '份', '则', '部', '批', '户', '起', '宗', '例', '张', '元', '%', '％',
];
const MULTIPLIERS = '万亿';
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

function isAsciiDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isWideDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '０' && c <= '９';
}
function isDigit(c: string | undefined): boolean {
  return isAsciiDigit(c) || isWideDigit(c);
}
function halfDigit(c: string): string {
  return isWideDigit(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c;
}
/** Checked for every character of every paragraph: a set of char codes, not a property lookup. */
const CN_NUMERAL_CODES = new Set([...Object.keys(CN_DIGITS), ...Object.keys(CN_UNITS), '百', '千'].map((c) => c.charCodeAt(0)));
function isCnNumeral(c: string | undefined): boolean {
  return c !== undefined && CN_NUMERAL_CODES.has(c.charCodeAt(0));
}
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_.．]/.test(c);
}

/** The unit starting at `i`, if any (with a 万/亿 multiplier folded in). */
function unitAt(text: string, i: number): string | undefined {
  for (const u of UNITS) if (text.startsWith(u, i)) return u === '％' ? '%' : u;
  const m = text[i];
  if (m !== undefined && MULTIPLIERS.includes(m)) {
    for (const u of UNITS) if (u !== '%' && u !== '％' && !u.endsWith('元') && text.startsWith(u, i + 1)) return m + u;
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

/**
 * Every figure with a unit in `text`, in order. Arabic digits (ASCII or full-width), `1,234` thousands separators
 * (ASCII comma, groups of three), decimals; simple Chinese numerals. A number without a unit is not a figure.
 * Linear: each character is read a bounded number of times.
 */
const cache = new Map<string, readonly Figure[]>();
const CACHE_LIMIT = 2048;

/** Several rules read the figures of the same paragraphs: extraction is memoised per text (figures are immutable). */
export function extractFigures(text: string): readonly Figure[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const figures = scanFigures(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, figures);
  return figures;
}

function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const prev = i > 0 ? text[i - 1] : undefined;
    if (isDigit(c)) {
      const start = i;
      let digits = '';
      while (i < n && isDigit(text[i])) digits += halfDigit(text[i++]);
      // 1,234: only when every group after the first has exactly three digits.
      while (digits.length <= 3 || digits.includes(',')) {
        if (text[i] !== ',' || !isDigit(text[i + 1]) || !isDigit(text[i + 2]) || !isDigit(text[i + 3]) || isDigit(text[i + 4])) break;
        if (!digits.includes(',') && digits.length > 3) break;
        digits += ',' + halfDigit(text[i + 1]) + halfDigit(text[i + 2]) + halfDigit(text[i + 3]);
        i += 4;
      }
      if ((text[i] === '.' || text[i] === '．') && isDigit(text[i + 1])) {
        digits += '.';
        i++;
        while (i < n && isDigit(text[i])) digits += halfDigit(text[i++]);
      }
      const figure = finish(text, start, i, parseDecimal(digits.replace(/,/g, '')), false);
      // A number glued to letters or another number (A12, v1.2.3) is not a count.
      if (figure && !isWordChar(prev) && !isWordChar(text[i])) out.push(figure);
      if (figure) i = figure.end;
      continue;
    }
    if (isCnNumeral(c) && !isCnNumeral(prev)) {
      const start = i;
      while (i < n && isCnNumeral(text[i])) i++;
      const value = chineseValue(text.slice(start, i));
      const figure = value === undefined ? undefined : finish(text, start, i, { units: BigInt(value), scale: 0 }, true);
      if (figure) {
        out.push(figure);
        i = figure.end;
      }
      continue;
    }
    i++;
  }
  return out;
}

function finish(text: string, start: number, numberEnd: number, value: Decimal | undefined, chinese: boolean): Figure | undefined {
  if (!value) return undefined;
  let j = numberEnd;
  let approximate = false;
  if (text[j] === '余' || text[j] === '多') {
    approximate = true;
    j++;
  }
  const unit = unitAt(text, j);
  if (!unit) return undefined;
  const end = j + unit.length;
  if (text.startsWith('左右', end)) approximate = true;
  const before = text.slice(Math.max(0, start - 2), start);
  if (APPROX_BEFORE.some((w) => before.endsWith(w))) approximate = true;
  const ordinal = text[start - 1] === '第';
  return { start, end, numberEnd, value, unit, approximate, ordinal, chinese };
}
