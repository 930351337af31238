import type { XxgkDocument } from '../../core/index';
import { columnsOf } from '../../core/tables/grid';

/**
 * Where a double-click in the preview puts the cursor: the cell of the given official column on that source line
 * when there is one (a row's figures are rendered by column id), else the start of the line's text.
 */
export function sourceOffset(doc: XxgkDocument, line: number, column?: string): number | undefined {
  const text = doc.text;
  if (!Number.isInteger(line) || line < 0 || line >= doc.lineStarts.length) return undefined;
  const lineStart = doc.lineStarts[line];
  if (column) {
    for (const table of doc.tables) {
      const row = table.rows.find((r) => r.line === line);
      if (!row) continue;
      if (table.spec && row.match) {
        const k = columnsOf(row.match.row, table.spec).findIndex((c) => c.id === column);
        if (k >= 0 && row.values[k]) return row.values[k].span.start;
      }
      if (column === 'label') return row.label.span.start;
      const index = Number(column);
      if (Number.isInteger(index) && row.values[index]) return row.values[index].span.start;
    }
  }
  const lineText = text.slice(lineStart, doc.lineStarts[line + 1] ?? text.length);
  return lineStart + (lineText.length - lineText.trimStart().length);
}
