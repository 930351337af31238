import type { FormatId, TableSpec } from '../formats/types';
import { t } from '../i18n';
import { labelKey } from '../text/normalize';
import { isFigureLike } from './cell-kinds';
import type { SourceLine } from './lines';
import type { NoteList } from './notes';
import { blankMode, restOfLine, rowCells, tokensOf, type Token } from './stream';
import type { ImportedRow, ImportedTable } from './table-types';

/**
 * The 复议诉讼 table in its official layout: one row of 15 figures under a three-line header (行政复议 · 行政诉讼;
 * 结果维持 … 总计 · 未经复议直接起诉 · 复议后起诉; the five names twice more). The markup writes it as three rows of
 * five, labelled with the group names as typed.
 */

/** The layout's first cell. */
export const APPEALS_FIRST = '行政复议';
const GROUPS = [APPEALS_FIRST, '未经复议直接起诉', '复议后起诉'];
const LAYOUT = new Set(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
/** The header has 19 cells; blank lines between them do not count. */
const HEADER_CELLS = 24;
const HEADER_LINES = 120;

interface Layout {
  readonly labels: Token[];
  /** Index of the first token after the header. */
  readonly end: number;
}

function layoutAt(tokens: readonly Token[], spec: TableSpec): Layout | undefined {
  const columnWords = new Set(spec.columns.map((c) => labelKey(c.label)));
  const labels: Token[] = [];
  let end = 0;
  let columns = 0;
  let seen = 0;
  for (let k = 0; k < tokens.length && seen < HEADER_CELLS; k++) {
    const tok = tokens[k];
    if (tok.blank || (tok.explicit && tok.text === '')) continue;
    seen++;
    const key = labelKey(tok.text);
    if (LAYOUT.has(key)) {
      if (GROUPS.includes(key)) labels.push(tok);
    } else if (columnWords.has(key)) columns++;
    else break;
    end = k + 1;
  }
  const complete = GROUPS.every((g) => labels.some((l) => labelKey(l.text) === g));
  return complete && columns >= 5 && labelKey(tokens.find((tok) => !tok.blank)?.text ?? '') === '行政复议' ? { labels, end } : undefined;
}

export function startsAppealsLayout(lines: readonly SourceLine[], at: number, spec: TableSpec): boolean {
  // Cheap test first: this runs at every line of the text.
  if (labelKey(lines[at].cells?.[0] ?? lines[at].text) !== APPEALS_FIRST) return false;
  return layoutAt(tokensOf(lines, at, at + HEADER_LINES), spec) !== undefined;
}

export function readAppealsLayout(
  lines: readonly SourceLine[],
  from: number,
  spec: TableSpec,
  format: FormatId,
  notes: NoteList,
): ImportedTable {
  const tokens = tokensOf(lines, from, lines.length);
  const layout = layoutAt(tokens, spec)!;
  const width = spec.columns.length;
  // The figures run until the first text that is not one (or the 15th figure).
  const items: Token[] = [];
  let figures = 0;
  let k = layout.end;
  for (; k < tokens.length && figures < width * GROUPS.length; k++) {
    const tok = tokens[k];
    if (tok.blank || (tok.explicit && tok.text === '')) {
      items.push(tok);
      continue;
    }
    if (!isFigureLike(tok.text)) break;
    items.push(tok);
    figures++;
  }
  const expected = width * GROUPS.length;
  const { cells, doubt } = rowCells(items, blankMode(items), expected);
  const first = layout.labels[0];
  notes.add(first.line + 1, t('复议诉讼表按官方版式（一行 {0} 格）读出，写为三行', expected));
  if (doubt || cells.length !== expected) {
    notes.add(first.line + 1, t('复议诉讼表读出 {0} 格，官方为 {1} 格，请核对各格位置', cells.length, expected));
  }
  const rows: ImportedRow[] = GROUPS.map((g, i) => {
    const label = layout.labels.find((l) => labelKey(l.text) === g)!;
    return { kind: 'data', label: label.text, cells: cells.slice(i * width, (i + 1) * width), line: label.line };
  });
  const lastFigure = [...items].reverse().find((tok) => !tok.blank);
  const last = lastFigure?.line ?? tokens[layout.end - 1].line;
  const leftovers = restOfLine(tokens, k);
  if (leftovers) notes.add(leftovers.line + 1, t('这一行的其余部分不能作为表格的行读出，照原文保留在表格之后'));
  return { kind: spec.kind, rows, from, to: last + 1, format, leftovers };
}
