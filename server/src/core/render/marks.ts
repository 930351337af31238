import type { Span } from '../ast';
import type { Diagnostic } from '../rules/types';
import type { Grid, GridCell, GridRow } from './grid';
import { append } from '../arrays';

/** Diagnostics placed on what the renderer draws: cells of tables, characters of prose, whole blocks. */

export type ProblemLevel = 'error' | 'warning' | 'info';

export interface Problem {
  readonly level: ProblemLevel;
  readonly messages: readonly string[];
  readonly rules: readonly string[];
}

export interface InlineMark {
  readonly start: number;
  readonly end: number;
  readonly diagnostic: Diagnostic;
}

const RANK: Record<ProblemLevel, number> = { error: 3, warning: 2, info: 1 };

export function levelOf(d: Diagnostic): ProblemLevel {
  return d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info';
}

/**
 * How many marked places (cells, pieces of text, blocks) of one page carry a diagnostic's message; the places after
 * them are marked by their level alone. A diagnostic over a long line was written out in full on each of its cells or
 * text runs: a line of 10,000 `|` with the six missing-section errors on it made a 22 MB preview, and 1 MB of it more
 * than a string can hold.
 */
export const MESSAGE_PLACES = 8;

/** Counts the places each diagnostic's message has been written on, for one page. */
export class MessageBudget {
  private readonly written = new Map<Diagnostic, number>();
  /** Whether the message of `d` may be written on one more place (and counts that place). */
  take(d: Diagnostic): boolean {
    const n = this.written.get(d) ?? 0;
    if (n >= MESSAGE_PLACES) return false;
    this.written.set(d, n + 1);
    return true;
  }
}

/**
 * One problem standing for several diagnostics: the worst level, every message (with a budget, only those of the
 * diagnostics whose messages it still allows; the level still counts them all).
 */
export function combine(diagnostics: readonly Diagnostic[], budget?: MessageBudget): Problem | undefined {
  if (!diagnostics.length) return undefined;
  let level: ProblemLevel = 'info';
  for (const d of diagnostics) if (RANK[levelOf(d)] > RANK[level]) level = levelOf(d);
  const described = budget ? diagnostics.filter((d) => budget.take(d)) : diagnostics;
  const messages = [...new Set(described.map((d) => d.message))];
  const rules = [...new Set(described.map((d) => d.rule))];
  return { level, messages, rules };
}

function overlaps(d: Span, s: Span): boolean {
  if (d.start === d.end) return d.start >= s.start && d.start <= s.end;
  return d.start < s.end && d.end > s.start;
}

function within(d: Span, s: Span): boolean {
  return d.start >= s.start && d.end <= s.end;
}

/** Diagnostics whose span meets `span`. */
export function diagnosticsIn(diagnostics: readonly Diagnostic[], span: Span): Diagnostic[] {
  return diagnostics.filter((d) => overlaps(d.span, span));
}

/**
 * Items looked up by the source span each covers, so that placing n diagnostics on n blocks or cells takes
 * O(n log n), not n × n (a 4,000-row table with a problem on every row took 22 s to preview). Spans up to WIDE
 * characters long are found by binary search on their start; the few longer ones are checked every time. Each
 * item's span is read once (a grid cell makes its spans when they are read).
 */
export class SpanIndex<T> {
  private static readonly WIDE = 4096;
  private readonly starts: number[] = [];
  private readonly narrow: number[] = []; // indices into items, by span start
  private readonly wide: number[] = [];
  private readonly spans: Array<Span | undefined>;

  constructor(
    private readonly items: readonly T[],
    spanOf: (item: T) => Span | undefined,
  ) {
    const spans = (this.spans = items.map(spanOf));
    const narrow: number[] = [];
    spans.forEach((span, k) => {
      if (!span) return;
      if (span.end - span.start > SpanIndex.WIDE) this.wide.push(k);
      else narrow.push(k);
    });
    narrow.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
    this.narrow = narrow;
    this.starts = narrow.map((k) => spans[k]!.start);
  }

  /** Every item whose span meets `span`, ends included (a superset of what `overlaps` accepts), in item order. */
  near(span: Span): T[] {
    const found: number[] = this.wide.length ? this.wide.filter((k) => this.meets(k, span)) : [];
    let lo = 0;
    let hi = this.starts.length;
    const from = span.start - SpanIndex.WIDE;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < this.starts.length && this.starts[j] <= span.end; j++) {
      if (this.meets(this.narrow[j], span)) found.push(this.narrow[j]);
    }
    return found.sort((a, b) => a - b).map((k) => this.items[k]);
  }

  private meets(k: number, span: Span): boolean {
    const s = this.spans[k]!;
    return s.start <= span.end && s.end >= span.start;
  }
}

/** What a lookup finds where there is nothing: one array for every block of a page drawn without diagnostics. */
export const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** Diagnostics looked up by span: `in(span)` is `diagnosticsIn(diagnostics, span)`, without a pass over them all. */
export class DiagnosticIndex {
  private readonly index: SpanIndex<Diagnostic> | undefined;
  constructor(diagnostics: readonly Diagnostic[]) {
    this.index = diagnostics.length ? new SpanIndex(diagnostics, (d) => d.span) : undefined;
  }
  in(span: Span): readonly Diagnostic[] {
    if (!this.index) return NO_DIAGNOSTICS;
    const found = this.index.near(span).filter((d) => overlaps(d.span, span));
    return found.length ? found : NO_DIAGNOSTICS;
  }
}

/** A table with nothing placed on it (the result is only read). */
const NOTHING_PLACED: { cells: ReadonlyMap<GridCell, Diagnostic[]>; table: readonly Diagnostic[] } = Object.freeze({ cells: new Map<GridCell, Diagnostic[]>(), table: NO_DIAGNOSTICS });

/**
 * Places each diagnostic of a table on the cells it names (a figure, a label, a row's empty cells); one about a
 * row as a whole goes on the cells drawn from that row; one about the table (its `:::` line) on the table.
 */
export function placeInGrid(grid: Grid, diagnostics: readonly Diagnostic[]): { cells: ReadonlyMap<GridCell, Diagnostic[]>; table: readonly Diagnostic[] } {
  // Most tables have nothing to place (and the export has no diagnostics at all): no index of their cells.
  if (!diagnostics.length) return NOTHING_PLACED;
  const mine = diagnosticsIn(diagnostics, grid.span);
  if (!mine.length) return NOTHING_PLACED;
  const cells = new Map<GridCell, Diagnostic[]>();
  const table: Diagnostic[] = [];
  const all: GridCell[] = [];
  const collect = (g: Grid) => {
    for (const r of g.rows as GridRow[]) append(all, r.cells);
    if (g.extra) collect(g.extra);
  };
  collect(grid);
  const add = (c: GridCell, d: Diagnostic) => {
    const list = cells.get(c);
    if (list) list.push(d);
    else cells.set(c, [d]);
  };
  const byCell = new SpanIndex(all, (c) => c.source?.cell);
  const byRow = new SpanIndex(all, (c) => c.source?.row);
  const undrawn = new Map<string, GridCell[]>();
  for (const c of all) {
    if (c.source?.row || c.rowId === undefined) continue;
    const list = undrawn.get(c.rowId);
    if (list) list.push(c);
    else undrawn.set(c.rowId, [c]);
  }
  for (const d of mine) {
    const direct = byCell.near(d.span).filter((c) => overlaps(d.span, c.source!.cell!));
    if (direct.length) {
      direct.forEach((c) => add(c, d));
      continue;
    }
    const row = byRow.near(d.span).filter((c) => within(d.span, c.source!.row!));
    if (row.length) {
      row.forEach((c) => add(c, d));
      continue;
    }
    // A row the author left out (missing-row names it in its data): its drawn, empty cells.
    const missing = typeof d.data?.row === 'string' ? (undrawn.get(d.data.row) ?? []) : [];
    if (missing.length) missing.forEach((c) => add(c, d));
    else table.push(d);
  }
  return { cells, table };
}
