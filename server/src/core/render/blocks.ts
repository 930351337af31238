import type { Heading, Section, Span, XxgkDocument } from '../ast';
import { lineOf as lineOfOffset } from '../text/lines';
import type { Grid } from './grid';
import { parseInline, type Inline } from './inline';
import { officialGrid } from './tables-official';
import { plainGrid } from './tables-plain';
import { append } from '../arrays';

/**
 * The report as a tree of blocks in source order, the one model the HTML and DOCX writers draw: headings,
 * paragraphs, lists, quotes, code, rules and tables (already laid out as grids), grouped by `##` section.
 */
export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly title: boolean; readonly inlines: readonly Inline[]; readonly span: Span; readonly line: number }
  | { readonly type: 'paragraph'; readonly inlines: readonly Inline[]; readonly span: Span; readonly line: number }
  | { readonly type: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly ListItem[]; readonly span: Span; readonly line: number }
  | { readonly type: 'quote'; readonly children: readonly Block[]; readonly span: Span; readonly line: number }
  | { readonly type: 'code'; readonly text: string; readonly span: Span; readonly line: number }
  | { readonly type: 'rule'; readonly span: Span; readonly line: number }
  | { readonly type: 'table'; readonly grid: Grid; readonly span: Span; readonly line: number };

export interface ListItem {
  readonly inlines: readonly Inline[];
  readonly span: Span;
  readonly line: number;
  /** Lists nested under this item (indented further). */
  readonly children: readonly Block[];
}

export interface SectionBlock {
  readonly type: 'section';
  readonly section: Section;
  readonly index: number;
  readonly children: readonly Block[];
}

export interface DocumentModel {
  /** Blocks before the first `##` section (the title and the preamble), then one SectionBlock per section. */
  readonly blocks: readonly (Block | SectionBlock)[];
  /** Plain text of the title, if any. */
  readonly title?: string;
}

const BULLET = /^([-*+])[ \t]+/;
const ORDERED = /^(\d{1,9})([.)])[ \t]+/;
const QUOTE = /^>[ \t]?/;
const RULE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

type Flat =
  | { kind: 'heading'; h: Heading; start: number }
  | { kind: 'para'; span: Span; start: number }
  | { kind: 'table'; block: Block; start: number }
  | { kind: 'code'; block: Block; start: number };

export function buildModel(doc: XxgkDocument): DocumentModel {
  const lineOf = (offset: number) => lineOfOffset(doc.lineStarts, offset);
  const flat: Flat[] = [];
  for (const h of doc.headings) flat.push({ kind: 'heading', h, start: h.span.start });
  for (const p of doc.paragraphs) flat.push({ kind: 'para', span: p.span, start: p.span.start });
  // An empty container is drawn as the whole official table (its skeleton, as a guide while writing) once per kind:
  // a slip that repeats `::: 依申请` a thousand times must not become a thousand 30-row tables (10 KB → 25 MB of HTML).
  const skeletonDrawn = new Set<string>();
  for (const t of doc.tables) {
    // A parsed table makes its spans when they are read: once each here.
    const span = t.span;
    const line = lineOf(t.openSpan.start);
    const empty = !t.rows.some((r) => r.kind === 'data');
    const official = empty && t.kind && skeletonDrawn.has(t.kind) ? undefined : officialGrid(t, line);
    if (official && empty && t.kind) skeletonDrawn.add(t.kind);
    const grid = official ?? plainGrid(doc.text, t.rows, span, line, t.kind === '附表' ? 'appendix' : 'plain');
    flat.push({ kind: 'table', block: { type: 'table', grid, span, line }, start: span.start });
  }
  for (const t of doc.plainTables) {
    const line = lineOf(t.span.start);
    flat.push({ kind: 'table', block: { type: 'table', grid: plainGrid(doc.text, t.rows, t.span, line, 'plain'), span: t.span, line }, start: t.span.start });
  }
  for (const c of doc.codeBlocks) flat.push({ kind: 'code', block: { type: 'code', text: c.text, span: c.span, line: c.line }, start: c.span.start });
  flat.sort((a, b) => a.start - b.start);

  const top: (Block | SectionBlock)[] = [];
  let current: { section: Section; index: number; children: Block[] } | undefined;
  let pending: Array<{ span: Span; line: number }> = [];
  const target = () => current?.children ?? (top as Block[]);
  const flushParas = () => {
    if (pending.length) append(target(), paragraphBlocks(doc, pending));
    pending = [];
  };
  const sectionStarts = new Map(doc.sections.map((s, k) => [s.heading.span.start, k]));
  for (const f of flat) {
    if (f.kind === 'para') {
      pending.push({ span: f.span, line: lineOf(f.span.start) });
      continue;
    }
    flushParas();
    if (f.kind === 'heading') {
      const k = sectionStarts.get(f.h.span.start);
      if (k !== undefined) {
        if (current) top.push({ type: 'section', ...current });
        current = { section: doc.sections[k], index: k, children: [] };
      }
      target().push({
        type: 'heading',
        level: f.h.level,
        title: f.h === doc.title,
        inlines: parseInline(doc.text, f.h.textSpan.start, f.h.textSpan.end),
        span: f.h.span,
        line: lineOf(f.h.span.start),
      });
    } else target().push(f.block);
  }
  flushParas();
  if (current) top.push({ type: 'section', ...current });
  return { blocks: top, title: doc.title?.text };
}

interface MutableList {
  indent: number;
  ordered: boolean;
  start: number;
  items: MutableItem[];
  span: Span;
  line: number;
}
interface MutableItem {
  inlines: readonly Inline[];
  span: Span;
  line: number;
  lists: MutableList[];
}

function freezeList(l: MutableList): Block {
  return {
    type: 'list',
    ordered: l.ordered,
    start: l.start,
    span: l.span,
    line: l.line,
    items: l.items.map((i) => ({ inlines: i.inlines, span: i.span, line: i.line, children: i.lists.map(freezeList) })),
  };
}

/** Paragraph nodes as blocks: list items gathered into (nested) lists, `>` lines into quotes, `---` into rules. */
function paragraphBlocks(doc: XxgkDocument, paras: ReadonlyArray<{ span: Span; line: number }>): Block[] {
  const text = doc.text;
  const out: Block[] = [];
  let root: MutableList | undefined;
  let stack: MutableList[] = [];
  let quote: { children: Block[]; span: Span; line: number } | undefined;
  const closeLists = () => {
    if (root) out.push(freezeList(root));
    root = undefined;
    stack = [];
  };
  const closeQuote = () => {
    if (quote) out.push({ type: 'quote', ...quote });
    quote = undefined;
  };

  for (const p of paras) {
    const body = text.slice(p.span.start, p.span.end);
    const indent = p.span.start - doc.lineStarts[p.line];
    const bullet = BULLET.exec(body);
    const ordered = bullet ? null : ORDERED.exec(body);
    if (bullet || ordered) {
      closeQuote();
      const isOrdered = !!ordered;
      while (stack.length && stack[stack.length - 1].indent > indent) stack.pop();
      let list = stack[stack.length - 1];
      if (list && list.indent === indent && list.ordered !== isOrdered) {
        stack.pop(); // another kind of list at the same depth: the old one ends
        list = stack[stack.length - 1];
        if (list && list.indent === indent) list = undefined as unknown as MutableList;
      }
      if (!list || list.indent !== indent || list.ordered !== isOrdered) {
        const fresh: MutableList = { indent, ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [], span: p.span, line: p.line };
        const parent = list && list.indent < indent ? list.items[list.items.length - 1] : undefined;
        if (parent) parent.lists.push(fresh);
        else {
          closeLists();
          root = fresh;
        }
        stack.push(fresh);
        list = fresh;
      }
      const marker = (bullet ?? ordered)![0].length;
      list.items.push({ inlines: parseInline(text, p.span.start + marker, p.span.end), span: p.span, line: p.line, lists: [] });
      for (const l of stack) l.span = { start: l.span.start, end: p.span.end };
      continue;
    }
    closeLists();
    const q = QUOTE.exec(body);
    if (q) {
      quote ??= { children: [], span: p.span, line: p.line };
      quote.children.push({ type: 'paragraph', inlines: parseInline(text, p.span.start + q[0].length, p.span.end), span: p.span, line: p.line });
      quote.span = { start: quote.span.start, end: p.span.end };
      continue;
    }
    closeQuote();
    if (RULE.test(body.trim())) out.push({ type: 'rule', span: p.span, line: p.line });
    else out.push({ type: 'paragraph', inlines: parseInline(text, p.span.start, p.span.end), span: p.span, line: p.line });
  }
  closeLists();
  closeQuote();
  return out;
}
