import { maxOf } from '../arrays';
import { EXTRA_CAPTION } from '../render/tables-official';
import { labelKey } from '../text/normalize';
import type { SourceLine } from './lines';
import type { ImportedRow, ImportedTable } from './table-types';

const CAPTION_KEY = EXTRA_CAPTION.replace(/\s+/g, '');

/** Whether a line is the caption our own export prints above the rows an official table cannot hold. */
function isExtraCaption(line: SourceLine | undefined): boolean {
  return !!line && !line.cells && line.text.replace(/\s+/g, '') === CAPTION_KEY;
}

/**
 * The project's own export (page, Word file, their PDF) prints an official table in the official layout and lists
 * the rows that layout cannot hold (an unknown or repeated row, a group row's own figures) under it, after
 * EXTRA_CAPTION. A report brought back from that export gets those rows back into the table they were written in,
 * as typed, after its other rows; the caption, which is the export's and not the report's, goes. The rows come as a
 * table of the same kind (labels it knows) or as lines of cells (labels it does not).
 */
export function rejoinExtraRows(lines: readonly SourceLine[], tables: readonly ImportedTable[]): ImportedTable[] {
  const out: ImportedTable[] = [];
  for (let k = 0; k < tables.length; k++) {
    const table = tables[k];
    if (table.kind === '附表' || table.leftovers) {
      out.push(table);
      continue;
    }
    let at = table.to;
    while (at < lines.length && lines[at].text === '') at++;
    if (!isExtraCaption(lines[at])) {
      out.push(table);
      continue;
    }
    at++;
    while (at < lines.length && lines[at].text === '') at++;
    const next = tables[k + 1];
    if (next && next.from === at && next.kind === table.kind && next.rows.every((r) => r.kind === 'data')) {
      out.push({ ...table, rows: withRows(table.rows, next.rows), to: next.to, leftovers: next.leftovers });
      k++;
      continue;
    }
    const rows: ImportedRow[] = [];
    let end = at;
    const before = next ? next.from : lines.length;
    while (end < before && lines[end].cells) {
      const [label, ...cells] = lines[end].cells!;
      rows.push({ kind: 'data', label, cells, line: end });
      end++;
    }
    if (!rows.length) end = streamedRows(lines, at, before, maxOf(table.rows, (r) => r.cells.length, 0), rows);
    out.push(rows.length ? { ...table, rows: withRows(table.rows, rows), to: end } : table);
  }
  return out;
}

/** Figures as a table cell holds them, or nothing: what a value line of a copied row may be. */
const FIGURE_LIKE = /^[-+—–－/／无0-9０-９,，.．%％\s]*$/;

/** Whether a row has no figure (every cell empty). */
function isBlank(row: ImportedRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

/**
 * Rows copied one cell per line (a label, then its `values` figures or empty lines), from `at` up to `before`, while
 * they are that shape; returns where they end.
 */
function streamedRows(lines: readonly SourceLine[], at: number, before: number, values: number, rows: ImportedRow[]): number {
  let end = at;
  while (values > 0 && end + values < before) {
    const label = lines[end];
    if (label.cells || label.text === '' || FIGURE_LIKE.test(label.text)) break;
    const cells = lines.slice(end + 1, end + 1 + values);
    if (cells.some((c) => c.cells || !FIGURE_LIKE.test(c.text))) break;
    rows.push({ kind: 'data', label: label.text, cells: cells.map((c) => c.text), line: end });
    end += 1 + values;
  }
  return end;
}

/**
 * The table's rows with the extra ones: a row with figures whose label the layout drew without figures (a group row,
 * whose own figures the layout cannot hold) takes that row's place; the others follow the table's rows.
 */
function withRows(rows: readonly ImportedRow[], extra: readonly ImportedRow[]): ImportedRow[] {
  const out = [...rows];
  for (const row of extra) {
    // A row of no figures (a repeated group row) is a row of its own.
    if (isBlank(row)) {
      out.push(row);
      continue;
    }
    const key = labelKey(row.label);
    const drawn = out.findIndex((r) => r.kind === 'data' && !extra.includes(r) && labelKey(r.label) === key && isBlank(r));
    if (drawn >= 0) out[drawn] = row;
    else out.push(row);
  }
  return out;
}
