import type { Cell, Span, XxgkDocument } from '../ast';
import { withoutTrailingComments } from '../text/normalize';
import type { Edit } from './types';
import { t } from '../i18n';
import { format } from '../text/decimal';
import type { Term } from '../tables/relations';

export { format as fmt };

/** `自然人 5 + 商业企业 4 + …`: blank parts shown as 空 so the author sees why they count as 0. */
export function describeTerms(terms: readonly Term[]): string {
  return terms.map((term) => `${term.label} ${term.blank ? t('空(0)') : format(term.value)}`).join(' + ');
}

/**
 * A row label as shown: without the comments after it (`（一）予以公开 <!-- 核对 -->`). A fix that renames the row edits
 * this much, so that the comment stays (the row-label fix replaced the whole cell, comment and all).
 */
export function shownLabel(cell: Cell): { readonly text: string; readonly span: Span } {
  const text = withoutTrailingComments(cell.text);
  return { text, span: { start: cell.span.start, end: cell.span.start + text.length } };
}

/**
 * Text of the document as a message quotes it: at most `max` characters, then an ellipsis. A label, heading or key
 * may be a megabyte long, and a message quoting all of it fills the problem list (and the CLI's output) with it.
 */
export function quote(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Where to point a finding about the whole document: the title, or else the first line. */
export function documentAnchor(doc: XxgkDocument): Span {
  if (doc.title) return doc.title.textSpan;
  const firstEnd = doc.lineStarts.length > 1 ? doc.lineStarts[1] - 1 : doc.text.length;
  return { start: 0, end: firstEnd };
}

/**
 * An edit inserting whole lines (`lines` ends with a line break) at a line start. At the end of a document whose last
 * line has no line break, that line is not a line start: the lines then go after a break of their own, and the
 * document keeps ending without one, so that several such inserts at the same place still join line by line.
 */
export function insertLines(doc: XxgkDocument, at: number, lines: string): Edit {
  const open = at === doc.text.length && at > 0 && !/[\r\n]$/.test(doc.text);
  return { span: { start: at, end: at }, newText: open ? `\n${lines.replace(/\r?\n$/, '')}` : lines };
}
