import type { Cell, PlainTable, Span, StandardTable, TableRow } from '../ast';
import type { TableKind, TableSpec } from '../formats/types';
import { append } from '../arrays';
import { labelKey, withoutTrailingComments } from '../text/normalize';
import { hasFullWidthPipe, isSeparatorRow, splitRow } from './cells';
import { assignHierarchy } from './legacy';
import { matchRow, type RowMatchResult } from './rowmatch';

/**
 * A table's rows as the parser found them, three numbers a row (line, start, end of the line) in one flat array: the
 * rows of every table are held until the whole document is read, and an object a row lived that long.
 */
export type RawRows = number[];

/** A container as the parser found it: where its parts are, as numbers. */
export interface ContainerInput {
  readonly kind: TableKind | undefined;
  /** Kind as written after `:::`, from `kindStart`. */
  readonly kindText: string;
  readonly kindStart: number;
  /** The opening `:::` line. */
  readonly openStart: number;
  readonly openEnd: number;
  /** Missing when the container is never closed. */
  readonly closeSpan: Span | undefined;
  /** Where the table ends: the end of its closing `:::`, or, never closed, where the next container opens or the document ends. */
  readonly end: number;
  readonly rows: Readonly<RawRows>;
  readonly spec: TableSpec | undefined;
  readonly sectionIndex: number;
}

const EMPTY_CELL: Cell = { span: { start: 0, end: 0 }, outerSpan: { start: 0, end: 0 }, text: '', state: 'blank' };
const UNIT_HEADERS = new Set(['单位', '计量单位']);
/** Header cells of a legacy 附表 as real tables print them: the year column is often headed by a bare year. */
const LEGACY_YEAR_HEADER = /^(?:(?:19|20)\d{2}年?度?|本年度?|上年度?|本期|上期)$/;
const LEGACY_WORD_HEADERS = new Set(['单位', '计量单位', '历年累计', '累计', '历年', '合计', '备注', '数量', '数值']);
const LEGACY_CORNERS = new Set(['指标名称', '指标', '项目', '统计指标', '名称', '内容', '类别']);

/**
 * A legacy header row: its label is a corner word (指标名称) or a header word stands among its cells, and every
 * cell is a header word or a year (`2016` is the year column's heading there, not a figure).
 */
function isLegacyHeader(cells: readonly Cell[]): boolean {
  const keys = cells.map((c) => labelKey(c.text));
  const values = keys.slice(1).filter(Boolean);
  if (values.length === 0) return false;
  const isHeaderWord = (k: string) => LEGACY_WORD_HEADERS.has(k) || LEGACY_YEAR_HEADER.test(k);
  return (LEGACY_CORNERS.has(keys[0]) || values.some((k) => LEGACY_WORD_HEADERS.has(k))) && values.every(isHeaderWord);
}

/** Each row's cells, split in the text itself (a row's fields are read from `raw` by its index). */
function splitRows(text: string, raw: Readonly<RawRows>): Cell[][] {
  const rows: Cell[][] = new Array<Cell[]>(raw.length / 3);
  for (let r = 0, k = 0; k < raw.length; r++, k += 3) {
    // A full-width ｜ is a common slip in Chinese input; splitRow reads it as a pipe, in the text itself (no copy of
    // the text up to the row: 10,000 such rows once made a copy each and exhausted memory).
    rows[r] = splitRow(text, raw[k + 1], raw[k + 2], hasFullWidthPipe(text, raw[k + 1], raw[k + 2]));
  }
  return rows;
}

/** Rows before the first separator, when no figure appears among them, are header rows (Markdown's header). */
function headerRowCount(split: readonly Cell[][]): number {
  const sep = split.findIndex(isSeparatorRow);
  if (sep <= 0) return 0;
  const figures = split.slice(0, sep).some((cells) => cells.slice(1).some((c) => c.state === 'number'));
  return figures ? 0 : sep;
}

const headerWordCache = new WeakMap<TableSpec, Set<string>>();
function headerWords(spec: TableSpec): Set<string> {
  let words = headerWordCache.get(spec);
  if (!words) headerWordCache.set(spec, (words = computeHeaderWords(spec)));
  return words;
}

function computeHeaderWords(spec: TableSpec): Set<string> {
  const words = new Set<string>();
  for (const c of spec.columns) {
    words.add(labelKey(c.label));
    if (c.group) words.add(labelKey(c.group));
  }
  for (const r of spec.rows) for (const c of r.columns ?? []) words.add(labelKey(c.label));
  ['申请人情况', '法人或其他组织', '行政诉讼', '行政复议', '未经复议直接起诉', '复议后起诉'].forEach((w) => words.add(w));
  return words;
}

const cornerCache = new WeakMap<TableSpec, Set<string>>();
function cornerWords(spec: TableSpec): Set<string> {
  let words = cornerCache.get(spec);
  if (!words) cornerCache.set(spec, (words = new Set(spec.cornerLabels.map(labelKey))));
  return words;
}

/** What a data row of a standard table has beside its cells: its values, and the official row its label means. */
interface RowExtras {
  readonly values?: readonly Cell[];
  readonly result?: RowMatchResult;
  readonly unit?: string;
}

/** Fields of a legacy 附表 row (set after the row is built: assignHierarchy places it in the outline). */
interface LegacyPlace {
  unit: string | undefined;
  depth: number | undefined;
  parentIndex: number | undefined;
  /** The row's cells, where its values leave one out (the unit column). */
  cells?: readonly Cell[];
}

/**
 * A parsed row. Like a cell, it keeps its offsets as numbers and hands out its span on demand (a span object per row
 * was a twelfth of what a large table kept). It keeps its label and its values, and makes its cells (label and values)
 * when they are read, which no rule does: a second array per row was a sixth of what a plain table kept. What most
 * rows do not have lives in one field each: the row match (the matcher's own shared result) and a 附表 row's place
 * (unit, depth, parent). Every row has the same fields, in the same order, so that one hidden class serves them all.
 */
class ParsedRow implements TableRow {
  /** The first cell; undefined for a row of no cells (a line of one pipe). */
  private readonly first: Cell | undefined;
  readonly values: readonly Cell[];
  private readonly result: RowMatchResult | undefined;
  private legacy: LegacyPlace | undefined;
  constructor(
    private readonly start: number,
    private readonly end: number,
    readonly line: number,
    cells: Cell[],
    readonly kind: TableRow['kind'],
    extras: RowExtras | undefined,
  ) {
    this.first = cells[0];
    this.values = extras?.values ?? cells.slice(1);
    this.result = extras?.result;
    this.legacy = extras && 'unit' in extras ? { unit: extras.unit, depth: undefined, parentIndex: undefined, cells } : undefined;
  }
  get cells(): readonly Cell[] {
    if (this.legacy?.cells) return this.legacy.cells;
    if (!this.first) return [];
    const cells = [this.first];
    append(cells, this.values);
    return cells;
  }
  get span(): Span {
    return { start: this.start, end: this.end };
  }
  get label(): Cell {
    return this.first ?? EMPTY_CELL;
  }
  get match(): TableRow['match'] {
    return this.result && 'match' in this.result ? this.result.match : undefined;
  }
  get unmatched(): TableRow['unmatched'] {
    return this.result && 'unmatched' in this.result ? this.result.unmatched : undefined;
  }
  get unit(): string | undefined {
    return this.legacy?.unit;
  }
  get depth(): number | undefined {
    return this.legacy?.depth;
  }
  /** Set by assignHierarchy on the rows of a 附表 it has just built. */
  set depth(depth: number | undefined) {
    this.place().depth = depth;
  }
  get parentIndex(): number | undefined {
    return this.legacy?.parentIndex;
  }
  set parentIndex(parentIndex: number | undefined) {
    this.place().parentIndex = parentIndex;
  }
  private place(): LegacyPlace {
    return (this.legacy ??= { unit: undefined, depth: undefined, parentIndex: undefined });
  }
  /** Plain data, as the interface describes it (JSON and structural comparison see every field). */
  toJSON(): TableRow {
    const { line, cells, label, values, kind, match, unmatched, unit, depth, parentIndex } = this;
    return { span: this.span, line, cells, label, values, kind, match, unmatched, unit, depth, parentIndex };
  }
}

/** Row `index` of `raw`, with its cells. */
function row(raw: Readonly<RawRows>, index: number, cells: Cell[], kind: TableRow['kind'], extras?: RowExtras): TableRow {
  return new ParsedRow(raw[3 * index + 1], raw[3 * index + 2], raw[3 * index], cells, kind, extras);
}

export function buildStandardTable(text: string, input: ContainerInput): StandardTable {
  const split = splitRows(text, input.rows);
  const headers = headerRowCount(split);
  const spec = input.spec;
  const words = spec ? headerWords(spec) : undefined;
  const corner = spec ? cornerWords(spec) : undefined;
  let columnLabels: string[] | undefined;
  let unitColumn = -1;

  const raw = input.rows;
  const rows: TableRow[] = split.map((cells, index) => {
    if (isSeparatorRow(cells)) return row(raw, index, cells, 'separator');
    const values = cells.slice(1);
    const noFigures = values.every((c) => c.state !== 'number' && c.state !== 'zero-mark');
    let header = index < headers;
    if (!header && words && noFigures) {
      const labelWord = labelKey(cells[0]?.text ?? '');
      header = (corner!.has(labelWord) && values.length > 0) || values.some((c) => c.text && words.has(labelKey(c.text)));
    }
    if (!header && input.kind === '附表' && !columnLabels && (noFigures ? values.some((c) => c.text) : isLegacyHeader(cells))) header = true;
    if (header) {
      if (input.kind === '附表') {
        unitColumn = values.findIndex((c) => UNIT_HEADERS.has(labelKey(c.text)));
        columnLabels = values.filter((_, k) => k !== unitColumn).map((c) => c.text);
      }
      return row(raw, index, cells, 'header');
    }
    if (input.kind === '附表' && unitColumn >= 0) {
      return row(raw, index, cells, 'data', { values: values.filter((_, k) => k !== unitColumn), unit: values[unitColumn]?.text });
    }
    if (!spec) return row(raw, index, cells, 'data', { values });
    // A comment after the label (`（一）予以公开 <!-- 核对 -->`) is not shown and names no other row.
    return row(raw, index, cells, 'data', { values, result: matchRow(withoutTrailingComments((cells[0] ?? EMPTY_CELL).text), spec) });
  });
  if (input.kind === '附表') assignHierarchy(rows);

  return new ParsedTable(input, rows, columnLabels);
}

/**
 * A parsed container. Its spans are made when they are read, from the numbers it keeps: a document of 100,000
 * containers (`::: 依申请` lines never closed) kept three span objects each, all live until the check ended.
 */
class ParsedTable implements StandardTable {
  readonly kind: TableKind | undefined;
  readonly kindText: string;
  readonly spec: TableSpec | undefined;
  readonly sectionIndex: number;
  readonly closeSpan: Span | undefined;
  private readonly kindStart: number;
  private readonly openStart: number;
  private readonly openEnd: number;
  private readonly end: number;
  constructor(
    input: Omit<ContainerInput, 'rows'>,
    readonly rows: readonly TableRow[],
    readonly columnLabels: readonly string[] | undefined,
  ) {
    // Copied, not kept: the input also holds the raw rows.
    this.kind = input.kind;
    this.kindText = input.kindText;
    this.spec = input.spec;
    this.sectionIndex = input.sectionIndex;
    this.closeSpan = input.closeSpan;
    this.kindStart = input.kindStart;
    this.openStart = input.openStart;
    this.openEnd = input.openEnd;
    this.end = input.end;
  }
  get type(): 'standard' {
    return 'standard';
  }
  get kindSpan(): Span {
    return { start: this.kindStart, end: this.kindStart + this.kindText.length };
  }
  get openSpan(): Span {
    return { start: this.openStart, end: this.openEnd };
  }
  get span(): Span {
    return { start: this.openStart, end: this.end };
  }
  /** The same table with other rows (the parts of one official table, joined). */
  withRows(rows: readonly TableRow[]): StandardTable {
    const { kind, kindText, spec, sectionIndex, closeSpan, kindStart, openStart, openEnd, end } = this;
    return new ParsedTable({ kind, kindText, spec, sectionIndex, closeSpan, kindStart, openStart, openEnd, end }, rows, this.columnLabels);
  }
  /** Plain data, as the interface describes it (JSON and structural comparison see every field). */
  toJSON(): StandardTable {
    const { type, kind, kindText, kindSpan, span, openSpan, closeSpan, rows, spec, columnLabels, sectionIndex } = this;
    return { type, kind, kindText, kindSpan, span, openSpan, closeSpan, rows, spec, columnLabels, sectionIndex };
  }
}

/** The table with other rows, its places kept (a parsed table makes its spans when read: a spread would drop them). */
export function tableWithRows(table: StandardTable, rows: readonly TableRow[]): StandardTable {
  return table instanceof ParsedTable ? table.withRows(rows) : { ...table, rows };
}

export function buildPlainTable(text: string, raw: Readonly<RawRows>, sectionIndex: number): PlainTable {
  const split = splitRows(text, raw);
  const headers = headerRowCount(split);
  const rows = split.map((cells, index) => row(raw, index, cells, isSeparatorRow(cells) ? 'separator' : index < headers ? 'header' : 'data'));
  return { type: 'plain', span: { start: raw[1], end: raw[raw.length - 1] }, rows, sectionIndex };
}
