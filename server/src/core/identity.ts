import { parse } from './parser/document';

export interface ReportIdentity {
  readonly agency: string;
  readonly year: number;
}

/**
 * Which agency's report for which year a text is, read from its front matter (and the title for the year)
 * without parsing the whole report: used to find last year's report of the same agency.
 */
export function reportIdentity(text: string): ReportIdentity | undefined {
  const head = text.slice(0, 4000);
  // The closing fence after any line break (\n, \r\n or a lone \r, as computeLineStarts reads them).
  const fence = /[\r\n]---/.exec(head.slice(3));
  const close = fence ? fence.index + 3 : -1;
  const doc = parse(close > 0 ? head.slice(0, close + 4) : '');
  const agency = doc.frontMatter?.entries.find((e) => e.canonical === 'agency')?.value;
  const year = doc.year ?? Number(/((?:19|20)\d{2})\s*年/.exec(head)?.[1]);
  return typeof agency === 'string' && agency.trim() && Number.isInteger(year) ? { agency: agency.trim(), year } : undefined;
}

/** For each report, the index of last year's report of the same agency among them, if any. */
export function previousYearIndex(identities: ReadonlyArray<ReportIdentity | undefined>): Array<number | undefined> {
  const byKey = new Map<string, number>();
  identities.forEach((id, i) => id && byKey.set(`${id.agency}\u0000${id.year}`, i));
  return identities.map((id) => (id ? byKey.get(`${id.agency}\u0000${id.year - 1}`) : undefined));
}
