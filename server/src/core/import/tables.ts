import { allFormats } from '../formats/index';
import type { FormatId, TableKind, TableSpec } from '../formats/types';
import type { SourceLine } from './lines';
import type { NoteList } from './notes';
import { APPEALS_FIRST, readAppealsLayout, startsAppealsLayout } from './tables-appeals';
import { CORNERS as LEGACY_CORNERS, readLegacyTable, startsLegacyTable } from './tables-legacy';
import { forgetStream } from './stream';
import { forgetReadings, headerStart, mayStartTable, readOfficialTable, scoreOfficial, startsTable } from './tables-official';
import { labelKey } from '../text/normalize';
import { LABEL_MEMO_LIMIT, TextMemo } from '../text/memo';
import type { ImportedTable } from './table-types';

export type { ImportedRow, ImportedTable } from './table-types';

/**
 * Finds the tables in the text: the official ones by their row labels (each national format's rows are tried and
 * the one that knows most of them wins, so a 2019 table is read as one), the legacy 附表 by its header.
 */
export function findTables(lines: readonly SourceLine[], preferred: FormatId | undefined, notes: NoteList): ImportedTable[] {
  try {
    return tablesOf(lines, preferred, notes);
  } finally {
    forgetStream(lines);
    forgetReadings(lines);
  }
}

function tablesOf(lines: readonly SourceLine[], preferred: FormatId | undefined, notes: NoteList): ImportedTable[] {
  const candidates = officialSpecs(preferred);
  const tables: ImportedTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].text === '') {
      i++;
      continue;
    }
    const table = tableAt(lines, i, candidates, tables[tables.length - 1]?.to ?? 0, notes);
    if (table) {
      tables.push(table);
      i = Math.max(table.to, i + 1);
    } else i++;
  }
  return tables;
}

function tableAt(
  lines: readonly SourceLine[],
  at: number,
  candidates: ReadonlyMap<TableKind, Array<{ format: FormatId; spec: TableSpec }>>,
  notBefore: number,
  notes: NoteList,
): ImportedTable | undefined {
  const line = lines[at];
  if (!mayStartAny(line.cells ? line.cells[0] : line.text)) return undefined;
  if (startsLegacyTable(lines, at)) return readLegacyTable(lines, at, notes);
  for (const specs of candidates.values()) {
    const layout = specs.find((s) => s.spec.kind === '复议诉讼' && startsAppealsLayout(lines, at, s.spec));
    if (layout) return readAppealsLayout(lines, at, layout.spec, layout.format, notes);
    const starting = specs.filter((s) => startsTable(lines, at, s.spec));
    if (!starting.length) continue;
    const from = Math.max(notBefore, headerStart(lines, at, starting[0].spec));
    // The first (preferred) format wins a tie; a format alone needs no score.
    let best = starting[0];
    let bestScore = starting.length > 1 ? scoreOfficial(lines, from, best.spec) : 0;
    for (const s of starting.slice(1)) {
      const score = scoreOfficial(lines, from, s.spec);
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    return readOfficialTable(lines, from, best.spec, best.format, notes);
  }
  return undefined;
}

/**
 * Whether any table may start at a line with this first cell, by the cell alone: the corner word of a 附表, the
 * first word of the 复议诉讼 layout, or a row label that may start an official table of some format. Most lines
 * (prose, headings, a table's header rows) start none, and are passed over at the cost of one look-up: the answer
 * depends on the text only, so it is kept across lines and imports (bounded, as labelKey's).
 */
function mayStartAny(text: string): boolean {
  let may = startCache.get(text);
  if (may === undefined) {
    const key = labelKey(text);
    may = LEGACY_CORNERS.has(key) || key === APPEALS_FIRST || allSpecs.some((spec) => mayStartTable(text, spec));
    startCache.set(text, may);
  }
  return may;
}

const startCache = new TextMemo<boolean>(LABEL_MEMO_LIMIT);
const allSpecs = allFormats().flatMap((f) => f.tables);

/** The official tables of every national format, by kind, the preferred format's first. */
function officialSpecs(preferred: FormatId | undefined): Map<TableKind, Array<{ format: FormatId; spec: TableSpec }>> {
  let specs = specsByPreferred.get(preferred);
  if (!specs) specsByPreferred.set(preferred, (specs = specsPreferring(preferred)));
  return specs;
}

/** Per preferred format (a handful): made once, never changed. */
const specsByPreferred = new Map<FormatId | undefined, Map<TableKind, Array<{ format: FormatId; spec: TableSpec }>>>();

function specsPreferring(preferred: FormatId | undefined): Map<TableKind, Array<{ format: FormatId; spec: TableSpec }>> {
  const formats = [...allFormats()].sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred));
  const byKind = new Map<TableKind, Array<{ format: FormatId; spec: TableSpec }>>();
  for (const f of formats) for (const spec of f.tables) byKind.set(spec.kind, [...(byKind.get(spec.kind) ?? []), { format: f.id, spec }]);
  return byKind;
}
