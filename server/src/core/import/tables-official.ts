import { t } from '../i18n';
import type { FormatId, RowSpec, TableSpec } from '../formats/types';
import { matchRow } from '../parser/rowmatch';
import { labelKey } from '../text/normalize';
import { headerPiece, headerWords, isFigureLike, LAYOUT_WORDS } from './cell-kinds';
import type { SourceLine } from './lines';
import type { NoteList } from './notes';
import { cellsFollow, firstFilled, restOfLine, rowCells, tokensOf, type BlankMode, type Token } from './stream';
import type { ImportedRow, ImportedTable } from './table-types';

/**
 * Reads one official table (主动公开, 依申请, 复议诉讼) from a stream of cells: rows are found by their labels
 * (the row matcher and the format data), each figure goes to the row before it, in the order typed.
 */

/** A label longer than this, or with a full stop, is prose after the table, not a row. */
const MAX_LABEL = 60;

interface RawRow {
  label: Token;
  spec?: RowSpec;
  /** Matched despite a typo: worth a note, the label stays as typed. */
  fuzzy?: boolean;
  /** The label was broken over two lines; this is its first line. */
  joinedFrom?: string;
  items: Token[];
}

interface Reading {
  readonly rows: RawRow[];
  /** Header cells met before a row, by the index of that row. */
  readonly headers: Map<number, Token[]>;
  /** Index of the first token after the table. */
  readonly end: number;
  readonly matched: number;
}

/**
 * Whether a table of this spec starts at this line (not a blank one): a known row label followed by a figure or
 * another row. This runs at every line for every official table: the line's first cell is tried alone first.
 */
export function startsTable(lines: readonly SourceLine[], at: number, spec: TableSpec): boolean {
  const line = lines[at];
  if (!mayStartTable(line.cells ? line.cells[0] : line.text, spec)) return false;
  const tokens = firstFilled(lines, at, at + 12, 2);
  if (tokens.length < 2) return false;
  // tokens[0] is the line's first cell (the line is not blank): its label was tested above.
  const first = matchRow(tokens[0].text, spec) as { match: { row: RowSpec } };
  const next = tokens[1];
  if (isFigureLike(next.text) || (next.explicit && next.text === '')) return true;
  const second = matchRow(next.text, spec);
  return 'match' in second && second.match.row.parent === first.match.row.id;
}

/**
 * Whether a table of this spec may start with this first cell, by the cell alone: a row label of the spec other than
 * by a typo, and not a column name (总计 and 其他 are both: a table does not start with them).
 */
export function mayStartTable(text: string, spec: TableSpec): boolean {
  if (!mayNameRow(text, spec)) return false;
  const first = matchRow(text, spec);
  return 'match' in first && first.match.how !== 'fuzzy' && headerPiece(text, headerWords(spec)) !== 'word';
}

/**
 * False when the text cannot be a row label of the spec other than by a typo: without a `父/子` slash, a label is one
 * of the official texts or short names, or a piece of one, so its key is no longer than the longest of them. Spares
 * the row matcher's search for the closest row (edit distances against every row) on every line of prose.
 */
function mayNameRow(text: string, spec: TableSpec): boolean {
  return /[/／]/.test(text) || labelKey(text).length <= longestKey(spec);
}

const longestKeys = new WeakMap<TableSpec, number>();

function longestKey(spec: TableSpec): number {
  let longest = longestKeys.get(spec);
  if (longest === undefined) {
    longest = Math.max(0, ...spec.rows.flatMap((r) => [r.label, r.name, ...(r.aliases ?? [])].map((l) => labelKey(l).length)));
    longestKeys.set(spec, longest);
  }
  return longest;
}

/** Header lines just before a table's first row belong to it (corner, column names, pieces of them). */
export function headerStart(lines: readonly SourceLine[], at: number, spec: TableSpec): number {
  const words = headerWords(spec);
  let from = at;
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i];
    const cells = l.cells ?? [l.text];
    if (l.text === '') continue;
    if (!cells.every((c) => c === '' || headerPiece(c, words))) break;
    from = i;
  }
  return from;
}

export function readOfficialTable(
  lines: readonly SourceLine[],
  from: number,
  spec: TableSpec,
  format: FormatId,
  notes: NoteList,
): ImportedTable {
  const tokens = tokensOf(lines, from, lines.length);
  const reading = readingOf(lines, from, spec, tokens);
  const mode = rowsBlankMode(reading.rows);
  const rows: ImportedRow[] = [];
  reading.rows.forEach((raw, index) => {
    const header = reading.headers.get(index);
    if (header) rows.push(...headerRow(header, spec, notes));
    const expected = expectedCells(raw, spec);
    const { cells, doubt } = rowCells(raw.items, mode, expected);
    if (doubt) {
      notes.add(raw.label.line + 1, t('“{0}”一行读出 {1} 格，官方为 {2} 格：空行是空白单元格还是格间空行无法确定，请核对', raw.label.text, cells.length, expected ?? '?'));
    }
    if (raw.joinedFrom !== undefined) {
      notes.add(raw.label.line + 1, t('行标签“{0}”与下一行“{1}”合为一行', raw.joinedFrom, raw.label.text.slice(raw.joinedFrom.length)));
    }
    if (!raw.spec) notes.add(raw.label.line + 1, t('“{0}”不是“{1}”的官方行，照原文保留', raw.label.text, spec.title));
    else if (raw.fuzzy) notes.add(raw.label.line + 1, t('“{0}”按相近的官方行“{1}”识别，行标签照原文保留', raw.label.text, raw.spec.label));
    rows.push({ kind: 'data', label: raw.label.text, cells, line: raw.label.line });
  });
  const trailing = reading.headers.get(reading.rows.length);
  if (trailing) rows.push(...headerRow(trailing, spec, notes));
  const last = reading.end > 0 ? tokens[reading.end - 1].line : from;
  const leftovers = restOfLine(tokens, reading.end);
  if (leftovers) notes.add(leftovers.line + 1, t('这一行的其余部分不能作为表格的行读出，照原文保留在表格之后'));
  return { kind: spec.kind, rows, from, to: last + 1, format, leftovers };
}

/** The blank mode of the rows' tokens in their order (as blankMode of them all, without making that list). */
function rowsBlankMode(rows: readonly RawRow[]): BlankMode {
  let prev: Token | undefined;
  for (const r of rows) {
    if (prev && cellsFollow(prev, r.label)) return 'dense';
    prev = r.label;
    for (const t of r.items) {
      if (cellsFollow(prev, t)) return 'dense';
      prev = t;
    }
  }
  return 'spaced';
}

/** How many cells a row has in the official table: none for a group row left without figures. */
function expectedCells(raw: RawRow, spec: TableSpec): number | undefined {
  if (!raw.spec) return spec.kind === '主动公开' ? undefined : spec.columns.length;
  const columns = (raw.spec.columns ?? spec.columns).length;
  if (raw.spec.group) return raw.items.some((t) => !t.blank && t.text !== '') ? columns : 0;
  return columns;
}

function readRows(tokens: readonly Token[], spec: TableSpec): Reading {
  const words = headerWords(spec);
  const rows: RawRow[] = [];
  const headers = new Map<number, Token[]>();
  let matched = 0;
  let k = 0;
  let lastUsed = 0;
  let group: RowSpec | undefined;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    // Cells after a header line (主动公开 between its blocks) belong to the next row, not to the one before it.
    const current = headers.has(rows.length) ? undefined : rows[rows.length - 1];
    if (t.blank || (t.explicit && t.text === '')) {
      if (current) current.items.push(t);
      else if (t.explicit) pushHeader(headers, rows.length, t);
      continue;
    }
    if (current && isFigureLike(t.text)) {
      current.items.push(t);
      lastUsed = k + 1;
      continue;
    }
    const numbered = /^[0-9０-９]/.test(t.text);
    // Before the first row, 其他 and 总计 are column names; after it, only 主动公开 has headers between its blocks.
    if ((rows.length === 0 || spec.kind === '主动公开') && !numbered && headerPiece(t.text, words)) {
      pushHeader(headers, rows.length, t);
      lastUsed = k + 1;
      continue;
    }
    if (current && continuesLabel(current, t, spec)) {
      const joined = matchRow(current.label.text + t.text, spec) as { match: { row: RowSpec } };
      current.joinedFrom = current.label.text;
      current.label = { ...current.label, text: current.label.text + t.text };
      current.spec = joined.match.row;
      lastUsed = k + 1;
      continue;
    }
    const found = rowOf(t.text, spec, group);
    if (found) {
      const row = found.row;
      rows.push({ label: t, spec: row, fuzzy: found.how === 'fuzzy', items: [] });
      if (row.group) group = row;
      else if (row.parent && !spec.rows.find((r) => r.id === row.parent)?.group) group = undefined;
      matched++;
      lastUsed = k + 1;
      continue;
    }
    if (looksLikeRow(tokens, k)) {
      rows.push({ label: t, items: [] });
      lastUsed = k + 1;
      continue;
    }
    break;
  }
  // Blank lines after the last row stay with it: in a stream of one cell per line they may be its empty cells,
  // and rowCells() drops those beyond the row's official count.
  return { rows, headers, end: lastUsed, matched };
}

function pushHeader(headers: Map<number, Token[]>, at: number, t: Token): void {
  headers.set(at, [...(headers.get(at) ?? []), t]);
}

/** The official row a label means; `其他` and the like are read under the group row they follow. */
function rowOf(text: string, spec: TableSpec, group: RowSpec | undefined): { row: RowSpec; how: string } | undefined {
  if (text.length > MAX_LABEL || /[。；]/.test(text)) return undefined;
  const direct = matchRow(text, spec);
  if ('match' in direct) return direct.match;
  if (direct.unmatched.reason === 'ambiguous' && group) {
    const scoped = matchRow(`${group.label}/${text}`, spec);
    if ('match' in scoped) return scoped.match;
  }
  return undefined;
}

/**
 * A long label broken over two lines (`1.申请人无正当理由逾期不补正、` / `行政机关不再处理其政府信息公开申请`): the
 * second line, before any figure, is no row of its own, and the two together are one.
 */
function continuesLabel(current: RawRow, t: Token, spec: TableSpec): boolean {
  if (t.explicit || current.label.explicit || current.items.length > 1 || current.items.some((i) => !i.blank)) return false;
  if (isFigureLike(t.text) || t.text.length > MAX_LABEL || /[。；]/.test(t.text)) return false;
  const alone = matchRow(t.text, spec);
  if ('match' in alone && alone.match.how === 'exact') return false;
  const joined = matchRow(current.label.text + t.text, spec);
  return 'match' in joined && joined.match.how !== 'fuzzy' && (!current.spec || joined.match.row.id === current.spec.id || current.spec.group !== true);
}

/** A label the format does not know, followed by figures: a row as typed (never dropped, never guessed into place). */
function looksLikeRow(tokens: readonly Token[], k: number): boolean {
  const text = tokens[k].text;
  if (text.length > MAX_LABEL || /[。；]/.test(text) || isFigureLike(text)) return false;
  // The first token after it that is not a blank line.
  let j = k + 1;
  while (j < tokens.length && tokens[j].blank) j++;
  const next = tokens[j];
  return next !== undefined && (isFigureLike(next.text) || (next.explicit && next.text === ''));
}

/**
 * A header as it was typed: pieces of a cell broken over lines joined again (`本年新` + `制作数量`), the layout
 * words of the official two-level header (申请人情况, 法人或其他组织, 第二十条第（一）项) left to the container.
 */
function headerRow(tokens: readonly Token[], spec: TableSpec, notes: NoteList): ImportedRow[] {
  const words = headerWords(spec);
  const joined: Token[] = [];
  for (const tok of tokens) {
    const prev = joined[joined.length - 1];
    if (prev && !tok.explicit && tok.text && headerPiece(prev.text, words) === 'piece' && headerPiece(prev.text + tok.text, words)) {
      notes.add(tok.line + 1, t('表头“{0}”与下一行“{1}”合为一格“{2}”', prev.text, tok.text, prev.text + tok.text));
      joined[joined.length - 1] = { ...prev, text: prev.text + tok.text };
    } else joined.push(tok);
  }
  const layout = (layoutKeys ??= new Set([...LAYOUT_WORDS].map(labelKey)));
  const twoLevel = joined.some((tok) => layout.has(labelKey(tok.text)));
  let cells = joined.filter((tok) => !layout.has(labelKey(tok.text)));
  if (cells.length === 0) return [];
  if (twoLevel && spec.kind === '依申请') {
    // The official layout prints 自然人 and 总计 on the upper header line: put the columns back in their order.
    const order = (tok: Token) => {
      const i = spec.columns.findIndex((c) => labelKey(c.label) === labelKey(tok.text));
      return i < 0 ? -1 : i;
    };
    // Empty cells under 自然人 and 总计 (a header drawn without rowspan, or the rest of a merged cell) hold no column.
    cells = [...cells].filter((tok, i) => i === 0 || tok.text !== '').sort((a, b) => order(a) - order(b));
  }
  return [{ kind: 'header', label: cells[0].text, cells: cells.slice(1).map((c) => c.text), line: cells[0].line }];
}

/** The keys of LAYOUT_WORDS, made on first use. */
let layoutKeys: ReadonlySet<string> | undefined;

/** How well a reading fits: rows matched. */
export function scoreOfficial(lines: readonly SourceLine[], from: number, spec: TableSpec): number {
  return readingOf(lines, from, spec).matched;
}

/**
 * Readings already made: the format that scored best is then read with the reading that scored it. Kept for the
 * text being read only (see streamOf), released by forgetReadings.
 */
let readings: { lines: readonly SourceLine[]; bySpec: Map<TableSpec, Map<number, Reading>> } | undefined;

function readingOf(lines: readonly SourceLine[], from: number, spec: TableSpec, tokens?: readonly Token[]): Reading {
  if (readings?.lines !== lines) readings = { lines, bySpec: new Map<TableSpec, Map<number, Reading>>() };
  let byLine = readings.bySpec.get(spec);
  if (!byLine) readings.bySpec.set(spec, (byLine = new Map<number, Reading>()));
  let reading = byLine.get(from);
  if (!reading) byLine.set(from, (reading = readRows(tokens ?? tokensOf(lines, from, lines.length), spec)));
  return reading;
}

/** Lets the readings of a text go once its tables are found. */
export function forgetReadings(lines: readonly SourceLine[]): void {
  if (readings?.lines === lines) readings = undefined;
}
