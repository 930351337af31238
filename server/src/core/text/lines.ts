import type { Span } from '../ast';

/**
 * Offsets where each line begins; line i spans [starts[i], starts[i+1]). Line breaks are \n, \r\n and a lone \r,
 * as in LSP, so that positions agree with what every client shows.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The usual case, \n only: indexOf scans natively, several times faster than a loop over char codes.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The line break a text uses, read from its first one (`\n` when it has none). Fixes are written with `\n`; a
 * document with CRLF or CR line breaks gets its own, not a mix (which editors other than VS Code keep as written).
 */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = text.indexOf('\n');
  if (lf >= 0 && lf < cr) return '\n';
  return text.charCodeAt(cr + 1) === 0x0a ? '\r\n' : '\r';
}

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/**
 * The offset of a position. A character past the end of its line means the end of that line, before its line break
 * (as LSP says): clamped to the next line's start, a completion or range formatting asked for at the end of one line
 * answered with an edit of the next.
 */
export function offsetAt(lineStarts: readonly number[], text: string, pos: Position): number {
  if (pos.line >= lineStarts.length) return text.length;
  if (pos.line < 0) return 0;
  const start = lineStarts[pos.line];
  return Math.max(start, Math.min(start + pos.character, lineContentEnd(lineStarts, text, pos.line)));
}

/** Where the content of line `line` ends: before its line break (\n, \r\n or \r), or at the end of the text. */
export function lineContentEnd(lineStarts: readonly number[], text: string, line: number): number {
  const start = lineStarts[line];
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 0x0a) end--;
  if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

export function lineOf(lineStarts: readonly number[], offset: number): number {
  return positionAt(lineStarts, offset).line;
}

export function span(start: number, end: number): Span {
  return { start, end };
}
