/** Canonical forms of labels and numbers, so that matching tolerates the usual variations of real reports. */
import { LABEL_MEMO_LIMIT, TextMemo } from './memo';

const FULLWIDTH_DIGIT = /[０-９]/g;
/** Full-width ASCII punctuation that has a half-width twin we compare by. */
const WIDTH_MAP: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '，': ',', '．': '.', '／': '/', '＋': '+', '－': '-', '“': '"', '”': '"', '‘': "'", '’': "'", '　': ' ',
};
const WIDTH_RE = /[（）：，．／＋－“”‘’\u3000]/g;

export function toHalfWidthDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Whether `text[from, to)` is only what `String.prototype.trim` removes (checked without copying it). */
export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isTrimmedCode(text.charCodeAt(k))) return false;
  return true;
}

/** The code units `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimmedCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function hasFullWidthDigit(s: string): boolean {
  return /[０-９]/.test(s);
}

/** A figure written with full-width characters: a digit, or a leading sign (－15, ＋３). */
export function hasFullWidthFigure(s: string): boolean {
  return hasFullWidthDigit(s) || /^[－﹣＋]/.test(s);
}

/**
 * A figure's full-width characters made half-width: digits, separators and signs (－１８ is -18). The cell reader and
 * the cell-value fix share it: the fix once left the full-width minus, and －18 then read as no figure at all.
 */
export function toHalfWidthFigure(s: string): string {
  return toHalfWidthDigits(s).replace(/，/g, ',').replace(/．/g, '.').replace(/[－﹣]/g, '-').replace(/＋/g, '+');
}

const CN_NUMERALS = '一二三四五六七八九十';
/** Outline numbering at the start of a label or heading: 一、 （一） (一) 1. 1、 1． （1） (1) 第一、 */
export const NUMBERING_RE =
  /^\s*(?:第?[一二三四五六七八九十]+[、.．:：]|[（(][一二三四五六七八九十]+[）)][、.．]?|[0-9０-９]+(?:[.．、:：](?![0-9０-９])|[)）])|[（(][0-9０-９]+[）)][、.．]?)\s*/;

/**
 * Text without the HTML comments it ends with (`一、总体情况 <!-- 待审定 -->` is 一、总体情况): the page does not show
 * them, so neither the heading's nor the row's name holds them. Each comment is found from the end, in one pass.
 */
export function withoutTrailingComments(text: string): string {
  let end = text.length;
  while (end > 0 && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  let cut = text.length;
  while (end >= 7 && text.startsWith('-->', end - 3)) {
    const open = text.lastIndexOf('<!--', end - 7);
    if (open < 0) break;
    cut = end = open;
    while (end > 0 && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  }
  return cut === text.length ? text : text.slice(0, end);
}

/** Splits a label into its numbering prefix and the rest. */
export function splitNumbering(label: string): { numbering: string; rest: string } {
  const m = NUMBERING_RE.exec(label);
  if (!m) return { numbering: '', rest: label.trim() };
  return { numbering: m[0].trim(), rest: label.slice(m[0].length).trim() };
}

const keyCache = new TextMemo<string>(LABEL_MEMO_LIMIT);

/** Key for comparing labels: no numbering, no whitespace, half-width punctuation, no trailing colon. */
export function labelKey(label: string): string {
  // The same labels (official rows, columns, headers) are compared on every check: memoised, bounded.
  let key = keyCache.get(label);
  if (key === undefined) {
    key = computeLabelKey(label);
    keyCache.set(label, key);
  }
  return key;
}

function computeLabelKey(label: string): string {
  return splitNumbering(label)
    .rest.replace(WIDTH_RE, (c) => WIDTH_MAP[c])
    .replace(/\s+/g, '')
    .replace(/[:]+$/, '')
    .replace(/^其中[:,]?/, '');
}

/** Value of a Chinese numeral from 一 to 九十九 (enough for section and outline numbering). */
export function chineseNumeralValue(s: string): number | undefined {
  if (!s || [...s].some((c) => !CN_NUMERALS.includes(c))) return undefined;
  const digit = (c: string) => CN_NUMERALS.indexOf(c) + 1;
  if (s.length === 1) return digit(s);
  if (s.length === 2 && s[0] === '十') return 10 + digit(s[1]);
  if (s.length === 2 && s[1] === '十') return digit(s[0]) * 10;
  if (s.length === 3 && s[1] === '十') return digit(s[0]) * 10 + digit(s[2]);
  return undefined;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n];
  if (n < 20) return '十' + NUMERALS[n - 10];
  return NUMERALS[Math.floor(n / 10)] + '十' + (n % 10 ? NUMERALS[n % 10] : '');
}
