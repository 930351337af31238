import { allFormats } from '../formats/index';
import { labelKey } from '../text/normalize';
import { t } from '../i18n';
import type { SourceLine } from './lines';
import type { NoteList } from './notes';
import type { ImportedTable } from './table-types';

/**
 * The text outside the tables as blocks: the title, headings (by their Chinese outline numbering), paragraphs (one
 * per line, as a browser or Word copy gives them) and tab-separated tables that are not official ones.
 */
export type Block =
  | { readonly type: 'title'; readonly text: string; readonly line: number }
  /** level 2 = a section (`##`), 3 and deeper = sub-headings; the text keeps its own numbering. */
  | { readonly type: 'heading'; readonly level: number; readonly text: string; readonly line: number }
  | { readonly type: 'paragraph'; readonly text: string; readonly line: number }
  | { readonly type: 'plain-table'; readonly rows: readonly (readonly string[])[]; readonly line: number }
  | { readonly type: 'table'; readonly table: ImportedTable; readonly line: number };

/** Longer lines, or lines with a full stop, are paragraphs even when they start with numbering (（一）加强组织领导。…). */
const MAX_HEADING = 40;
const SENTENCE = /[。；;！？!?]/;
const TITLE = /年度报告|年报/;

const CN = '[一二三四五六七八九十]+';
/** 五 in 五、存在的主要问题及改进情况 (第五、, 五. and 五： too). */
const SECTION_NUMBER = new RegExp(`^第?(${CN})\\s*[、.．:：]`);
const SUB_NUMBER = new RegExp(`^[（(]${CN}[）)]`);
const ITEM_NUMBER = /^[0-9０-９]+\s*[.．、](?![0-9０-９])/;
const SUBITEM_NUMBER = /^[（(][0-9０-９]+[）)]/;

export function toBlocks(lines: readonly SourceLine[], tables: readonly ImportedTable[], notes: NoteList): Block[] {
  const blocks: Block[] = [];
  const tableAt = new Map(tables.map((t) => [t.from, t]));
  let titled = false;
  const title = findTitle(lines, tables);
  for (let i = 0; i < lines.length; i++) {
    const table = tableAt.get(i);
    if (table) {
      blocks.push({ type: 'table', table, line: i });
      i = table.to - 1;
      continue;
    }
    const l = lines[i];
    if (l.text === '') continue;
    if (l.cells) {
      const rows: string[][] = [];
      let k = i;
      while (k < lines.length && lines[k].cells && !tableAt.has(k)) rows.push([...lines[k++].cells!]);
      blocks.push({ type: 'plain-table', rows, line: i });
      notes.add(i + 1, t('这里的表格不是官方统计表，按普通表格写出（第一行作表头）'));
      i = k - 1;
      continue;
    }
    if (!titled && title && i === title.from) {
      titled = true;
      blocks.push({ type: 'title', text: title.text, line: i });
      i = title.to;
      continue;
    }
    const level = headingLevel(l.text);
    blocks.push(level ? { type: 'heading', level, text: l.text, line: i } : { type: 'paragraph', text: l.text, line: i });
  }
  return blocks;
}

function isTitle(text: string): boolean {
  return TITLE.test(text) && text.length <= 80 && !SENTENCE.test(text) && !/^附/.test(text) && !/[>＞|｜»]/.test(text);
}

/** The title: the first title-like line naming a year, else the first title-like line (navigation crumbs excluded). */
function findTitle(lines: readonly SourceLine[], tables: readonly ImportedTable[]): { from: number; to: number; text: string } | undefined {
  const firstTable = tables[0]?.from ?? lines.length;
  const candidates = lines.filter((l) => l.index < firstTable && !l.cells && isTitle(l.text));
  const line = candidates.find((l) => /(?:19|20)\d{2}\s*年/.test(l.text)) ?? candidates[0];
  if (!line) return undefined;
  // A title broken over two lines (a line break after the agency's name, as titles are set in Word): the name
  // stands alone on the line before, and the title line starts where the name leaves off.
  let before = line.index - 1;
  while (before >= 0 && lines[before].text === '') before--;
  const name = before >= 0 ? lines[before] : undefined;
  if (name && TITLE_CONTINUES.test(line.text) && isTitleHead(name)) return { from: name.index, to: line.index, text: name.text + line.text };
  return { from: line.index, to: line.index, text: line.text };
}

/** A title line that needs its first half: it starts with the year or with what follows the year. */
const TITLE_CONTINUES = /^(?:(?:19|20)\d{2}\s*年|年度|政府信息公开)/;

/** The first half of a broken title: a short line naming an agency, neither a sentence nor a heading nor a date. */
function isTitleHead(line: SourceLine): boolean {
  const text = line.text;
  return !line.cells && text.length <= 30 && !SENTENCE.test(text) && !/[0-9０-９]/.test(text) && !TITLE.test(text) && headingLevel(text) === undefined && !/[，,：:]/.test(text);
}

/** The official section names of every format: a heading naming one is a section, whatever its numbering. */
const SECTION_NAMES = new Set(
  allFormats().flatMap((f) => f.sections.flatMap((s) => [s.name, ...(s.variants ?? [])])).map((n) => labelKey(n)),
);

/** Official row labels: a stray one outside its table (三、本年度办理结果) is a line of text, not a section. */
const ROW_LABELS = new Set(allFormats().flatMap((f) => f.tables.flatMap((t) => t.rows.map((r) => labelKey(r.label)))));

/** The numeral of a numbered heading-length line; with `official`, only of one naming an official section. */
export function sectionNumeral(text: string, official: boolean): string | undefined {
  if (text.length > MAX_HEADING) return undefined;
  const m = SECTION_NUMBER.exec(text);
  return m && (!official || namesOfficialSection(text)) ? m[1] : undefined;
}

/** Whether a line names an official section of any format, numbered or not (五、存在的主要问题及改进情况). */
export function namesOfficialSection(text: string): boolean {
  return text.length <= MAX_HEADING && !SENTENCE.test(text) && SECTION_NAMES.has(labelKey(text));
}

export function headingLevel(text: string): number | undefined {
  if (text.length > MAX_HEADING || SENTENCE.test(text)) return undefined;
  if (ROW_LABELS.has(labelKey(text))) return undefined;
  const namesSection = SECTION_NAMES.has(labelKey(text));
  if (SECTION_NUMBER.test(text)) return 2;
  // （一）主动公开政府信息情况 under 一、总体情况 is a sub-heading even though it names a section.
  if (SUB_NUMBER.test(text)) return 3;
  if (namesSection) return 2;
  if (ITEM_NUMBER.test(text)) return 4;
  if (SUBITEM_NUMBER.test(text)) return 5;
  return undefined;
}
