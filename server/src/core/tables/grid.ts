import type { Cell, StandardTable, TableRow } from '../ast';
import type { ColumnSpec, RowSpec, TableSpec } from '../formats/types';
import { NodeCache } from '../node-cache';

/** Columns a row's figures are in: the row's own (主动公开 blocks) or the table's. */
export function columnsOf(row: RowSpec, spec: TableSpec): readonly ColumnSpec[] {
  return row.columns ?? spec.columns;
}

/** Parsed tables are immutable, and several rules look rows up by id: one index per table. */
const rowIndex = new NodeCache<StandardTable, ReadonlyMap<string, TableRow>>('rows by id');

/** A standard table's data rows by official row id (the first occurrence wins; duplicates are reported elsewhere). */
export function rowsById(table: StandardTable): ReadonlyMap<string, TableRow> {
  const hit = rowIndex.get(table);
  if (hit) return hit;
  const map = new Map<string, TableRow>();
  for (const row of table.rows) {
    if (row.kind === 'data' && row.match && !map.has(row.match.row.id)) map.set(row.match.row.id, row);
  }
  rowIndex.set(table, map);
  return map;
}

export function cellAt(row: TableRow | undefined, index: number): Cell | undefined {
  return index >= 0 ? row?.values[index] : undefined;
}

/** Short name of an official row for messages (予以公开, 属于国家秘密). */
export function rowName(row: RowSpec): string {
  return row.name;
}
