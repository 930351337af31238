import type { FormatId, TableKind } from '../formats/types';

/** One row of an imported table, with the texts exactly as they were in the source. */
export interface ImportedRow {
  readonly kind: 'header' | 'data';
  readonly label: string;
  readonly cells: readonly string[];
  /** 0-based source line of the label. */
  readonly line: number;
}

/** A table found in the text, and the source lines it took. */
export interface ImportedTable {
  readonly kind: TableKind;
  readonly rows: readonly ImportedRow[];
  /** 0-based, inclusive first line and exclusive end line. */
  readonly from: number;
  readonly to: number;
  /** The national format whose rows the table fits best (undefined for a 附表). */
  readonly format?: FormatId;
  /**
   * Cells on the table's last line that the table could not take (the rest of a tab-separated line after the
   * table ended): kept as a line of text after the table, never dropped.
   */
  readonly leftovers?: { readonly text: string; readonly line: number };
}
