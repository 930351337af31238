/**
 * The source text as lines. A browser or Word copy separates table cells by tabs; a line with a tab inside its
 * text is a row of cells. Leading tabs and full-width spaces are indentation, not cells.
 */
export interface SourceLine {
  /** 0-based line number in the source. */
  readonly index: number;
  /** The line without indentation and trailing spaces. */
  readonly text: string;
  /** Cells, when the line is tab-separated (empty strings are empty cells). */
  readonly cells?: readonly string[];
}

const INDENT = /^[\t \u3000\u00a0]+/;
const TRAILING = /[ \u3000\u00a0\r]+$/;

export function splitLines(text: string): SourceLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  return raw.map((line, index) => {
    const body = line.replace(INDENT, '').replace(TRAILING, '');
    if (!body.includes('\t')) return { index, text: body.trim() };
    const cells = body.split('\t').map((c) => c.trim());
    return { index, text: body.trim(), cells };
  });
}
