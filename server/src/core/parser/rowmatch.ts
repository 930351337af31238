import type { RowMatch } from '../ast';
import type { RowSpec, TableSpec } from '../formats/types';
import { LABEL_MEMO_LIMIT, TextMemo } from '../text/memo';
import { labelKey } from '../text/normalize';
import { NearestTexts } from './nearest-texts';

export type RowMatchResult =
  | { readonly match: RowMatch }
  | { readonly unmatched: { readonly reason: 'unknown' | 'ambiguous'; readonly candidates: readonly RowSpec[] } };

interface RowKeys {
  readonly row: RowSpec;
  /** Official text without numbering. */
  readonly full: string;
  /** Short name and aliases. */
  readonly short: readonly string[];
}

interface SpecKeys {
  readonly keys: RowKeys[];
  /** Each row's full text, then its short forms (the full text alone, in matchWithParent). */
  readonly texts: NearestTexts;
}

const indexCache = new WeakMap<TableSpec, SpecKeys>();
function specKeys(spec: TableSpec): SpecKeys {
  let index = indexCache.get(spec);
  if (!index) {
    const keys = spec.rows.map((row) => ({ row, full: labelKey(row.label), short: [row.name, ...(row.aliases ?? [])].map(labelKey) }));
    index = { keys, texts: new NearestTexts(keys.map((k) => [k.full, ...k.short])) };
    indexCache.set(spec, index);
  }
  return index;
}

/** How many of the closest rows a label that matches none is given as candidates. */
const CANDIDATES = 3;

/** Per table: results by label, and one object for every equal result. */
interface SpecResults {
  readonly byLabel: TextMemo<RowMatchResult>;
  readonly distinct: Map<string, RowMatchResult>;
}
const resultCache = new WeakMap<TableSpec, SpecResults>();

/** Finds the official row a label means: its official text, a short form, `父/子`, or the official text with a typo. */
export function matchRow(label: string, spec: TableSpec): RowMatchResult {
  let results = resultCache.get(spec);
  if (!results) resultCache.set(spec, (results = { byLabel: new TextMemo(LABEL_MEMO_LIMIT), distinct: new Map() }));
  const hit = results.byLabel.get(label);
  if (hit) return hit;
  const result = distinctResult(computeMatch(label, spec), results.distinct);
  results.byLabel.set(label, result);
  return result;
}

/**
 * The one object kept for results equal to this one, so that a memo of many labels holds one entry each and not a
 * result each (thousands of made-up labels share a few dozen sets of closest rows). Results are never modified.
 */
function distinctResult(result: RowMatchResult, distinct: Map<string, RowMatchResult>): RowMatchResult {
  const key =
    'match' in result
      ? `${result.match.how}:${result.match.row.id}`
      : `${result.unmatched.reason}:${result.unmatched.candidates.map((r) => r.id).join(',')}`;
  let one = distinct.get(key);
  if (!one) distinct.set(key, (one = result));
  return one;
}

function computeMatch(label: string, spec: TableSpec): RowMatchResult {
  const { keys, texts } = specKeys(spec);
  const key = labelKey(label);
  if (!key) return { unmatched: { reason: 'unknown', candidates: [] } };

  const exact = keys.filter((k) => k.full === key);
  if (exact.length === 1) return { match: { row: exact[0].row, how: 'exact' } };
  const short = keys.filter((k) => k.short.includes(key));
  if (short.length === 1) return { match: { row: short[0].row, how: 'short' } };
  if (short.length > 1) return { unmatched: { reason: 'ambiguous', candidates: short.map((k) => k.row) } };

  // `父/子`: each side keeps its own numbering in real tables (`（六）其他处理/3.其他`, `其他处理/（3）其他`), so each is
  // keyed on its own.
  const slash = label.search(/[/／]/);
  if (slash > 0) return matchWithParent(labelKey(label.slice(0, slash)), labelKey(label.slice(slash + 1)), keys, texts);

  // An unambiguous piece of the official text (`不掌握相关政府信息`).
  if (key.length >= 2) {
    const partial = keys.filter((k) => k.full.includes(key) || k.short.some((s) => s.includes(key)));
    if (partial.length === 1) return { match: { row: partial[0].row, how: 'short' } };
    if (partial.length > 1) return { unmatched: { reason: 'ambiguous', candidates: partial.map((k) => k.row) } };
  }

  // The official text with a few characters dropped (其他法律行政止公开 for 其他法律行政法规禁止公开, printed so in a
  // real district government's table two years running): too many edits for the typo tolerance of a short label, but
  // every character is the official text's, in its order.
  if (key.length >= 6) {
    const dropped = keys.filter((k) => k.full.length - key.length <= MAX_DROPPED && isSubsequence(key, k.full));
    if (dropped.length === 1) return { match: { row: dropped[0].row, how: 'fuzzy' } };
  }

  // The official text with a typo (只计这一情况 for 情形, 三类内容事务信息 for 内部).
  // The closest rows by their closest text, closest first (rows as close in table order).
  const scored = texts.nearest(key, CANDIDATES).map(({ group, d }) => ({ row: keys[group].row, d }));
  const best = scored[0];
  const tolerance = Math.min(3, Math.max(1, Math.floor(key.length * 0.2)));
  if (best && best.d <= tolerance && (scored.length < 2 || scored[1].d > best.d)) {
    return { match: { row: best.row, how: 'fuzzy' } };
  }
  return { unmatched: { reason: 'unknown', candidates: scored.map((s) => s.row) } };
}

/** At most this many characters of the official text left out, as for a typo. */
const MAX_DROPPED = 3;

/** Whether every character of `part` occurs in `whole`, in order. */
function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (let j = 0; j < whole.length && i < part.length; j++) if (whole[j] === part[i]) i++;
  return i === part.length;
}

function matchWithParent(parentKey: string, childKey: string, keys: RowKeys[], texts: NearestTexts): RowMatchResult {
  const parents = new Set(keys.filter((k) => k.full === parentKey || k.short.includes(parentKey)).map((k) => k.row.id));
  const underParent = keys.filter((k) => k.row.parent && parents.has(k.row.parent));
  // The child's own name first (`其他`), then a piece of its official text.
  const named = underParent.filter((k) => k.full === childKey || k.short.includes(childKey));
  const children = named.length ? named : underParent.filter((k) => childKey && k.full.includes(childKey));
  if (children.length === 1) return { match: { row: children[0].row, how: 'short' } };
  if (children.length > 1) return { unmatched: { reason: 'ambiguous', candidates: children.map((k) => k.row) } };
  const closest = texts.nearest(childKey, CANDIDATES, true).map(({ group }) => keys[group].row);
  return { unmatched: { reason: 'unknown', candidates: closest } };
}
