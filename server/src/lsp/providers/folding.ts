import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { headingEnds, positionAt, type XxgkDocument } from '../../core/index';

/** Sections and sub-headings, table containers and the front matter fold. */
export function foldingRanges(doc: XxgkDocument): FoldingRange[] {
  const line = (offset: number) => positionAt(doc.lineStarts, offset).line;
  const ranges: FoldingRange[] = [];
  const lastContentLine = (end: number) => {
    let l = line(Math.max(0, end - 1));
    while (l > 0 && doc.text.slice(doc.lineStarts[l], doc.lineStarts[l + 1] ?? doc.text.length).trim() === '') l--;
    return l;
  };
  if (doc.frontMatter && !doc.frontMatter.unclosed) {
    ranges.push({ startLine: line(doc.frontMatter.span.start), endLine: line(doc.frontMatter.span.end), kind: FoldingRangeKind.Imports });
  }
  const ends = headingEnds(doc.headings, doc.text.length);
  doc.headings.forEach((h, k) => {
    const end = lastContentLine(ends[k]);
    const start = line(h.span.start);
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  });
  for (const table of doc.tables) {
    const start = line(table.span.start);
    const end = line(Math.max(table.span.start, table.span.end - 1));
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
