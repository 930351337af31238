import type { XxgkDocument } from '../ast';
import { evaluateLegacyTable } from './legacy-sums';
import { evaluatePlainTable } from './plain-sums';
import { evaluateTable, type Evaluation } from './relations';
import { append } from '../arrays';

/** Documents are immutable: the table-sum rule and the hover (twice per request) share one evaluation. */
const evaluated = new WeakMap<XxgkDocument, readonly Evaluation[]>();

/**
 * Every evaluated sum of every table in the document: the national tables' relations, the legacy 附表's parts, the
 * 合计 rows and columns of other Markdown tables. What the table-sum rule reports and what the hover explains.
 */
export function evaluateDocument(doc: XxgkDocument): readonly Evaluation[] {
  const hit = evaluated.get(doc);
  if (hit) return hit;
  const out: Evaluation[] = [];
  for (const table of doc.tables) append(out, table.kind === '附表' ? evaluateLegacyTable(table) : evaluateTable(table));
  for (const table of doc.plainTables) append(out, evaluatePlainTable(table));
  evaluated.set(doc, out);
  return out;
}
