import type { Edit } from './rules/types';
import type { TableRow } from './ast';
import { formatForYear, tableSpec } from './formats/index';
import type { TableSpec } from './formats/types';
import { rowText, tableText } from './skeleton';
import { columnsOf } from './tables/grid';
import { parse } from './parser/document';
import { rowsById } from './tables/grid';

export interface NextYear {
  readonly text: string;
  readonly year?: number;
  /**
   * The format changed with the year (2020 → 2021): each official table the new format also has was replaced by its
   * layout there (empty, but for 上年结转), and 格式 in the front matter moved on.
   */
  readonly formatChanged: boolean;
  /** Some table was laid out in the new format (none is, from a legacy 附表 to 2019: the editor says to check them). */
  readonly tablesRelaid: boolean;
}

/**
 * Next year's report from this one: same agency and structure, the year advanced (in the front matter, the
 * title and wherever the text names this year or the year before), every figure cleared, and 二、上年结转 filled
 * from this year's 四、结转下年度继续办理.
 */
/**
 * A year that dates a law, not the report: its revision in brackets after its name (《条例》（2019年修订）) or the day it
 * came into force (于2019年5月15日起施行). Not the report year's own work (2023年修订完善主动公开目录 moves on).
 */
const LAW_REVISION = /^\s*年\s*(?:修订|修正)\s*[）)〕]/;
const IN_FORCE = /^\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*起?\s*(?:施行|实施|生效)/;
const LAW_DATE_LOOKAHEAD = 24;

function datesALaw(text: string, yearStart: number): boolean {
  const after = text.slice(yearStart + 4, yearStart + 4 + LAW_DATE_LOOKAHEAD);
  return IN_FORCE.test(after) || (/[（(〔]\s*$/.test(text.slice(Math.max(0, yearStart - 2), yearStart)) && LAW_REVISION.test(after));
}

/** A table in the new format's layout, its cells empty but 上年结转's, filled from this year's 结转下年度. */
function newLayout(spec: TableSpec, carriedFrom: TableRow | undefined): string {
  const lines = tableText(spec).split('\n');
  const carried = spec.rows.find((row) => row.id === 'carried');
  if (!carried || !carriedFrom) return lines.join('\n');
  const empty = rowText(carried, spec);
  const filled = `| ${carried.label} |${columnsOf(carried, spec).map((_, k) => ` ${carriedFrom.values[k]?.text ?? ''} |`).join('')}`;
  return lines.map((line) => (line === empty ? filled : line)).join('\n');
}

export function nextYearReport(text: string): NextYear {
  const doc = parse(text);
  const edits: Edit[] = [];
  const year = doc.year;

  for (const entry of doc.frontMatter?.entries ?? []) {
    if (entry.canonical === 'year' && year !== undefined) edits.push({ span: entry.valueSpan, newText: String(year + 1) });
    // Not yet published: a blank date, filled in when the report goes out.
    if (entry.canonical === 'published') edits.push({ span: entry.valueSpan, newText: '' });
    if (entry.canonical === 'format' && year !== undefined && formatForYear(year + 1) !== doc.format) {
      edits.push({ span: entry.valueSpan, newText: formatForYear(year + 1) });
    }
  }

  const newFormat = year === undefined ? undefined : formatForYear(year + 1);
  const relaidKinds = new Set<string>();
  for (const table of doc.tables) {
    const carriedFrom = table.kind === '依申请' ? rowsById(table).get('next') : undefined;
    // In a new format the table is laid out anew (2021 split 其他处理 into three rows); kept as it was, the report
    // was checked in the new format against the old layout.
    const newSpec = newFormat !== undefined && newFormat !== doc.format && table.kind ? tableSpec(newFormat, table.kind) : undefined;
    if (newSpec) {
      // Comments inside the table (a note, a suppression) stand before it: they would not know their rows.
      const comments = text.slice(table.span.start, table.span.end).split(/\r?\n|\r/).filter((line) => line.trim().startsWith('<!--'));
      // A table written in parts (several containers of one kind, split where the page broke) is laid out once.
      const layout = relaidKinds.has(table.kind!) ? [] : [newLayout(newSpec, carriedFrom)];
      relaidKinds.add(table.kind!);
      edits.push({ span: table.span, newText: [...comments.map((line) => line.trim()), ...layout].join('\n') });
      continue;
    }
    for (const row of table.rows) {
      if (row.kind !== 'data') continue;
      const fill = row.match?.row.id === 'carried' ? carriedFrom : undefined;
      row.values.forEach((cell, k) => {
        const newText = fill?.values[k]?.text ?? '';
        if (cell.text !== newText) edits.push({ span: cell.span, newText });
      });
    }
  }
  for (const table of doc.plainTables) {
    for (const row of table.rows) {
      if (row.kind !== 'data') continue;
      for (const cell of row.values) if (cell.state === 'number') edits.push({ span: cell.span, newText: '' });
    }
  }

  // This year and the year before move on by one, so that “2023年” and “上年（2022年）” stay true; older years
  // are left alone, and so is a law's revision or entry into force (条例（2019年修订）于2019年5月15日起施行, in a
  // 2020 report: 2019 is the year before, and it became 2020).
  if (year !== undefined) {
    const bodyStart = doc.frontMatter?.span.end ?? 0;
    const pattern = new RegExp(`(?<!\\d)(${year}|${year - 1})(?=\\s*年)`, 'g');
    const tableSpans = [...doc.tables, ...doc.plainTables].map((t) => t.span);
    for (const m of text.slice(bodyStart).matchAll(pattern)) {
      const start = bodyStart + m.index;
      if (tableSpans.some((s) => s.start <= start && start < s.end)) continue;
      if (datesALaw(text, start)) continue;
      edits.push({ span: { start, end: start + 4 }, newText: String(Number(m[1]) + 1) });
    }
  }

  // One pass over the text (a big table has tens of thousands of cells: no string rebuilt per edit).
  edits.sort((a, b) => a.span.start - b.span.start);
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.span.start < at) continue;
    pieces.push(text.slice(at, e.span.start), e.newText);
    at = e.span.end;
  }
  pieces.push(text.slice(at));
  const out = pieces.join('');
  const formatChanged = year !== undefined && formatForYear(year + 1) !== doc.format && doc.formatSource === 'front-matter';
  return { text: out, year: year === undefined ? undefined : year + 1, formatChanged, tablesRelaid: relaidKinds.size > 0 };
}
