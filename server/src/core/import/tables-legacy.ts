import { t } from '../i18n';
import { labelKey } from '../text/normalize';
import { isFigureLike } from './cell-kinds';
import type { SourceLine } from './lines';
import type { NoteList } from './notes';
import { blankMode, tokensOf, type Token } from './stream';
import type { ImportedRow, ImportedTable } from './table-types';

/**
 * A legacy 附表 as pasted: `指标名称` / `计量单位` / the year / `历年累计`, then row after row of a label, its unit and
 * its figures. Its rows are free (no official list), so the header gives the width of every row.
 */

export const CORNERS = new Set(['指标名称', '统计指标', '指标']);
const HEADER_CELL = /^(?:(?:19|20)\d{2}年?度?|本年度?|上年度?|本期|上期|单位|计量单位|历年累计|累计|历年|合计|备注|数量|数值)$/;
const UNIT_HEADERS = new Set(['单位', '计量单位']);
/** A unit is a short word (条, 件, 人次, 万元), never a figure. */
const UNIT = /^[^\d０-９\s]{1,4}$/;
const MAX_LABEL = 60;

/** The header of a 附表 starts here: its corner word, then header words. */
export function startsLegacyTable(lines: readonly SourceLine[], at: number): boolean {
  // Cheap test first: this runs at every line (not a blank one) of the text, whose first cell is the corner word.
  const line = lines[at];
  if (!CORNERS.has(labelKey(line.cells ? line.cells[0] : line.text))) return false;
  const header = legacyHeader(tokensOf(lines, at, at + 16));
  return header !== undefined && header.cells.length >= 2;
}

function legacyHeader(tokens: readonly Token[]): { cells: Token[]; end: number } | undefined {
  const filled = tokens.findIndex((t) => !t.blank);
  if (filled < 0 || !CORNERS.has(labelKey(tokens[filled].text))) return undefined;
  const cells = [tokens[filled]];
  let end = filled + 1;
  for (let k = filled + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.blank) continue;
    if (!HEADER_CELL.test(labelKey(t.text))) break;
    cells.push(t);
    end = k + 1;
  }
  return { cells, end };
}

export function readLegacyTable(lines: readonly SourceLine[], from: number, notes: NoteList): ImportedTable {
  const tokens = tokensOf(lines, from, lines.length);
  const header = legacyHeader(tokens)!;
  const width = header.cells.length;
  const unitColumn = header.cells.findIndex((c) => UNIT_HEADERS.has(labelKey(c.text)));
  const rows: ImportedRow[] = [{ kind: 'header', label: header.cells[0].text, cells: header.cells.slice(1).map((c) => c.text), line: header.cells[0].line }];
  const slots = toSlots(tokens.slice(header.end));
  let k = 0;
  let lastLine = header.cells[header.cells.length - 1].line;
  while (k < slots.length) {
    // Blank slots between rows (a blank line after a row) are not rows.
    while (k < slots.length && slots[k].text === '' && !slots[k].explicit) k++;
    if (k >= slots.length) break;
    const label = slots[k];
    const line = slotsOfLine(slots, k);
    const row = line ?? slots.slice(k, k + width);
    if (!isRow(row, width, unitColumn)) {
      // Only a row gone out of shape is worth a note; prose after the table simply ends it.
      const rowLike = row.slice(1, 3).some((c) => c.text !== '' && (isFigureLike(c.text) || UNIT.test(c.text)));
      if (rowLike && label.text.length <= MAX_LABEL && !/[。；]/.test(label.text)) {
        notes.add(label.line + 1, t('附表读到“{0}”一行时无法按表头的 {1} 列继续，此后的内容按正文保留', label.text, width));
      }
      break;
    }
    if (line && line.length !== width) notes.add(label.line + 1, t('附表“{0}”一行有 {1} 格，表头为 {2} 格，照原文保留', label.text, line.length, width));
    rows.push({ kind: 'data', label: label.text, cells: row.slice(1).map((c) => c.text), line: label.line });
    lastLine = Math.max(lastLine, ...row.filter((c) => c.text !== '').map((c) => c.line));
    k += row.length;
  }
  // A tab-separated line the table stopped in (a header line with other cells after the header) is kept as text.
  const stoppedIn = k < slots.length && slots[k].explicit && slots[k].line <= lastLine ? slotsOfLine(slots, k) : undefined;
  const leftovers = stoppedIn ? { text: stoppedIn.map((c) => c.text).join('\t'), line: stoppedIn[0].line } : undefined;
  if (leftovers) notes.add(leftovers.line + 1, t('这一行的其余部分不能作为表格的行读出，照原文保留在表格之后'));
  return { kind: '附表', rows, from, to: lastLine + 1, leftovers };
}

/** The cells of a tab-separated row starting at slot k, or undefined when the row comes one cell per line. */
function slotsOfLine(slots: readonly Token[], k: number): Token[] | undefined {
  if (!slots[k].explicit) return undefined;
  const line = slots[k].line;
  let end = k;
  while (end < slots.length && slots[end].explicit && slots[end].line === line) end++;
  return slots.slice(k, end);
}

/** A row: a label that is not a figure or prose, a unit where the unit column is, figures (or blanks) elsewhere. */
function isRow(row: readonly Token[], width: number, unitColumn: number): boolean {
  const label = row[0];
  if (!label || label.text === '' || label.text.length > MAX_LABEL || /[。；]/.test(label.text) || isFigureLike(label.text)) return false;
  if (row.length < 2 || (!row[0].explicit && row.length < width)) return false;
  return row.slice(1).every((c, i) => c.text === '' || (i + 1 === unitColumn ? UNIT.test(c.text) : isFigureLike(c.text)));
}

/** One slot per cell: in a stream spaced by blank lines, three blank lines are one empty cell. */
function toSlots(tokens: readonly Token[]): Token[] {
  const spaced = blankMode(tokens.slice(0, 40)) === 'spaced';
  if (!spaced) return [...tokens];
  const out: Token[] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    if (t.blank) {
      run.push(t);
      continue;
    }
    for (let e = Math.floor((run.length - 1) / 2); e > 0; e--) out.push(run[0]);
    run = [];
    out.push(t);
  }
  return out;
}
