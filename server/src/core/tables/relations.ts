import type { Cell, Span, StandardTable, TableRow } from '../ast';
import type { ColumnSpec, RelationSpec, TableSpec } from '../formats/types';
import { add, equals, sub, ZERO, type Decimal } from '../text/decimal';
import { cellReading } from './cell-figure';
import { cellAt, columnsOf, rowsById } from './grid';
import { rowFigure, rowFigureOnly } from './row-figure';

/** One term of a sum: what it is called and the figure it contributed (blank terms count as 0). */
export interface Term {
  readonly label: string;
  readonly value: Decimal;
  readonly blank: boolean;
  /** Its row is not in the table (left out, or its label not recognised): its figure is unknown (see RowFigure). */
  readonly missing?: boolean;
  readonly span?: Span;
  /** A group's sum: the cells of its items that were summed. */
  readonly summed?: readonly Span[];
}

/** One checked instance of a relation: a total cell against the sum of its parts. */
export interface Evaluation {
  readonly relation: string;
  /** The cell holding the figure that should equal the sum. */
  readonly cell: Cell;
  /** What the cell is (（七）总计 · 自然人). */
  readonly cellLabel: string;
  readonly actual: Decimal;
  readonly expected: Decimal;
  readonly parts: readonly Term[];
  /** For identities: the terms on the other side, already folded into `expected`. */
  readonly minus?: readonly Term[];
  readonly ok: boolean;
  /**
   * Whether setting the cell to `expected` is a sound fix. Not in a derived column (依申请's 总计, which R1 makes
   * from each row): there R2 and R3 follow from R1 and the other columns, and the fix belongs to those.
   */
  readonly fixable: boolean;
}

/** Every term of a sum: for an identity, both sides. */
export function termsOf(e: Evaluation): readonly Term[] {
  return e.minus ? [...e.parts, ...e.minus] : e.parts;
}

/**
 * Where a sum's terms are, by the start of their cells: each term's own cell and, for a group summed from its items,
 * the items' cells (a figure the sum counts, though not as a term of its own).
 */
export function termCells(terms: readonly Term[]): number[] {
  const cells: number[] = [];
  for (const term of terms) {
    if (term.span) cells.push(term.span.start);
    for (const span of term.summed ?? []) cells.push(span.start);
  }
  return cells;
}

/**
 * An evaluation whose terms and label are built only when asked for (a failing sum's message, a hover): nearly
 * every sum of a report holds, and building its terms for nothing was a good part of the check's allocations.
 */
export class LazyEvaluation implements Evaluation {
  private terms?: readonly Term[];
  private minusTerms?: readonly Term[];
  private label?: string;
  constructor(
    readonly relation: string,
    readonly cell: Cell,
    readonly actual: Decimal,
    readonly expected: Decimal,
    readonly fixable: boolean,
    private readonly explain: { parts(): readonly Term[]; minus?(): readonly Term[]; label(): string },
  ) {}
  get ok(): boolean {
    return equals(this.actual, this.expected);
  }
  get parts(): readonly Term[] {
    return (this.terms ??= this.explain.parts());
  }
  get minus(): readonly Term[] | undefined {
    if (!this.explain.minus) return undefined;
    return (this.minusTerms ??= this.explain.minus());
  }
  get cellLabel(): string {
    return (this.label ??= this.explain.label());
  }
}

/**
 * Evaluates every relation of a standard table under the blank rules of reference §6 (cells read by cellReading, group
 * rows by rowFigure): a relation whose total is blank or unreadable, or whose parts are all blank, is not checked;
 * otherwise blank parts count as 0; a part that cannot be read (text, or a row too short) leaves it unchecked.
 */
export function evaluateTable(table: StandardTable): Evaluation[] {
  const spec = table.spec;
  if (!spec) return [];
  const rows = rowsById(table);
  const out: Evaluation[] = [];
  for (const relation of spec.relations) {
    if (relation.kind === 'row') evaluateRowRelation(relation, spec, rows, out);
    else if (relation.kind === 'column') evaluateColumnRelation(relation, spec, rows, out);
    else evaluateIdentity(relation, spec, rows, out);
  }
  return out;
}

/** Lookups every evaluation needs, computed once per (immutable) format spec. */
interface SpecIndex {
  /** Columns that a row relation derives from the others (依申请 总计, 复议诉讼 总计). */
  readonly derived: ReadonlySet<string>;
}
const specIndexes = new WeakMap<TableSpec, SpecIndex>();

function indexOf(spec: TableSpec): SpecIndex {
  let index = specIndexes.get(spec);
  if (!index) {
    index = {
      derived: new Set(spec.relations.flatMap((r) => (r.kind === 'row' ? [r.total] : []))),
    };
    specIndexes.set(spec, index);
  }
  return index;
}

const columnIndexes = new WeakMap<readonly ColumnSpec[], ReadonlyMap<string, number>>();
/** Position of each column id in a list of columns (-1 when absent, as findIndex). */
function columnIndex(columns: readonly ColumnSpec[], id: string): number {
  let index = columnIndexes.get(columns);
  if (!index) {
    index = new Map(columns.map((c, k) => [c.id, k]));
    columnIndexes.set(columns, index);
  }
  return index.get(id) ?? -1;
}

function evaluateRowRelation(relation: Extract<RelationSpec, { kind: 'row' }>, spec: TableSpec, rows: ReadonlyMap<string, TableRow>, out: Evaluation[]) {
  for (const [, row] of rows) {
    const rowSpec = row.match!.row;
    const columns = columnsOf(rowSpec, spec);
    const totalIndex = columnIndex(columns, relation.total);
    const total = cellReading(cellAt(row, totalIndex));
    if (!total) continue;
    let expected = ZERO;
    let filled = false;
    let readable = true;
    for (const id of relation.parts) {
      const v = cellReading(cellAt(row, columnIndex(columns, id)));
      if (v === undefined) {
        readable = false;
        break;
      }
      if (v !== null) {
        expected = add(expected, v);
        filled = true;
      }
    }
    if (!readable || !filled) continue;
    out.push(new LazyEvaluation(relation.id, row.values[totalIndex], total, expected, true, new RowTerms(relation, columns, row, totalIndex)));
  }
}

/**
 * The terms and the label of a row relation's evaluation, made when asked for. One object, not an object of two
 * closures: every row of every 依申请 and 复议诉讼 table makes one.
 */
class RowTerms {
  constructor(
    private readonly relation: Extract<RelationSpec, { kind: 'row' }>,
    private readonly columns: readonly ColumnSpec[],
    private readonly row: TableRow,
    private readonly totalIndex: number,
  ) {}
  parts(): readonly Term[] {
    return this.relation.parts.map((id) => {
      const k = columnIndex(this.columns, id);
      return termOf(this.columns[k].label, cellAt(this.row, k))!;
    });
  }
  label(): string {
    return `${this.row.match!.row.name} · ${this.columns[this.totalIndex].label}`;
  }
}

/** A row's figure in a column as a term (see rowFigure), or null when it cannot be read. */
function columnTerm(spec: TableSpec, rows: ReadonlyMap<string, TableRow>, id: string, column: number): Term | null {
  const figure = rowFigureOnly(spec, rows, id, column);
  if (!figure) return null;
  const { row, value, blank } = figure;
  if (figure.missing) return { label: row.name, value, blank, missing: true };
  // A group's sum stands in no one cell; a row's own figure points at its cell (hover shows where a part is counted).
  if (figure.summed) return new GroupSum(row.name, value, blank, spec, rows, id, column);
  return figure.ownCell ? { label: row.name, value, blank, span: figure.ownCell.span } : { label: row.name, value, blank };
}

/**
 * A group's sum as a term; the cells it summed are looked up only when asked for (table-sum asks when a sum fails),
 * not for every column of every relation of every report.
 */
class GroupSum implements Term {
  constructor(
    readonly label: string,
    readonly value: Decimal,
    readonly blank: boolean,
    private readonly spec: TableSpec,
    private readonly rows: ReadonlyMap<string, TableRow>,
    private readonly id: string,
    private readonly column: number,
  ) {}
  get summed(): readonly Span[] {
    return rowFigure(this.spec, this.rows, this.id, this.column)!.cells.map((c) => c.cell.span);
  }
}

/** The terms of a column relation in one column; null when one cannot be read. */
function columnTerms(spec: TableSpec, rows: ReadonlyMap<string, TableRow>, ids: readonly string[], column: number): Term[] | null {
  const terms: Term[] = [];
  for (const id of ids) {
    const t = columnTerm(spec, rows, id, column);
    if (t === null) return null;
    terms.push(t);
  }
  return terms;
}

function evaluateColumnRelation(
  relation: Extract<RelationSpec, { kind: 'column' }>,
  spec: TableSpec,
  rows: ReadonlyMap<string, TableRow>,
  out: Evaluation[],
) {
  const totalRow = rows.get(relation.total);
  if (!totalRow) return;
  const columns = columnsOf(totalRow.match!.row, spec);
  const derived = indexOf(spec).derived;
  columns.forEach((column, c) => {
    const total = cellReading(cellAt(totalRow, c));
    if (!total) return;
    // Column terms are few (a handful per column) and group rows need them summed: built directly.
    const parts = columnTerms(spec, rows, relation.parts, c);
    if (!parts || parts.every((p) => p.blank)) return;
    out.push(
      new LazyEvaluation(relation.id, totalRow.values[c], total, sumTerms(parts), !derived.has(column.id), {
        parts: () => parts,
        label: () => `${totalRow.match!.row.name} · ${column.label}`,
      }),
    );
  });
}

function evaluateIdentity(relation: Extract<RelationSpec, { kind: 'identity' }>, spec: TableSpec, rows: ReadonlyMap<string, TableRow>, out: Evaluation[]) {
  // 一 + 二 = 总计 + 四 is checked on 四 (结转下年度继续办理), the figure usually derived from the others.
  const derivedId = relation.right[relation.right.length - 1];
  const derivedRow = rows.get(derivedId);
  if (!derivedRow) return;
  const columns = columnsOf(derivedRow.match!.row, spec);
  const derived = indexOf(spec).derived;
  columns.forEach((column, c) => {
    const target = cellReading(cellAt(derivedRow, c));
    if (!target) return;
    const plus = columnTerms(spec, rows, relation.left, c);
    const minus = columnTerms(spec, rows, relation.right.filter((id) => id !== derivedId), c);
    if (!plus || !minus) return;
    // The main figure of each side (一, 总计) must be filled; blank 二 counts as 0.
    if (plus[0].blank || minus[0].blank) return;
    const expected = sub(sumTerms(plus), sumTerms(minus));
    out.push(
      new LazyEvaluation(relation.id, derivedRow.values[c], target, expected, !derived.has(column.id), {
        parts: () => plus,
        minus: () => minus,
        label: () => `${derivedRow.match!.row.name} · ${column.label}`,
      }),
    );
  });
}

/** A cell as a term of a sum (blank counts as 0), or null when it cannot be read. */
export function termOf(label: string, cell: Cell | undefined): Term | null {
  const v = cellReading(cell);
  if (v === undefined) return null;
  return v === null ? { label, value: ZERO, blank: true, span: cell!.span } : { label, value: v, blank: false, span: cell!.span };
}

function sumTerms(terms: readonly Term[]): Decimal {
  return terms.reduce((s, t) => add(s, t.value), ZERO);
}
