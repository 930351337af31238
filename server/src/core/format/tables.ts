import { eastAsianWidth } from 'get-east-asian-width';
import type { Span, TableRow, XxgkDocument } from '../ast';
import type { Edit } from '../rules/types';

/** Columns a string takes in a monospaced editor: CJK characters count as two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    // Combining marks and zero-width characters take no column of their own.
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200d || cp === 0xfe0f) continue;
    width += eastAsianWidth(cp);
  }
  return width;
}

/** The widest column the formatter pads to, in display columns (the longest official row label takes 76). */
export const MAX_ALIGNED_WIDTH = 120;

interface RowShape {
  row: TableRow;
  cells: string[];
  separator: boolean;
  trailingPipe: boolean;
  indent: string;
}

/**
 * Aligns the pipes of every table (standard containers and other Markdown tables) by display width.
 * Only whitespace changes: cell text, pipes and separator dashes stay as written, so formatting twice changes nothing.
 * With a range, only the rows it touches are rewritten (aligned as in their whole table): every edit lies on a line
 * of the range. An empty range is a cursor: its row. A range ending at the start of a line does not take that line.
 */
export function formatTables(doc: XxgkDocument, range?: Span): Edit[] {
  const edits: Edit[] = [];
  const tables = [...doc.tables.map((t) => t.rows), ...doc.plainTables.map((t) => t.rows)];
  const from = range && Math.min(range.start, range.end);
  const to = range && Math.max(range.start, range.end);
  const touched = (row: TableRow) =>
    from === undefined || to === undefined || (from === to ? row.span.start <= from && from <= row.span.end : row.span.start < to && from < row.span.end);
  for (const rows of tables) {
    if (!rows.length || !rows.some(touched)) continue;
    // One by one, not push(...): a table may have more rows than a call has room for arguments.
    for (const edit of alignRows(doc.text, rows)) if (range === undefined || touched(edit.row)) edits.push({ span: edit.span, newText: edit.newText });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

function shapeOf(text: string, row: TableRow): RowShape | undefined {
  const line = text.slice(row.span.start, row.span.end);
  // Rows with a full-width ｜ or an escaped pipe are left as written rather than risk moving text between cells.
  if (line.includes('｜') || line.includes('\\|')) return undefined;
  const indent = /^[ \t]*/.exec(line)![0];
  const trailingPipe = /\|[ \t]*$/.test(line);
  // Each cell as written between its pipes, less the spaces and tabs around it: an ideographic space (U+3000) that
  // indents a label (`| 　　其中：部门 |`) is the writer's, and formatting dropped it (the parser's text trims it).
  const cells = row.cells.map((c) => text.slice(c.outerSpan.start, c.outerSpan.end).replace(PADDING, ''));
  return { row, cells, separator: row.kind === 'separator', trailingPipe, indent };
}

/** What the formatter treats as padding around a cell: ASCII spaces and tabs only. */
const PADDING = /^[ \t]+|[ \t]+$/g;

function withoutSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

function alignRows(text: string, rows: readonly TableRow[]): Array<Edit & { row: TableRow }> {
  const shapes = rows.map((r) => shapeOf(text, r));
  const widths: number[] = [];
  for (const s of shapes) {
    if (!s || s.separator) continue;
    // A cell wider than MAX_ALIGNED_WIDTH is not padded to: one 100,000-character cell would otherwise pad every row
    // of its table to it (2,000 rows: 200 MB of spaces). Such a cell stands out; the others still line up.
    s.cells.forEach((c, k) => {
      const w = displayWidth(c);
      if (w <= MAX_ALIGNED_WIDTH) widths[k] = Math.max(widths[k] ?? 0, w, 3);
    });
  }
  const edits: Array<Edit & { row: TableRow }> = [];
  for (const s of shapes) {
    if (!s) continue;
    const parts = s.cells.map((cell, k) => {
      const last = k === s.cells.length - 1 && !s.trailingPipe;
      const pad = last ? 0 : Math.max(0, (widths[k] ?? 3) - displayWidth(cell));
      return ` ${cell}${' '.repeat(pad)}${last ? '' : ' '}`;
    });
    const rebuilt = `${s.indent}|${parts.join('|')}${s.trailingPipe ? '|' : ''}`;
    const original = text.slice(s.row.span.start, s.row.span.end);
    // The guarantee, checked rather than assumed: a row is rewritten only if every other character stays in order
    // (odd rows — a lone pipe, exotic spaces after the last pipe — are left as written).
    if (rebuilt !== original && withoutSpace(rebuilt) === withoutSpace(original)) edits.push({ span: s.row.span, newText: rebuilt, row: s.row });
  }
  return edits;
}
