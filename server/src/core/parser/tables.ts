import type { Cell, PlainTable, Span, StandardTable, TableRow } from '../ast';
import type { TableKind, TableSpec } from '../formats/types';
import { labelKey } from '../text/normalize';
import { hasFullWidthPipe, isSeparatorRow, splitRow } from './cells';
import { assignHierarchy } from './legacy';
import { matchRow } from './rowmatch';

export interface RawRow {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

interface ContainerInput {
  kind: TableKind | undefined;
  kindText: string;
  kindSpan: Span;
  openSpan: Span;
  closeSpan?: Span;
  span: Span;
  rows: readonly RawRow[];
  spec?: TableSpec;
  sectionIndex: number;
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

function splitRows(text: string, raw: readonly RawRow[]): Array<{ raw: RawRow; cells: Cell[]; separator: boolean }> {
  return raw.map((r) => {
    // A full-width ｜ is a common slip in Chinese input; splitRow reads it as a pipe, in the text itself (no copy of
    // the text up to the row: 10,000 such rows once made a copy each and exhausted memory).
    const cells = splitRow(text, r.start, r.end, hasFullWidthPipe(text, r.start, r.end));
    return { raw: r, cells, separator: isSeparatorRow(cells) };
  });
}

/** Rows before the first separator, when no figure appears among them, are header rows (Markdown's header). */
function headerRowCount(split: ReturnType<typeof splitRows>): number {
  const sep = split.findIndex((r) => r.separator);
  if (sep <= 0) return 0;
  const figures = split.slice(0, sep).some((r) => r.cells.slice(1).some((c) => c.state === 'number'));
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

type RowExtras = Pick<TableRow, 'match' | 'unmatched' | 'unit'> & { values?: readonly Cell[] };

/**
 * A parsed row. Like a cell, it keeps its offsets as numbers and hands out its span on demand (a span object per row
 * was a twelfth of what a large table kept); every row has the same fields, in the same order, so that one hidden
 * class serves them all (assignHierarchy sets depth and parentIndex on 附表 rows in place).
 */
class ParsedRow implements TableRow {
  readonly label: Cell;
  readonly values: readonly Cell[];
  readonly match: TableRow['match'];
  readonly unmatched: TableRow['unmatched'];
  readonly unit: string | undefined;
  readonly depth: number | undefined = undefined;
  readonly parentIndex: number | undefined = undefined;
  constructor(
    private readonly start: number,
    private readonly end: number,
    readonly line: number,
    readonly cells: Cell[],
    readonly kind: TableRow['kind'],
    extras: RowExtras | undefined,
  ) {
    this.label = cells[0] ?? EMPTY_CELL;
    this.values = extras?.values ?? cells.slice(1);
    this.match = extras?.match;
    this.unmatched = extras?.unmatched;
    this.unit = extras?.unit;
  }
  get span(): Span {
    return { start: this.start, end: this.end };
  }
  /** Plain data, as the interface describes it (JSON and structural comparison see the span). */
  toJSON(): TableRow {
    const { line, cells, label, values, kind, match, unmatched, unit, depth, parentIndex } = this;
    return { span: this.span, line, cells, label, values, kind, match, unmatched, unit, depth, parentIndex };
  }
}

function row(raw: RawRow, cells: Cell[], kind: TableRow['kind'], extras?: RowExtras): TableRow {
  return new ParsedRow(raw.start, raw.end, raw.line, cells, kind, extras);
}

export function buildStandardTable(text: string, input: ContainerInput): StandardTable {
  const split = splitRows(text, input.rows);
  const headers = headerRowCount(split);
  const spec = input.spec;
  const words = spec ? headerWords(spec) : undefined;
  const corner = spec ? cornerWords(spec) : undefined;
  let columnLabels: string[] | undefined;
  let unitColumn = -1;

  const rows: TableRow[] = split.map((r, index) => {
    if (r.separator) return row(r.raw, r.cells, 'separator');
    const values = r.cells.slice(1);
    const noFigures = values.every((c) => c.state !== 'number' && c.state !== 'zero-mark');
    let header = index < headers;
    if (!header && words && noFigures) {
      const labelWord = labelKey(r.cells[0]?.text ?? '');
      header = (corner!.has(labelWord) && values.length > 0) || values.some((c) => c.text && words.has(labelKey(c.text)));
    }
    if (!header && input.kind === '附表' && !columnLabels && (noFigures ? values.some((c) => c.text) : isLegacyHeader(r.cells))) header = true;
    if (header) {
      if (input.kind === '附表') {
        unitColumn = values.findIndex((c) => UNIT_HEADERS.has(labelKey(c.text)));
        columnLabels = values.filter((_, k) => k !== unitColumn).map((c) => c.text);
      }
      return row(r.raw, r.cells, 'header');
    }
    if (input.kind === '附表' && unitColumn >= 0) {
      return row(r.raw, r.cells, 'data', { values: values.filter((_, k) => k !== unitColumn), unit: values[unitColumn]?.text });
    }
    if (!spec) return row(r.raw, r.cells, 'data', { values });
    const result = matchRow((r.cells[0] ?? EMPTY_CELL).text, spec);
    return row(r.raw, r.cells, 'data', 'match' in result ? { values, match: result.match } : { values, unmatched: result.unmatched });
  });
  if (input.kind === '附表') assignHierarchy(rows);

  return {
    type: 'standard',
    kind: input.kind,
    kindText: input.kindText,
    kindSpan: input.kindSpan,
    span: input.span,
    openSpan: input.openSpan,
    closeSpan: input.closeSpan,
    rows,
    spec,
    columnLabels,
    sectionIndex: input.sectionIndex,
  };
}

export function buildPlainTable(text: string, raw: readonly RawRow[], sectionIndex: number): PlainTable {
  const split = splitRows(text, raw);
  const headers = headerRowCount(split);
  const rows = split.map((r, index) => row(r.raw, r.cells, r.separator ? 'separator' : index < headers ? 'header' : 'data'));
  return { type: 'plain', span: { start: raw[0].start, end: raw[raw.length - 1].end }, rows, sectionIndex };
}
