import type { Span, XxgkDocument } from '../ast';
import { t } from '../i18n';
import { format } from '../text/decimal';
import type { Term } from '../tables/relations';

export { format as fmt };

/** `自然人 5 + 商业企业 4 + …`: blank parts shown as 空 so the author sees why they count as 0. */
export function describeTerms(terms: readonly Term[]): string {
  return terms.map((term) => `${term.label} ${term.blank ? t('空(0)') : format(term.value)}`).join(' + ');
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
