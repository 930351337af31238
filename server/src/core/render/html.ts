import type { Span, XxgkDocument } from '../ast';
import type { Diagnostic } from '../rules/types';
import { lineOf } from '../text/lines';
import { buildModel, type Block, type ListItem, type SectionBlock } from './blocks';
import { attr, escapeHtml } from './escape';
import type { Grid, GridCell, GridRow } from './grid';
import { inlineText, parseInline, type Inline } from './inline';
import { combine, DiagnosticIndex, levelOf, MessageBudget, NO_DIAGNOSTICS, placeInGrid, type Problem } from './marks';
import { STANDALONE_CSS, XXGK_CSS } from './styles';

export interface RenderHtmlOptions {
  /** Adds `data-line="N"` (0-based source line) to blocks, list items, table rows and cells. */
  readonly sourceLines?: boolean;
  /** Diagnostics to mark on the cells, words and blocks they are about. */
  readonly diagnostics?: readonly Diagnostic[];
  /** A bar “n 个错误，n 个警告” (with the list of problems) at the top; by default when diagnostics are given. */
  readonly summary?: boolean;
  /** A whole HTML document with the stylesheet inlined and a CSP that allows no script and no request. */
  readonly standalone?: boolean;
  /**
   * Cells drawn per table row, the rest counted in one last cell (the live preview: PREVIEW_CELLS_PER_ROW). An
   * export draws every cell.
   */
  readonly maxCellsPerRow?: number;
}

/**
 * The preview's cells per row: an official table has 15 columns at most. A line of a million pipes is a row of a
 * million cells, which made a page of 53 MB in 4.8 s and held the preview some 15 s.
 */
export const PREVIEW_CELLS_PER_ROW = 200;

/**
 * Renders a parsed report as HTML. Every character that comes from the document is escaped: the renderer writes
 * all markup itself, so a report cannot inject elements, attributes, scripts or requests.
 */
export function renderHtml(doc: XxgkDocument, options: RenderHtmlOptions = {}): string {
  const model = buildModel(doc);
  const w = new HtmlWriter(doc, options);
  const parts: string[] = [];
  parts.push(`<article class="xxgk-doc" lang="zh-CN"${attr('data-format', doc.format)}${attr('data-year', doc.year)}>`);
  if (options.diagnostics && (options.summary ?? true)) parts.push(w.summary(options.diagnostics));
  for (const b of model.blocks) parts.push(b.type === 'section' ? w.section(b) : w.block(b));
  parts.push('</article>');
  const body = joinRope(parts, '\n');
  if (!options.standalone) return body + '\n';
  return standalonePage(doc, model.title, body);
}

/** The stylesheet the fragment expects (the standalone page inlines it). */
export function renderStyles(): string {
  return XXGK_CSS;
}

function standalonePage(doc: XxgkDocument, title: string | undefined, body: string): string {
  const entry = (key: string) => {
    const v = doc.frontMatter?.entries.find((e) => e.canonical === key)?.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  };
  const agency = entry('agency');
  const published = entry('published');
  const shownTitle = title
    ? inlineText(parseInline(title, 0, title.length))
    : `${agency ?? ''}${doc.year ? `${doc.year}年` : ''}政府信息公开工作年度报告`;
  return joinRope([
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="xxgk">',
    agency ? `<meta name="author"${attr('content', agency)}>` : '',
    published ? `<meta name="date"${attr('content', published)}>` : '',
    `<title>${escapeHtml(shownTitle)}</title>`,
    `<style>${XXGK_CSS}${STANDALONE_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].filter((l) => l !== ''), '\n') + '\n';
}

class HtmlWriter {
  /** The diagnostics, looked up by the span of each block, cell or table. */
  private readonly index: DiagnosticIndex;
  /** Where each diagnostic's message has been written (on at most MESSAGE_PLACES places of the page). */
  private readonly budget = new MessageBudget();

  constructor(
    private readonly doc: XxgkDocument,
    private readonly options: RenderHtmlOptions,
  ) {
    this.index = new DiagnosticIndex(options.diagnostics ?? []);
  }

  private line(n: number | undefined): string {
    return this.options.sourceLines && n !== undefined ? attr('data-line', n) : '';
  }

  summary(diagnostics: readonly Diagnostic[]): string {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const others = diagnostics.length - errors - warnings;
    let text = `${errors} 个错误，${warnings} 个警告`;
    if (others) text += `，${others} 个提示`;
    const items = diagnostics.map((d) => {
      const line = lineOf(this.doc.lineStarts, d.span.start);
      return `<li class="xxgk-${levelOf(d)}"${this.line(line)}>第 ${line + 1} 行：${escapeHtml(d.message)}（${escapeHtml(d.rule)}）</li>`;
    });
    const cls = diagnostics.length ? 'xxgk-summary' : 'xxgk-summary xxgk-clean';
    const counts = `${attr('data-errors', errors)}${attr('data-warnings', warnings)}${attr('data-hints', others)}`;
    if (!items.length) return `<div class="${cls}" role="status"${counts}>${escapeHtml(text)}</div>`;
    return `<div class="${cls}" role="status"${counts}><details><summary>${escapeHtml(text)}</summary><ol>${items.join('')}</ol></details></div>`;
  }

  section(s: SectionBlock): string {
    const id = s.section.spec?.id;
    return joinRope([`<section class="xxgk-section"${attr('data-section', id)}>`, ...s.children.map((b) => this.block(b)), '</section>'], '\n');
  }

  block(b: Block): string {
    switch (b.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, b.level));
        const problems = this.blockProblem(b.span, b.inlines);
        const cls = [b.title ? 'xxgk-title' : '', problems.cls].filter(Boolean).join(' ');
        return `<h${level}${cls ? ` class="${cls}"` : ''}${problems.attrs}${this.line(b.line)}>${this.inlines(b.inlines, b.span)}</h${level}>`;
      }
      case 'paragraph': {
        const problems = this.blockProblem(b.span, b.inlines);
        return `<p${problems.cls ? ` class="${problems.cls}"` : ''}${problems.attrs}${this.line(b.line)}>${this.inlines(b.inlines, b.span)}</p>`;
      }
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? attr('start', b.start) : '';
        return `<${tag}${start}${this.line(b.line)}>${b.items.map((i) => this.item(i)).join('')}</${tag}>`;
      }
      case 'quote':
        return `<blockquote${this.line(b.line)}>${b.children.map((c) => this.block(c)).join('')}</blockquote>`;
      case 'code': {
        const problem = combine(this.index.in(b.span), this.budget);
        return `<pre${problemClass(problem)}${problemAttrs(problem)}${this.line(b.line)}><code>${escapeHtml(b.text)}</code></pre>`;
      }
      case 'rule':
        return `<hr${this.line(b.line)}>`;
      case 'table':
        return this.table(b.grid);
    }
  }

  private item(i: ListItem): string {
    const problems = this.blockProblem(i.span, i.inlines);
    const nested = i.children.map((c) => this.block(c)).join('');
    return `<li${problems.cls ? ` class="${problems.cls}"` : ''}${problems.attrs}${this.line(i.line)}>${this.inlines(i.inlines, i.span)}${nested}</li>`;
  }

  /** A problem of a block that cannot be shown on its characters (an empty span, or one on no text): the whole block. */
  private blockProblem(span: Span, inlines: readonly Inline[]): { readonly cls: string; readonly attrs: string } {
    const found = this.index.in(span);
    if (!found.length) return NO_PROBLEM;
    const unplaced = found.filter((d) => !touchesText(inlines, d.span));
    const problem = combine(unplaced, this.budget);
    return { cls: problem ? `xxgk-problem xxgk-${problem.level}` : '', attrs: problemAttrs(problem) };
  }

  private inlines(nodes: readonly Inline[], span: Span): string {
    const found = this.index.in(span);
    return renderInlines(nodes, found.length ? found.filter((d) => d.span.end > d.span.start) : found, this.budget);
  }

  private table(grid: Grid): string {
    const placed = placeInGrid(grid, this.index.in(grid.span));
    const tableProblem = combine(placed.table, this.budget);
    const out: string[] = [];
    out.push(`<div class="xxgk-table-wrap">`);
    out.push(this.gridTable(grid, placed.cells, tableProblem));
    if (grid.extra) {
      out.push(`<p class="xxgk-extra-caption">${escapeHtml(grid.extra.caption ?? '')}</p>`);
      out.push(this.gridTable(grid.extra, placed.cells, undefined));
    }
    out.push('</div>');
    return joinRope(out, '\n');
  }

  private gridTable(grid: Grid, cellProblems: ReadonlyMap<GridCell, Diagnostic[]>, problem: Problem | undefined): string {
    const cls = `xxgk-table xxgk-${grid.kind}${grid.kind === 'requests' || grid.kind === 'proactive' || grid.kind === 'appeals' ? ' xxgk-official' : ''}`;
    const out: string[] = [];
    out.push(`<table class="${cls}${problem ? ` xxgk-problem xxgk-${problem.level}` : ''}"${problemAttrs(problem)}${this.line(grid.line)}>`);
    // Widths of the official layouts come from the stylesheet (no inline style: a webview's CSP may forbid it).
    if (grid.widths) out.push(`<colgroup>${'<col>'.repeat(grid.widths.length)}</colgroup>`);
    const head = grid.rows.filter((r) => r.head);
    const body = grid.rows.filter((r) => !r.head);
    if (head.length) out.push(`<thead>\n${joinRope(head.map((r) => this.row(r, cellProblems)), '\n')}\n</thead>`);
    if (body.length) out.push(`<tbody>\n${joinRope(body.map((r) => this.row(r, cellProblems)), '\n')}\n</tbody>`);
    out.push('</table>');
    return joinRope(out, '\n');
  }

  private row(r: GridRow, cellProblems: ReadonlyMap<GridCell, Diagnostic[]>): string {
    const cls = r.kind === 'block' ? ' class="xxgk-block-row"' : '';
    const max = this.options.maxCellsPerRow ?? Infinity;
    const cells = r.cells.length > max ? r.cells.slice(0, max) : r.cells;
    let drawn = cells.map((c) => this.cell(c, cellProblems.get(c))).join('');
    if (cells.length < r.cells.length) drawn += `<td class="xxgk-omitted">……本行另有 ${r.cells.length - cells.length} 格，预览中未显示</td>`;
    return `<tr${cls}${attr('data-row', r.rowId)}${this.line(r.line)}>${drawn}</tr>`;
  }

  private cell(c: GridCell, diagnostics: Diagnostic[] | undefined): string {
    const tag = c.header ? 'th' : 'td';
    const problem = diagnostics && combine(diagnostics, this.budget);
    // Built as a string, not an array joined: a page of a large table has a few cells per source byte.
    let classes = `xxgk-${c.role}`;
    if (c.align) classes += ` xxgk-${c.align}`;
    if (c.indent) classes += ` xxgk-indent-${Math.min(4, c.indent)}`;
    if (problem) classes += ` xxgk-problem xxgk-${problem.level}`;
    const scope = !c.header ? '' : c.role === 'label' ? ' scope="row"' : c.role === 'group' && c.rowSpan ? ' scope="rowgroup"' : c.role === 'group' || c.role === 'column' ? (c.colSpan ? ' scope="colgroup"' : ' scope="col"') : '';
    const attrs =
      ` class="${classes}"` +
      scope +
      (c.rowSpan && c.rowSpan > 1 ? attr('rowspan', c.rowSpan) : '') +
      (c.colSpan && c.colSpan > 1 ? attr('colspan', c.colSpan) : '') +
      attr('data-row', c.rowId) +
      attr('data-col', c.colId) +
      problemAttrs(problem) +
      this.line(c.source?.line);
    const content = c.inlines ? renderInlines(c.inlines, NO_DIAGNOSTICS) : escapeHtml(c.text ?? '');
    return `<${tag}${attrs}>${content}</${tag}>`;
  }
}

/**
 * `parts.join(separator)`, made of the parts themselves (V8 keeps `a + b` as a pair until the string is read): a
 * page's large table was copied whole at every level of joins (rows, body, table, wrapper, section, page), six
 * copies of a 25 MB string for a 1 MB table, where the page is now copied once, when it is first read.
 */
function joinRope(parts: readonly string[], separator: string): string {
  let out = parts.length ? parts[0] : '';
  for (let k = 1; k < parts.length; k++) out += separator + parts[k];
  return out;
}

function problemClass(p: Problem | undefined): string {
  return p ? ` class="xxgk-problem xxgk-${p.level}"` : '';
}

/** A block with no problem to show (most blocks: one object for all). */
const NO_PROBLEM: { readonly cls: string; readonly attrs: string } = Object.freeze({ cls: '', attrs: '' });

function problemAttrs(p: Problem | undefined): string {
  if (!p || !p.messages.length) return '';
  const message = p.messages.join('\n');
  return `${attr('title', message)}${attr('data-message', message)}${attr('data-rule', p.rules.join(' '))}`;
}

/** Whether a diagnostic's span covers any character of the inline text (so that it can be marked there). */
function touchesText(nodes: readonly Inline[], span: Span): boolean {
  if (span.end <= span.start) return false;
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') {
      if (span.start < n.end && span.end > n.start) return true;
    } else if (n.type === 'strong' || n.type === 'em' || n.type === 'link') {
      if (touchesText(n.children, span)) return true;
    }
  }
  return false;
}

/** Inline nodes as HTML; the characters diagnostics cover are wrapped in a marked span (split at formatting). */
export function renderInlines(nodes: readonly Inline[], marks: readonly Diagnostic[], budget?: MessageBudget): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += markedText(n.text, n.start, n.end, marks, budget);
        break;
      case 'code': {
        const problem = combine(marks.filter((d) => d.span.start < n.end && d.span.end > n.start), budget);
        const code = `<code>${escapeHtml(n.text)}</code>`;
        out += problem ? wrapProblem(code, problem) : code;
        break;
      }
      case 'strong':
        out += `<strong>${renderInlines(n.children, marks, budget)}</strong>`;
        break;
      case 'em':
        out += `<em>${renderInlines(n.children, marks, budget)}</em>`;
        break;
      case 'link':
        out += `<a${attr('href', n.href)} rel="noopener noreferrer nofollow">${renderInlines(n.children, marks, budget)}</a>`;
        break;
      case 'softbreak':
        out += n.join;
        break;
      case 'break':
        out += '<br>';
        break;
    }
  }
  return out;
}

function markedText(text: string, start: number, end: number, marks: readonly Diagnostic[], budget: MessageBudget | undefined): string {
  if (!marks.length) return escapeHtml(text);
  const relevant = marks.filter((d) => d.span.start < end && d.span.end > start);
  if (!relevant.length) return escapeHtml(text);
  if (text.length !== end - start) {
    // An escaped character (`\*`): its source is two characters, the text one; mark it whole.
    return wrapProblem(escapeHtml(text), combine(relevant, budget)!);
  }
  const cuts = new Set<number>([start, end]);
  for (const d of relevant) {
    if (d.span.start > start) cuts.add(d.span.start);
    if (d.span.end < end) cuts.add(d.span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = escapeHtml(text.slice(a - start, b - start));
    const problem = combine(relevant.filter((d) => d.span.start < b && d.span.end > a), budget);
    out += problem ? wrapProblem(piece, problem) : piece;
  }
  return out;
}

function wrapProblem(html: string, p: Problem): string {
  return `<span class="xxgk-problem xxgk-${p.level}"${problemAttrs(p)}>${html}</span>`;
}
