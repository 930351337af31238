/**
 * Sentence and clause boundaries in Chinese prose. Offsets are relative to the text given.
 * Loops read char codes, not `text[i]`: each CJK character read as a string is a fresh allocation, which made
 * these scans several times slower.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

const FULL_STOP = 0x3002; // 。
const FULL_EXCLAMATION = 0xff01; // ！
const FULL_QUESTION = 0xff1f; // ？
const FULL_COMMA = 0xff0c; // ，
const FULL_SEMICOLON = 0xff1b; // ；
const FULL_COLON = 0xff1a; // ：
const ENUMERATION_COMMA = 0x3001; // 、
const FULL_LEFT_PAREN = 0xff08; // （
const FULL_RIGHT_PAREN = 0xff09; // ）

/** Ends a sentence for every purpose (char code). */
export function isStrongStopCode(c: number): boolean {
  return c === FULL_STOP || c === FULL_EXCLAMATION || c === FULL_QUESTION || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d;
}

/** Separates clauses inside a sentence (and, in a list of parts, items) (char code). */
function isClauseStopCode(c: number): boolean {
  return c === FULL_COMMA || c === 0x2c || c === FULL_SEMICOLON || c === 0x3b || c === ENUMERATION_COMMA || c === FULL_COLON || c === 0x3a;
}

function isParenCode(c: number): boolean {
  return c === FULL_LEFT_PAREN || c === 0x28 || c === FULL_RIGHT_PAREN || c === 0x29;
}

/**
 * Splits text into sentences on 。！？ and line breaks, and also on ； unless `semicolon` is false (lists of parts
 * are often written with ；, so the breakdown reader keeps them together). Terminators are not included; empty
 * sentences are dropped. Linear time.
 */
export function splitSentences(text: string, semicolon = true): Range[] {
  const out: Range[] = [];
  // The stops are found by the regular expression engine, which scans faster than a loop over char codes.
  const stops = semicolon ? SENTENCE_OR_SEMICOLON : SENTENCE;
  stops.lastIndex = 0;
  let start = 0;
  for (;;) {
    const m = stops.exec(text);
    const i = m ? m.index : text.length;
    let s = start;
    let e = i;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    if (!m) return out;
    start = i + 1;
  }
}
const SENTENCE = /[。！？!?\n\r]/g;
const SENTENCE_OR_SEMICOLON = /[。！？!?\n\r；;]/g;

/** Offsets of the characters that end sentences (。！？ and line breaks), in order. */
export function sentenceStops(text: string): number[] {
  const stops: number[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) stops.push(m.index);
  return stops;
}

/**
 * Start of the clause that `offset` is in: just after the last clause or sentence stop (or parenthesis) before it,
 * not before `floor`. Looks back at most `limit` characters so that many figures in one endless clause stay linear.
 */
export function clauseStart(text: string, offset: number, floor = 0, limit = 200): number {
  let i = offset;
  const stop = Math.max(floor, offset - limit);
  while (i > stop) {
    const c = text.charCodeAt(i - 1);
    if (isClauseStopCode(c) || isStrongStopCode(c) || isParenCode(c)) break;
    i--;
  }
  return i;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0a || c === 0x0d;
}
