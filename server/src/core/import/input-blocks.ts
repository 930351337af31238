import { expandGrid, rowCellsOf, type SpannedCell } from './grid';
import type { SourceLine } from './lines';

/**
 * A document read by a reader (Word, a web page): its text blocks in order and its tables as rows of cells with
 * their spans. The one recognizer reads them as lines: a text block is a line, a table row is a line whose cells
 * are the grid's cells in their columns, never flattened into a stream of one cell per line.
 */
export type InputBlock =
  /** A heading or a paragraph, one line of text (a `<br>` or a Word line break makes two blocks). */
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'table'; readonly rows: readonly (readonly SpannedCell[])[] };

export type { SpannedCell } from './grid';

const INDENT = /^[\t \u3000\u00a0]+/;
const SPACE_RUN = /[\t \u00a0]+/g;
/** Line breaks, with the vertical tab and form feed that Word's binary files and some pages break lines with. */
const BREAK = /[\r\n\v\f]/;
const LINES = /\r?\n|[\r\v\f]/;
/**
 * Control characters a report cannot hold (and noncharacters): dropped. A NUL read from a page or a Word file was
 * written into the .xxgk, which the checker then refused to read at all.
 */
const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000e-\\u001f\\u007f\\ufffe\\uffff';
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');

/** A text without the control characters a report cannot hold (line breaks and tabs kept). */
export function dropControls(text: string): string {
  return text.replace(CONTROL, '');
}
/** What cleanLine and cleanCell change (a single space between words they keep). */
const TO_CLEAN = new RegExp(`[\\t\\u3000\\u00a0${CONTROL_CHARACTERS}]|^ | $| {2}`);

/** The lines the recognizer reads, and their text (the text that the import's line numbers count in). */
export function blocksToLines(blocks: readonly InputBlock[]): { lines: SourceLine[]; text: string } {
  const lines: SourceLine[] = [];
  const push = (text: string, cells?: string[]) => lines.push(cells ? { index: lines.length, text, cells } : { index: lines.length, text });
  for (const block of blocks) {
    if (block.type === 'text') {
      // A web page's lines have no line break left in them.
      if (!BREAK.test(block.text)) push(cleanLine(block.text));
      else for (const line of block.text.split(LINES)) push(cleanLine(line));
      continue;
    }
    const { grid, beyond } = expandGrid(block.rows);
    const raw = grid.map((row, r) => (beyond[r].length ? [...rowCellsOf(row), ...beyond[r]] : rowCellsOf(row)));
    // A table of one column is a frame around text (a layout table, a Word box): each paragraph of its cells is a
    // line. Joined into one line as a cell's paragraphs are, a framed section's headings and text were one paragraph.
    const framed = raw.every((cells) => cells.length <= 1);
    if (lines.length && lines[lines.length - 1].text !== '') push('');
    for (const cells of raw) {
      if (framed) {
        if (!cells.length) push('');
        // A line of tab-separated cells in the box (a table inside it, as Word gives one) stays a row of cells.
        for (const cell of cells) for (const line of cell.split(LINES)) {
          if (line.includes('\t') && line.trim() !== '') {
            const row = line.split('\t').map(cleanCell);
            push(row.join('\t'), row);
          } else push(cleanLine(line).trim());
        }
        continue;
      }
      const clean = cells.map(cleanCell);
      if (clean.every((c) => c === '')) push('');
      else push(clean.join('\t'), clean);
    }
    push('');
  }
  return { lines, text: lines.map((l) => l.text).join('\n') + '\n' };
}

/** A line of text as the recognizer wants it: no indentation, spaces and tabs inside kept as one space. */
function cleanLine(text: string): string {
  // Most lines (Chinese prose, a heading) have nothing to clean.
  if (!TO_CLEAN.test(text)) return text;
  return text.replace(CONTROL, '').replace(INDENT, '').replace(SPACE_RUN, ' ').replace(/[ \u3000]+$/, '');
}

/** A cell's text on one line: its paragraphs joined (a header broken over two lines is one label). */
function cleanCell(text: string): string {
  // Most cells are one paragraph, and most have nothing to clean but their ends.
  if (!BREAK.test(text)) return TO_CLEAN.test(text) ? text.replace(CONTROL, '').replace(SPACE_RUN, ' ').trim() : text.trim();
  return text
    .split(LINES)
    .map((l) => l.replace(CONTROL, '').replace(SPACE_RUN, ' ').trim())
    .join('')
    .trim();
}
