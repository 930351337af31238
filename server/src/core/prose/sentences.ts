/** Sentence and clause boundaries in Chinese prose. Offsets are relative to the text given. */

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Ends a sentence for every purpose. */
export function isStrongStop(c: string): boolean {
  return c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '\n' || c === '\r';
}

/** Separates clauses inside a sentence (and, in a list of parts, items). */
export function isClauseStop(c: string): boolean {
  return c === '，' || c === ',' || c === '；' || c === ';' || c === '、' || c === '：' || c === ':';
}

/**
 * Splits text into sentences on 。！？ and line breaks, and also on ； unless `semicolon` is false (lists of parts
 * are often written with ；, so the breakdown reader keeps them together). Terminators are not included; empty
 * sentences are dropped. Linear time.
 */
export function splitSentences(text: string, semicolon = true): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i] : '\n';
    if (isStrongStop(c) || (semicolon && (c === '；' || c === ';'))) {
      let s = start;
      let e = i;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Start of the clause that `offset` is in: just after the last clause or sentence stop (or parenthesis) before it,
 * not before `floor`. Looks back at most `limit` characters so that many figures in one endless clause stay linear.
 */
export function clauseStart(text: string, offset: number, floor = 0, limit = 200): number {
  let i = offset;
  const stop = Math.max(floor, offset - limit);
  while (i > stop) {
    const c = text[i - 1];
    if (isClauseStop(c) || isStrongStop(c) || c === '（' || c === '(' || c === '）' || c === ')') break;
    i--;
  }
  return i;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0a || c === 0x0d;
}
