import type { XxgkDocument } from '../ast';
import { evaluateLegacyTable } from './legacy-sums';
import { evaluatePlainTable } from './plain-sums';
import { logicalTables } from './parts';
import { evaluateTable, type Evaluation } from './relations';
import { NodeCache } from '../node-cache';
import { append } from '../arrays';

/** Documents are immutable: the table-sum rule and the hover (twice per request) share one evaluation. */
const evaluated = new NodeCache<XxgkDocument, readonly Evaluation[]>('evaluated sums');

/**
 * Every evaluated sum of every table in the document: the national tables' relations, the legacy 附表's parts, the
 * 合计 rows and columns of other Markdown tables. What the table-sum rule reports and what the hover explains.
 */
export function evaluateDocument(doc: XxgkDocument): readonly Evaluation[] {
  const hit = evaluated.get(doc);
  if (hit) return hit;
  const out: Evaluation[] = [];
  // An official table written in parts is summed as one.
  for (const table of logicalTables(doc)) append(out, table.kind === '附表' ? evaluateLegacyTable(table) : evaluateTable(table));
  for (const table of doc.plainTables) append(out, evaluatePlainTable(table));
  evaluated.set(doc, out);
  return out;
}
