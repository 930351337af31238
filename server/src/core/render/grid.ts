import type { Cell, Span, TableRow } from '../ast';
import type { Inline } from './inline';

/**
 * A table laid out as it is printed, merged cells and all: what the HTML and the DOCX writers both draw. Cells
 * covered by a merged cell above or to the left are left out, as in HTML.
 */
export interface GridCell {
  /** A header cell (column heading, row label, block title). */
  readonly header: boolean;
  readonly role: 'corner' | 'column' | 'group' | 'block' | 'label' | 'figure' | 'text';
  /** Literal text (official labels, figures as written). */
  readonly text?: string;
  /** Marked-up content (cells of plain tables). */
  readonly inlines?: readonly Inline[];
  readonly rowSpan?: number;
  readonly colSpan?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** 附表: depth below the top level, for indenting the label. */
  readonly indent?: number;
  /** Official row and column ids (RowSpec.id, ColumnSpec.id). */
  readonly rowId?: string;
  readonly colId?: string;
  /** Where the cell came from: the cell itself and its source row, for diagnostics and scroll sync. */
  readonly source?: GridSource;
}

export interface GridSource {
  readonly cell?: Span;
  readonly row?: Span;
  readonly line?: number;
}

/**
 * Where a cell of a parsed row came from, its spans made when they are read (by the diagnostics' placement and the
 * page's line marks): a grid of a large table made a source and two spans for every cell, and all of them lived
 * until the page was written.
 */
class RowCellSource implements GridSource {
  constructor(
    private readonly row_: TableRow,
    private readonly cell_: Cell | undefined,
  ) {}
  get cell(): Span | undefined {
    return this.cell_?.outerSpan;
  }
  get row(): Span {
    return this.row_.span;
  }
  get line(): number {
    return this.row_.line;
  }
}

/** The source of a grid cell drawn from `cell` of `row` (no cell: the row has none there). */
export function sourceOf(row: TableRow, cell: Cell | undefined): GridSource {
  return new RowCellSource(row, cell);
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  /** Header rows (repeated on each printed page). */
  readonly head?: boolean;
  readonly line?: number;
  /** Official row id, for data rows of official tables. */
  readonly rowId?: string;
  readonly kind?: 'block' | 'data';
}

export type GridKind = 'requests' | 'proactive' | 'appeals' | 'appendix' | 'plain' | 'extra';

export interface Grid {
  readonly kind: GridKind;
  /** Number of columns in the printed layout. */
  readonly columns: number;
  /** Relative column widths, where the layout fixes them. */
  readonly widths?: readonly number[];
  readonly rows: readonly GridRow[];
  readonly span: Span;
  readonly line: number;
  /** A line said above an extra table (rows that are not in the official layout). */
  readonly caption?: string;
  /** What the author wrote that has no place in the official layout: shown after it, never dropped. */
  readonly extra?: Grid;
}
