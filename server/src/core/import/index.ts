import { toBlocks } from './blocks';
import { inferFrontMatter, yearOfTitle, type InferredFrontMatter } from './front-matter';
import { blocksToLines, type InputBlock } from './input-blocks';
import { splitLines, type SourceLine } from './lines';
import { NoteList, type ImportNote } from './notes';
import { findTables } from './tables';
import type { ImportedTable } from './table-types';
import { rejoinExtraRows } from './extra-rows';
import { writeXxgk } from './write';
import { formatForYear, formatSpec } from '../formats/index';
import type { FormatId } from '../formats/types';
import { t } from '../i18n';

export type { ImportNote } from './notes';
export type { ImportedRow, ImportedTable } from './table-types';
export type { InferredFrontMatter } from './front-matter';
export type { InputBlock, SpannedCell } from './input-blocks';

export interface ImportResult {
  /** The report in the markup. */
  readonly text: string;
  /** Every doubt or guess, with its source line (1-based), in source order. */
  readonly notes: readonly ImportNote[];
  readonly frontMatter: InferredFrontMatter;
  readonly tables: readonly ImportedTable[];
}

/**
 * Imports a report pasted as plain text (from a web page or a Word file). Faithful: every line of the source is in
 * the result, figures and labels as typed; what is unsure is a note, never a silent fix.
 */
export function importText(source: string): ImportResult {
  return importLines(splitLines(source));
}

/**
 * Imports a document a reader has read (Word, a web page): its tables are read from their grids, every cell in its
 * column. `source` is the document as text, one line per paragraph and per table row (cells separated by tabs):
 * the notes' line numbers count its lines.
 */
export function importBlocks(blocks: readonly InputBlock[]): ImportResult & { readonly source: string } {
  const { lines, text } = blocksToLines(blocks);
  return { ...importLines(lines), source: text };
}

/** The one recognizer, whatever the input: lines of text, some of them rows of cells. */
function importLines(lines: readonly SourceLine[]): ImportResult {
  const notes = new NoteList();
  // The year in the first title-like line decides which format's rows are tried first.
  const titleYear = lines.slice(0, 30).map((l) => (/年度报告|年报/.test(l.text) ? yearOfTitle(l.text) : undefined)).find((y) => y !== undefined);
  const tables = rejoinExtraRows(lines, findTables(lines, titleYear === undefined ? undefined : formatForYear(titleYear), notes));
  const blocks = toBlocks(lines, tables, notes);
  const frontMatter = inferFrontMatter(blocks, tables, notes);
  noteMissingTables(frontMatter.format, tables, notes);
  return { text: writeXxgk(frontMatter, blocks), notes: notes.list(), frontMatter, tables };
}

/** A table the format asks for and the text lacks stays missing (the checker reports it); the note says it was looked for. */
function noteMissingTables(format: FormatId | undefined, tables: readonly ImportedTable[], notes: NoteList): void {
  if (!format) return;
  for (const kind of formatSpec(format).tableKinds) {
    if (kind !== '附表' && !tables.some((table) => table.kind === kind)) notes.add(1, t('没有找到“{0}”表，照原样不补', kind));
  }
}
