import type { StandardTable, TableRow } from '../ast';
import type { ColumnSpec, RowSpec, TableSpec } from '../formats/types';
import { sourceOf, type Grid, type GridCell, type GridRow } from './grid';
import { maxOf } from '../arrays';

/**
 * The three official tables of the 2019 and 2021 formats, drawn in the official layout from the format data:
 * rows and columns come from the TableSpec, the figures from what the author wrote, matched row by row.
 */

/** Header words of the official layouts that the format data has no row or column for. */
const APPLICANTS = '申请人情况';
const LITIGATION = '行政诉讼';
export const EXTRA_CAPTION = '下列各行不在官方表格中（无法识别的行、重复的行或分组行所填的小计），按原文列出：';

/** Column widths (percent) of the official layouts, for the stylesheet and the Word tables alike. */
export const OFFICIAL_WIDTHS = {
  /** 3 label columns, then 7 figures. */
  requests: [7, 9, 26, ...Array.from({ length: 7 }, () => 58 / 7)],
  /** 信息内容, then up to 3 figures. */
  proactive: [34, 22, 22, 22],
  /** 15 figures. */
  appeals: Array.from({ length: 15 }, () => 100 / 15),
} as const;

export function officialGrid(table: StandardTable, line: number): Grid | undefined {
  const spec = table.spec;
  if (!spec) return undefined;
  const matched = matchRows(table, spec);
  let grid: Grid;
  if (spec.kind === '依申请') grid = requestsGrid(table, spec, matched, line);
  else if (spec.kind === '主动公开') grid = proactiveGrid(table, spec, matched, line);
  else if (spec.kind === '复议诉讼') grid = appealsGrid(table, spec, matched, line);
  else return undefined;
  const extra = extraGrid(table, matched.leftovers, line);
  return extra ? { ...grid, extra } : grid;
}

interface Matched {
  /** The first source row matched to each official row. */
  readonly byId: ReadonlyMap<string, TableRow>;
  /** Unmatched and duplicate rows, and group rows the author gave figures: they have no place in the layout. */
  readonly leftovers: readonly TableRow[];
}

function matchRows(table: StandardTable, spec: TableSpec): Matched {
  const byId = new Map<string, TableRow>();
  const leftovers: TableRow[] = [];
  for (const row of table.rows) {
    if (row.kind !== 'data') continue;
    const id = row.match?.row.id;
    if (!id || byId.has(id)) {
      leftovers.push(row);
      continue;
    }
    byId.set(id, row);
    const isGroup = spec.rows.find((r) => r.id === id)?.group;
    if (isGroup && row.values.some((c) => c.text !== '')) leftovers.push(row);
  }
  return { byId, leftovers };
}

function labelCell(spec: RowSpec, source: TableRow | undefined, extra: Partial<GridCell> = {}): GridCell {
  return {
    header: true,
    role: 'label',
    text: spec.label,
    align: 'left',
    rowId: spec.id,
    source: source ? sourceOf(source, source.label) : undefined,
    ...extra,
  };
}

function figureCell(source: TableRow | undefined, index: number, rowId: string, column: ColumnSpec, colSpan?: number): GridCell {
  const cell = source?.values[index];
  return {
    header: false,
    role: 'figure',
    text: cell?.text ?? '',
    align: 'center',
    colSpan,
    rowId,
    colId: column.id,
    source: source ? sourceOf(source, cell) : undefined,
  };
}

const head = (text: string, role: GridCell['role'], rowSpan?: number, colSpan?: number, line?: number): GridCell => ({
  header: true,
  role,
  text,
  align: 'center',
  rowSpan: rowSpan && rowSpan > 1 ? rowSpan : undefined,
  colSpan: colSpan && colSpan > 1 ? colSpan : undefined,
  source: line === undefined ? undefined : { line },
});

/** 表三: two-level 申请人情况 header, three-level row labels merged down (rowspan) and across (colspan). */
function requestsGrid(table: StandardTable, spec: TableSpec, { byId }: Matched, line: number): Grid {
  const rowById = new Map(spec.rows.map((r) => [r.id, r]));
  const ancestors = (r: RowSpec): RowSpec[] => {
    const chain: RowSpec[] = [];
    for (let p = r.parent ? rowById.get(r.parent) : undefined; p; p = p.parent ? rowById.get(p.parent) : undefined) chain.unshift(p);
    return chain;
  };
  const labelColumns = 1 + Math.max(...spec.rows.map((r) => ancestors(r).length));
  const figures = spec.columns;
  const grouped = figures.some((c) => c.group);
  const headRows = grouped ? 3 : 2;

  const rows: GridRow[] = [];
  rows.push({
    head: true,
    line,
    cells: [head(spec.note ?? spec.cornerLabels[0], 'corner', headRows, labelColumns, line), head(APPLICANTS, 'group', 1, figures.length, line)],
  });
  const second: GridCell[] = [];
  const third: GridCell[] = [];
  for (let k = 0; k < figures.length; k++) {
    const c = figures[k];
    if (!c.group) second.push({ ...head(c.label, 'column', headRows - 1, 1, line), colId: c.id });
    else {
      if (figures[k - 1]?.group !== c.group) {
        let n = 0;
        while (figures[k + n]?.group === c.group) n++;
        second.push(head(c.group, 'group', 1, n, line));
      }
      third.push({ ...head(c.label, 'column', 1, 1, line), colId: c.id });
    }
  }
  rows.push({ head: true, line, cells: second });
  if (grouped) rows.push({ head: true, line, cells: third });

  const leaves = spec.rows.filter((r) => !r.group);
  const leafCount = (group: RowSpec) => leaves.filter((l) => ancestors(l).includes(group)).length;
  const drawn = new Set<string>();
  for (const leaf of leaves) {
    const source = byId.get(leaf.id);
    const cells: GridCell[] = [];
    for (const a of ancestors(leaf)) {
      if (drawn.has(a.id)) continue;
      drawn.add(a.id);
      const n = leafCount(a);
      cells.push(labelCell(a, byId.get(a.id), { role: 'group', align: 'center', rowSpan: n > 1 ? n : undefined }));
    }
    const span = labelColumns - ancestors(leaf).length;
    cells.push(labelCell(leaf, source, { colSpan: span > 1 ? span : undefined }));
    figures.forEach((c, k) => cells.push(figureCell(source, k, leaf.id, c)));
    rows.push({ cells, line: source?.line, rowId: leaf.id, kind: 'data' });
  }
  const columns = labelColumns + figures.length;
  return {
    kind: 'requests',
    columns,
    widths: columns === OFFICIAL_WIDTHS.requests.length ? OFFICIAL_WIDTHS.requests : undefined,
    rows,
    span: table.span,
    line,
  };
}

/** 表二: one block per 第二十条 item: a title row across the table, its own column headings, its rows. */
function proactiveGrid(table: StandardTable, spec: TableSpec, { byId }: Matched, line: number): Grid {
  const width = Math.max(...spec.rows.map((r) => (r.columns ?? spec.columns).length));
  const corner = spec.cornerLabels[0];
  const rows: GridRow[] = [];
  const blocks = [...new Set(spec.rows.map((r) => r.block ?? ''))];
  for (const block of blocks) {
    const members = spec.rows.filter((r) => (r.block ?? '') === block);
    const columns = members[0].columns ?? spec.columns;
    const last = width - columns.length + 1;
    if (block) rows.push({ kind: 'block', line, cells: [head(block, 'block', 1, width + 1, line)] });
    rows.push({
      line,
      cells: [
        head(corner, 'corner', 1, 1, line),
        ...columns.map((c, k) => ({ ...head(c.label, 'column', 1, k === columns.length - 1 ? last : 1, line), colId: c.id })),
      ],
    });
    for (const r of members) {
      const source = byId.get(r.id);
      const cols = r.columns ?? spec.columns;
      rows.push({
        cells: [labelCell(r, source), ...cols.map((c, k) => figureCell(source, k, r.id, c, k === cols.length - 1 && last > 1 ? last : undefined))],
        line: source?.line,
        rowId: r.id,
        kind: 'data',
      });
    }
  }
  return {
    kind: 'proactive',
    columns: width + 1,
    widths: width + 1 === OFFICIAL_WIDTHS.proactive.length ? OFFICIAL_WIDTHS.proactive : undefined,
    rows,
    span: table.span,
    line,
  };
}

/** 表四: the official one-row layout, 15 figures under a three-level header (行政复议 | 行政诉讼 › 两类 › 五项). */
function appealsGrid(table: StandardTable, spec: TableSpec, { byId }: Matched, line: number): Grid {
  const [review, ...litigation] = spec.rows;
  const n = spec.columns.length;
  const columnHeads = (rowSpan: number) => spec.columns.map((c) => ({ ...head(c.label, 'column', rowSpan, 1, line), colId: c.id }));
  const rows: GridRow[] = [
    { head: true, line, cells: [head(review.label, 'group', 1, n, line), head(LITIGATION, 'group', 1, n * litigation.length, line)] },
    { head: true, line, cells: [...columnHeads(2), ...litigation.map((r) => ({ ...head(r.label, 'group', 1, n, line), rowId: r.id }))] },
    { head: true, line, cells: litigation.flatMap(() => columnHeads(1)) },
  ];
  const cells: GridCell[] = [];
  for (const r of spec.rows) {
    const source = byId.get(r.id);
    spec.columns.forEach((c, k) => cells.push(figureCell(source, k, r.id, c)));
  }
  const firstSource = spec.rows.map((r) => byId.get(r.id)).find(Boolean);
  rows.push({ cells, line: firstSource?.line, kind: 'data' });
  return {
    kind: 'appeals',
    columns: n * spec.rows.length,
    widths: cells.length === OFFICIAL_WIDTHS.appeals.length ? OFFICIAL_WIDTHS.appeals : undefined,
    rows,
    span: table.span,
    line,
  };
}

function extraGrid(table: StandardTable, leftovers: readonly TableRow[], line: number): Grid | undefined {
  if (!leftovers.length) return undefined;
  // At least one figure column: a row of a label alone (a repeated group row) is still a row of cells when copied
  // or imported back, not a line of text.
  const width = Math.max(2, 1 + maxOf(leftovers, (r) => r.values.length));
  const rows: GridRow[] = leftovers.map((r) => ({
    line: r.line,
    cells: [
      { header: true, role: 'label', text: r.label.text, align: 'left', source: sourceOf(r, r.label) },
      ...Array.from({ length: width - 1 }, (_, k): GridCell => ({
        header: false,
        role: 'figure',
        text: r.values[k]?.text ?? '',
        align: 'center',
        source: sourceOf(r, r.values[k]),
      })),
    ],
  }));
  return { kind: 'extra', columns: width, rows, span: table.span, line, caption: EXTRA_CAPTION };
}
