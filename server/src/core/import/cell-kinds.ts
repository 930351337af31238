import type { TableSpec } from '../formats/types';
import { labelKey } from '../text/normalize';

/**
 * What a lone piece of text in a table stream is: a figure (or what was typed where a figure goes), a header
 * word, or something else (a row label, or text after the table).
 */

/** Zero marks of the national format (markup §6). */
const ZERO_MARKS = new Set(['—', '——', '-', '－', '–', '/', '／', '无', '0']);
/**
 * A figure as typed, units and slips included (`12,846`, `３．４２`, `3件`, `251000元`, `-3`): digits first, at most
 * a short unit after. A row label starts with its numbering instead (`1.属于国家秘密`, `2、重复申请`).
 */
const FIGURE = /^[+\-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*[^\s0-9０-９.．、,，:：]{0,3}$/;
const NUMBERED_LABEL = /^[0-9０-９]+[.．、:：)）]\s*[^\s0-9０-９]/;

export function isFigureLike(text: string): boolean {
  const s = text.trim();
  if (ZERO_MARKS.has(s)) return true;
  return FIGURE.test(s) && !NUMBERED_LABEL.test(s);
}

/** Words of the official table headers that the container does not write: the layout implies them. */
export const LAYOUT_WORDS = new Set(['申请人情况', '法人或其他组织', '行政诉讼', '第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '第二十条第(九)项']);

const headerCache = new WeakMap<TableSpec, Set<string>>();

/** Header words of a table: its corner labels, column labels (every block's) and the layout words. */
export function headerWords(spec: TableSpec): ReadonlySet<string> {
  let words = headerCache.get(spec);
  if (!words) headerCache.set(spec, (words = computeHeaderWords(spec)));
  return words;
}

function computeHeaderWords(spec: TableSpec): Set<string> {
  const words = new Set<string>();
  for (const c of spec.cornerLabels) words.add(labelKey(c));
  if (spec.note) words.add(labelKey(spec.note));
  for (const c of spec.columns) words.add(labelKey(c.label));
  for (const r of spec.rows) for (const c of r.columns ?? []) words.add(labelKey(c.label));
  for (const w of LAYOUT_WORDS) words.add(labelKey(w));
  return words;
}

/** A header word, or a piece of one (`本年新` of `本年新制作数量`, a header cell broken over two lines). */
export function headerPiece(text: string, words: ReadonlySet<string>): 'word' | 'piece' | undefined {
  const key = labelKey(text);
  if (!key) return undefined;
  if (words.has(key)) return 'word';
  for (const w of words) if (w.includes(key)) return 'piece';
  return undefined;
}
