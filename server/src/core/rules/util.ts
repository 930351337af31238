import type { Span, XxgkDocument } from '../ast';
import { t } from '../i18n';
import { format } from '../text/decimal';
import type { Term } from '../tables/relations';

export { format as fmt };

/** `自然人 5 + 商业企业 4 + …`: blank parts shown as 空 so the author sees why they count as 0. */
export function describeTerms(terms: readonly Term[]): string {
  return terms.map((term) => `${term.label} ${term.blank ? t('空(0)') : format(term.value)}`).join(' + ');
}

/** Where to point a finding about the whole document: the title, or else the first line. */
export function documentAnchor(doc: XxgkDocument): Span {
  if (doc.title) return doc.title.textSpan;
  const firstEnd = doc.lineStarts.length > 1 ? doc.lineStarts[1] - 1 : doc.text.length;
  return { start: 0, end: firstEnd };
}
