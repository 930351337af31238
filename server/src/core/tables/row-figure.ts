import type { Cell, TableRow } from '../ast';
import type { RowSpec, TableSpec } from '../formats/types';
import { add, ZERO, type Decimal } from '../text/decimal';
import { cellReading } from './cell-figure';
import { cellAt } from './grid';

/** One official row's figure in one column of a national table. */
export interface RowFigure {
  readonly row: RowSpec;
  readonly value: Decimal;
  /** Nothing written (no item filled and the row's own cell blank, or the row missing); `value` is then 0. */
  readonly blank: boolean;
  /**
   * The row is not in the table (nor, for a group, any of its items): left out, or its label not recognised (同意公开
   * for 予以公开). Its figure is unknown, not 0.
   */
  readonly missing?: boolean;
  /** The figure is the sum of the group's items (not the group row's own cell). */
  readonly summed: boolean;
  /** The filled cells it was read from: the items summed, or the row's own cell. */
  readonly cells: ReadonlyArray<{ readonly row: RowSpec; readonly cell: Cell; readonly value: Decimal }>;
  /** The row's own cell, filled or blank, when the figure is read from it. */
  readonly ownCell?: Cell;
}

/** The items of each group row of a spec, in order; computed once per (immutable) spec. */
const groupItems = new WeakMap<TableSpec, { rows: ReadonlyMap<string, RowSpec>; items: ReadonlyMap<string, readonly RowSpec[]> }>();

function indexOf(spec: TableSpec) {
  let index = groupItems.get(spec);
  if (!index) {
    const items = new Map<string, RowSpec[]>();
    for (const r of spec.rows) if (r.parent !== undefined) items.set(r.parent, [...(items.get(r.parent) ?? []), r]);
    index = { rows: new Map(spec.rows.map((r) => [r.id, r])), items };
    groupItems.set(spec, index);
  }
  return index;
}

/**
 * The one reading of "the total of a row" in a national table (reference §6), used by the sums and the prose checks:
 * a group row (不予公开, 无法提供…) stands for the sum of its items when any item is filled (blank items count as 0,
 * missing item rows are skipped), else for its own figure; any other row for its own cell (see cellReading).
 * Undefined when a figure it needs cannot be read (text, or a row too short), or when the spec has no such row.
 */
export function rowFigure(spec: TableSpec, rows: ReadonlyMap<string, TableRow>, id: string, column: number): RowFigure | undefined {
  return readRowFigure(spec, rows, id, column, true);
}

const NO_CELLS: RowFigure['cells'] = [];

/**
 * rowFigure without its `cells` (always empty): for the sums, which read only the figure and the row's own cell, and
 * evaluate every column of every relation of every report (the list of cells was most of what they allocated).
 */
export function rowFigureOnly(spec: TableSpec, rows: ReadonlyMap<string, TableRow>, id: string, column: number): RowFigure | undefined {
  return readRowFigure(spec, rows, id, column, false);
}

function readRowFigure(spec: TableSpec, rows: ReadonlyMap<string, TableRow>, id: string, column: number, withCells: boolean): RowFigure | undefined {
  const index = indexOf(spec);
  const rowSpec = index.rows.get(id);
  if (!rowSpec) return undefined;
  let itemRows = 0;
  if (rowSpec.group) {
    let total = ZERO;
    let filled = 0;
    const cells: Array<RowFigure['cells'][number]> = [];
    for (const item of index.items.get(id) ?? []) {
      const row = rows.get(item.id);
      if (!row) continue;
      itemRows++;
      const cell = cellAt(row, column);
      const v = cellReading(cell);
      if (v === undefined) return undefined;
      if (v !== null) {
        total = add(total, v);
        filled++;
        if (withCells) cells.push({ row: item, cell: cell!, value: v });
      }
    }
    if (filled) return { row: rowSpec, value: total, blank: false, summed: true, cells: withCells ? cells : NO_CELLS };
  }
  const row = rows.get(id);
  const cell = cellAt(row, column);
  // A missing row is blank; so is a group row's missing own cell (its items are what is written).
  if (!row && !itemRows) return { row: rowSpec, value: ZERO, blank: true, missing: true, summed: false, cells: withCells ? [] : NO_CELLS };
  if (!row || (!cell && rowSpec.group)) return { row: rowSpec, value: ZERO, blank: true, summed: false, cells: withCells ? [] : NO_CELLS };
  const v = cellReading(cell);
  if (v === undefined) return undefined;
  return v === null
    ? { row: rowSpec, value: ZERO, blank: true, summed: false, cells: withCells ? [] : NO_CELLS, ownCell: cell }
    : { row: rowSpec, value: v, blank: false, summed: false, cells: withCells ? [{ row: rowSpec, cell: cell!, value: v }] : NO_CELLS, ownCell: cell };
}
