import type { Cell, TableRow } from '../ast';
import { sourceOf, type Grid, type GridCell, type GridKind, type GridRow } from './grid';
import { parseInline } from './inline';
import { maxOf } from '../arrays';

/**
 * Markdown pipe tables, the legacy 附表 and containers with no official layout: drawn as written, header rows as
 * table headings, short rows padded, 附表 labels indented by their depth in the outline.
 */
export function plainGrid(
  text: string,
  rows: readonly TableRow[],
  span: { start: number; end: number },
  line: number,
  kind: Extract<GridKind, 'plain' | 'appendix'>,
): Grid {
  const separator = rows.find((r) => r.kind === 'separator');
  const aligns = separator ? separator.cells.map((c) => alignOf(c.text)) : [];
  const shown = rows.filter((r) => r.kind !== 'separator');
  // A row makes its cells when they are read: read once, for the width and for the grid.
  const shownCells = shown.map((r) => r.cells);
  const columns = maxOf(shownCells, (cells) => cells.length, 1);
  const out: GridRow[] = shown.map((r, index) => {
    const head = r.kind === 'header';
    const cells: GridCell[] = [];
    const source = shownCells[index];
    for (let k = 0; k < columns; k++) {
      const cell: Cell | undefined = source[k];
      const figure = cell ? cell.state === 'number' || cell.state === 'zero-mark' : false;
      // Figures and short words (units, 是/否) centred, longer text from the left, unless the separator says.
      const short = !!cell && [...cell.text].length <= 8;
      const align = head ? 'center' : (aligns[k] ?? (k === 0 ? 'left' : figure || short ? 'center' : 'left'));
      cells.push({
        header: head || k === 0,
        role: head ? 'column' : k === 0 ? 'label' : figure ? 'figure' : 'text',
        inlines: cell && cell.text ? parseInline(text, cell.span.start, cell.span.end) : [],
        align,
        indent: !head && k === 0 && r.depth && r.depth > 1 ? r.depth - 1 : undefined,
        source: sourceOf(r, cell),
      });
    }
    return { cells, head, line: r.line };
  });
  // A table whose rows are all headers (no separator, no figures) reads better as a body.
  const allHead = out.length > 0 && out.every((r) => r.head);
  return { kind, columns, rows: allHead ? out.map((r) => ({ ...r, head: false })) : out, span, line };
}

function alignOf(sep: string): GridCell['align'] | undefined {
  const s = sep.replace(/\s+/g, '');
  if (s.startsWith(':') && s.endsWith(':')) return 'center';
  if (s.endsWith(':')) return 'right';
  if (s.startsWith(':')) return 'left';
  return undefined;
}
