import type { SourceLine } from './lines';

/**
 * A table as pasted is a stream of cells: one per line (blank lines between them, or blank lines standing for
 * empty cells), or a tab-separated line per row. Both become one stream of tokens.
 */
export interface Token {
  readonly text: string;
  /** 0-based source line. */
  readonly line: number;
  /** A blank line: an empty cell or only space between cells; which one is decided per table. */
  readonly blank: boolean;
  /** A cell of a tab-separated line: an empty one is certainly an empty cell. */
  readonly explicit: boolean;
}

/** The tokens of lines [from, to). */
export function tokensOf(lines: readonly SourceLine[], from: number, to: number): Token[] {
  const { tokens, starts } = streamOf(lines);
  return tokens.slice(starts[Math.max(0, Math.min(from, lines.length))], starts[Math.max(0, Math.min(to, lines.length))]);
}

/** The first `count` tokens of lines [from, to) that are not blank lines (fewer if there are not so many). */
export function firstFilled(lines: readonly SourceLine[], from: number, to: number, count: number): Token[] {
  const { tokens, starts } = streamOf(lines);
  const out: Token[] = [];
  const end = starts[Math.max(0, Math.min(to, lines.length))];
  for (let k = starts[Math.max(0, Math.min(from, lines.length))]; k < end && out.length < count; k++) {
    if (!tokens[k].blank) out.push(tokens[k]);
  }
  return out;
}

/**
 * The whole text's tokens, made once per text: the tables are looked for at every line and read to the end of the
 * text, each time for several formats. Tokens are never changed once made, so they are shared. One text is read at
 * a time (the recognizer is synchronous), so the stream is kept for the last text only, and released by
 * forgetStream when its tables are found: a WeakMap keyed by each text's lines cost more, in garbage collection,
 * than making the tokens.
 */
interface Stream {
  readonly lines: readonly SourceLine[];
  readonly tokens: readonly Token[];
  /** starts[i]: index of line i's first token; starts[lines.length]: the number of tokens. */
  readonly starts: readonly number[];
}

let kept: Stream | undefined;

function streamOf(lines: readonly SourceLine[]): Stream {
  if (kept?.lines === lines) return kept;
  const tokens: Token[] = [];
  const starts: number[] = [];
  for (const l of lines) {
    starts.push(tokens.length);
    if (l.cells) for (const c of l.cells) tokens.push({ text: c, line: l.index, blank: false, explicit: true });
    else tokens.push({ text: l.text, line: l.index, blank: l.text === '', explicit: false });
  }
  starts.push(tokens.length);
  kept = { lines, tokens, starts };
  return kept;
}

/** Lets the tokens of a text go once it is read. */
export function forgetStream(lines: readonly SourceLine[]): void {
  if (kept?.lines === lines) kept = undefined;
}

/**
 * How blank lines read in a stream of one cell per line: `dense` when cells follow each other line by line (a blank
 * line is an empty cell), `spaced` when a blank line stands between every two cells (then three blank lines are
 * one empty cell).
 */
export type BlankMode = 'dense' | 'spaced';

export function blankMode(tokens: readonly Token[]): BlankMode {
  for (let k = 1; k < tokens.length; k++) if (cellsFollow(tokens[k - 1], tokens[k])) return 'dense';
  return 'spaced';
}

/** Two cells one per line with no blank line between them: the stream is dense. */
export function cellsFollow(a: Token, b: Token): boolean {
  return !a.blank && !b.blank && !a.explicit && !b.explicit;
}

/**
 * The cells of one row from the tokens after its label: tab cells as they are; blank lines as empty cells by the
 * table's mode, or by the other mode when that one gives the row its official number of cells.
 */
export function rowCells(
  items: readonly Token[],
  mode: BlankMode,
  expected: number | undefined,
): { cells: string[]; doubt?: string } {
  // Tab-separated cells as they are (and a figure on a line of its own among them, should a paste mix the two).
  if (items.some((t) => t.explicit)) return { cells: besideLabel(items.filter((t) => t.explicit || !t.blank).map((t) => t.text), expected) };
  const readings: Record<string, string[]> = {
    dense: read(items, (run) => run),
    // A blank line between rows, not an empty cell.
    'dense-row-gap': read(items, (run, last) => (last ? Math.max(0, run - 1) : run)),
    spaced: read(items, (run) => Math.max(0, Math.floor((run - 1) / 2))),
  };
  const order = mode === 'dense' ? ['dense', 'dense-row-gap', 'spaced'] : ['spaced', 'dense', 'dense-row-gap'];
  if (expected === undefined) return { cells: readings[order[0]] };
  const fitting = order.find((m) => readings[m].length === expected);
  if (fitting) return { cells: readings[fitting] };
  // Trailing empty cells beyond what the row has are only blank lines after it.
  const trimmed = trimTrailingEmpty(readings[order[0]], expected);
  if (trimmed.length === expected) return { cells: trimmed };
  return { cells: trimmed, doubt: 'count' };
}

/**
 * The official figures are the rightmost columns of a table. A row with more cells than its official count, the
 * extra ones empty and right after the label, is a label drawn over columns left unmerged (a Word table, a page):
 * those cells are the label's, not figures.
 */
function besideLabel(cells: string[], expected: number | undefined): string[] {
  if (expected === undefined || cells.length <= expected) return cells;
  const extra = cells.length - expected;
  return cells.slice(0, extra).every((c) => c === '') ? cells.slice(extra) : cells;
}

function read(items: readonly Token[], emptiesIn: (run: number, last: boolean) => number): string[] {
  const cells: string[] = [];
  let run = 0;
  for (const t of items) {
    if (t.blank) {
      run++;
      continue;
    }
    for (let k = emptiesIn(run, false); k > 0; k--) cells.push('');
    run = 0;
    cells.push(t.text);
  }
  for (let k = emptiesIn(run, true); k > 0; k--) cells.push('');
  return cells;
}

function trimTrailingEmpty(cells: string[], expected: number): string[] {
  const out = [...cells];
  while (out.length > expected && out[out.length - 1] === '') out.pop();
  return out;
}

/** The cells left on the line of tokens[end - 1] from tokens[end] on, when a table stops in the middle of a line. */
export function restOfLine(tokens: readonly Token[], end: number): { text: string; line: number } | undefined {
  if (end <= 0 || end >= tokens.length || tokens[end].line !== tokens[end - 1].line) return undefined;
  const line = tokens[end].line;
  const rest: string[] = [];
  for (let k = end; k < tokens.length && tokens[k].line === line; k++) rest.push(tokens[k].text);
  return rest.some((c) => c !== '') ? { text: rest.join('\t'), line } : undefined;
}
