import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { headingEnds, t, type Section, type Heading, type XxgkDocument } from '../../core/index';
import { toRange } from '../convert';

/** Outline: headings nested by level, each standard table under the heading it follows. */
export function documentSymbols(doc: XxgkDocument): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol; end: number }> = [];
  type Item = { start: number; make: () => { level: number; symbol: DocumentSymbol; end: number } };
  const items: Item[] = [];
  // A heading's range runs to the next heading of the same or a higher level.
  const ends = headingEnds(doc.headings, doc.text.length);
  const sections = new Map<Heading, Section>(doc.sections.map((s) => [s.heading, s]));
  doc.headings.forEach((h, k) => {
    const end = ends[k];
    items.push({
      start: h.span.start,
      make: () => ({
        level: h.level,
        end,
        symbol: {
          name: h.text || t('（空标题）'),
          detail: h.level === 2 ? sections.get(h)?.spec?.name : undefined,
          kind: h.level === 1 ? SymbolKind.File : h.level === 2 ? SymbolKind.Module : SymbolKind.Namespace,
          range: toRange(doc, { start: h.span.start, end: trimEnd(doc.text, end) }),
          selectionRange: toRange(doc, h.textSpan),
          children: [],
        },
      }),
    });
  });
  for (const table of doc.tables) {
    items.push({
      start: table.span.start,
      make: () => ({
        level: 99,
        end: table.span.end,
        symbol: {
          name: `::: ${table.kindText}`,
          detail: table.spec?.title,
          kind: SymbolKind.Struct,
          range: toRange(doc, table.span),
          selectionRange: toRange(doc, table.kindSpan),
          children: [],
        },
      }),
    });
  }
  items.sort((a, b) => a.start - b.start);
  for (const item of items) {
    const node = item.make();
    while (stack.length && (stack[stack.length - 1].level >= node.level || stack[stack.length - 1].end <= item.start)) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(node.symbol);
    stack.push(node);
  }
  return roots;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
