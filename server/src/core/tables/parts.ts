import type { StandardTable, XxgkDocument } from '../ast';
import type { TableKind, TableSpec } from '../formats/types';
import { NodeCache } from '../node-cache';
import { tableWithRows } from '../parser/tables';

const cache = new NodeCache<XxgkDocument, readonly StandardTable[]>('logical tables');

/**
 * The document's tables as the report means them: the parts of one official table (the same table of the format in
 * force, written as several containers because it was split at a page break in the Word or PDF file it came from,
 * or because its extra rows are listed after it) are one table, with the rows of every part in order. It keeps the
 * first part's places (its `:::` line is where findings about the whole table go). Tables of no official kind and
 * the legacy 附表 (whose header row belongs to each part) stay as written.
 */
export function logicalTables(doc: XxgkDocument): readonly StandardTable[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const bySpec = new Map<TableSpec, StandardTable[]>();
  const out: Array<StandardTable | StandardTable[]> = [];
  for (const table of doc.tables) {
    if (!table.spec || table.kind === '附表') {
      out.push(table);
      continue;
    }
    const parts = bySpec.get(table.spec);
    if (parts) parts.push(table);
    else {
      const first = [table];
      bySpec.set(table.spec, first);
      out.push(first);
    }
  }
  const merged = out.map((entry) => (!Array.isArray(entry) ? entry : entry.length === 1 ? entry[0] : joinParts(entry)));
  cache.set(doc, merged);
  return merged;
}

/** The parts of one table as one: the first part's places, every part's rows. */
function joinParts(parts: readonly StandardTable[]): StandardTable {
  const rows = parts.flatMap((part) => part.rows);
  return tableWithRows(parts[0], rows);
}

/** The official table of this kind (all its parts), if the report has it in the format in force. */
export function officialTable(doc: XxgkDocument, kind: TableKind): StandardTable | undefined {
  return logicalTables(doc).find((x) => x.kind === kind && x.spec);
}
