import type { Span } from '../ast';
import type { Diagnostic } from '../rules/types';
import type { Grid, GridCell, GridRow } from './grid';

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

/** One problem standing for several diagnostics: the worst level, every message. */
export function combine(diagnostics: readonly Diagnostic[]): Problem | undefined {
  if (!diagnostics.length) return undefined;
  let level: ProblemLevel = 'info';
  for (const d of diagnostics) if (RANK[levelOf(d)] > RANK[level]) level = levelOf(d);
  const messages = [...new Set(diagnostics.map((d) => d.message))];
  const rules = [...new Set(diagnostics.map((d) => d.rule))];
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
 * Places each diagnostic of a table on the cells it names (a figure, a label, a row's empty cells); one about a
 * row as a whole goes on the cells drawn from that row; one about the table (its `:::` line) on the table.
 */
export function placeInGrid(grid: Grid, diagnostics: readonly Diagnostic[]): { cells: Map<GridCell, Diagnostic[]>; table: Diagnostic[] } {
  const cells = new Map<GridCell, Diagnostic[]>();
  const table: Diagnostic[] = [];
  const all: GridCell[] = [];
  const collect = (g: Grid) => {
    for (const r of g.rows as GridRow[]) all.push(...r.cells);
    if (g.extra) collect(g.extra);
  };
  collect(grid);
  const add = (c: GridCell, d: Diagnostic) => {
    const list = cells.get(c);
    if (list) list.push(d);
    else cells.set(c, [d]);
  };
  for (const d of diagnosticsIn(diagnostics, grid.span)) {
    const direct = all.filter((c) => c.source?.cell && overlaps(d.span, c.source.cell));
    if (direct.length) {
      direct.forEach((c) => add(c, d));
      continue;
    }
    const row = all.filter((c) => c.source?.row && within(d.span, c.source.row));
    if (row.length) {
      row.forEach((c) => add(c, d));
      continue;
    }
    // A row the author left out (missing-row names it in its data): its drawn, empty cells.
    const missing = typeof d.data?.row === 'string' ? all.filter((c) => c.rowId === d.data!.row && !c.source?.row) : [];
    if (missing.length) missing.forEach((c) => add(c, d));
    else table.push(d);
  }
  return { cells, table };
}
