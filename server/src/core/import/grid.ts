/**
 * A table as a document holds it (a Word or HTML table): rows of cells, some spanning several columns (gridSpan,
 * colspan) or rows (vMerge, rowspan). Expanded into a grid, every position names the cell covering it, so the
 * recognizer sees each cell in its real column.
 */
import { maxOf } from '../arrays';

export interface SpannedCell {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export interface GridPosition {
  readonly text: string;
  /** The top-left position of its cell; the others are covered by a merged cell. */
  readonly origin: boolean;
  /** Covered from a row above (rowspan, vMerge continue); false for the origin row and for colspan cover. */
  readonly fromAbove: boolean;
  /** Index of the cell in the whole table, the same for every position it covers. */
  readonly cell: number;
}

/** A span no table needs: a hostile colspan=100000 costs nothing beyond this. */
const MAX_SPAN = 100;
/** Columns of the grid (an official table has 15 at most); the grid is rows × its widest row. */
export const MAX_COLUMNS = 400;

/**
 * Expands rows of spanned cells into a rectangular grid (rows padded with empty positions to the widest row).
 * `beyond` holds, per row, the text of the cells that start past MAX_COLUMNS: kept, in order, after the row's cells
 * (they were dropped without a word), but outside the grid, which they would widen for every row.
 */
export function expandGrid(rows: readonly (readonly SpannedCell[])[]): { grid: GridPosition[][]; beyond: string[][] } {
  const grid: Array<Array<GridPosition | undefined>> = rows.map(() => []);
  const beyond: string[][] = rows.map(() => []);
  let cellIndex = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c] !== undefined) c++;
      if (c >= MAX_COLUMNS) {
        beyond[r].push(cell.text);
        continue;
      }
      const colSpan = clamp(cell.colSpan);
      const rowSpan = Math.min(clamp(cell.rowSpan), rows.length - r);
      const id = cellIndex++;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan && c + dc < MAX_COLUMNS; dc++) {
          grid[r + dr][c + dc] ??= { text: cell.text, origin: dr === 0 && dc === 0, fromAbove: dr > 0, cell: id };
        }
      }
      c += colSpan;
    }
  });
  const width = maxOf(grid, (row) => row.length, 0);
  // Most rows are full: padded (and their holes filled) in place, with one shared empty position.
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= EMPTY;
  return { grid: grid as GridPosition[][], beyond };
}

/** A position no cell covers (a short row's padding). */
const EMPTY: GridPosition = Object.freeze({ text: '', origin: true, fromAbove: false, cell: -1 });

function clamp(span: number | undefined): number {
  return span !== undefined && Number.isFinite(span) && span >= 1 ? Math.min(Math.floor(span), MAX_SPAN) : 1;
}

/**
 * The cells of one grid row as the recognizer reads a row: each cell once, in its column order. Cells reaching
 * down from above at the start of the row are the labels of the groups it belongs to (三、本年度办理结果, （三）不予
 * 公开), read once on their first row; a cell reaching down among the figures keeps its place as an empty cell, so
 * the figures after it stay in their columns. Positions padded beyond a short row are dropped.
 */
export function rowCellsOf(row: readonly GridPosition[]): string[] {
  // Padding after a row shorter than the table is no cell of it.
  let end = row.length;
  while (end > 0 && row[end - 1].cell === -1) end--;
  const cells: string[] = [];
  let started = false;
  for (let c = 0; c < end; c++) {
    const p = row[c];
    if (p.cell !== -1 && c > 0 && row[c - 1].cell === p.cell) continue; // the rest of a colspan
    if (p.fromAbove) {
      if (started) cells.push('');
      continue;
    }
    started = true;
    cells.push(p.text);
  }
  return cells;
}
