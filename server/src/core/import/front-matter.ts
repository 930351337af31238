import { t } from '../i18n';
import { formatForYear } from '../formats/index';
import type { FormatId } from '../formats/types';
import { toHalfWidthDigits } from '../text/normalize';
import type { Block } from './blocks';
import type { NoteList } from './notes';
import type { ImportedTable } from './table-types';

/** What the import infers for the front matter; a field it cannot infer is left out (never invented). */
export interface InferredFrontMatter {
  readonly agency?: string;
  readonly year?: number;
  readonly format?: FormatId;
  readonly published?: string;
}

const YEAR = /((?:19|20)\d{2})\s*年度?/;
const REPORT_WORDS = /(?:关于)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)$|(?:年度)?(?:报告|年报)$/;
/** A date as published pages print it under the report: 2024年1月26日, 2024-01-26, 2024.1.26. */
const DATE = /^((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?$/;
/** The date is looked for among the last lines only: dates in the body are events, not the publication. */
const DATE_WINDOW = 4;

/** The report year from a title (`…2023年政府信息公开工作年度报告`, `2019年上海市…`). */
export function yearOfTitle(title: string): number | undefined {
  const m = YEAR.exec(toHalfWidthDigits(title));
  return m ? Number(m[1]) : undefined;
}

export function inferFrontMatter(blocks: readonly Block[], tables: readonly ImportedTable[], notes: NoteList): InferredFrontMatter {
  const title = blocks.find((b) => b.type === 'title');
  if (!title) notes.add(1, t('没有找到标题（含“年度报告”或“年报”的一行），机关和年度未能推断'));
  const titleText = title && 'text' in title ? toHalfWidthDigits(title.text) : '';
  const period = yearOfPeriod(blocks);
  const year = (titleText ? yearOfTitle(titleText) : undefined) ?? period?.year;
  if (title && year === undefined) notes.add(title.line + 1, t('标题中没有年份，年度未能推断'));
  else if (period && year === period.year && (!titleText || yearOfTitle(titleText) === undefined)) {
    notes.add(period.line + 1, t('年度 {0} 取自统计期限（标题中没有年份），请核对', period.year));
  }
  const fromTitle = titleText ? agencyOf(titleText) : undefined;
  const date = publishedDate(blocks);
  const signed = date && fromTitle ? signature(blocks, date.index, fromTitle) : undefined;
  const agency = signed?.text ?? fromTitle;
  if (signed) notes.add(signed.line + 1, t('机关“{0}”取自文末署名', signed.text));
  else if (title && agency) notes.add(title.line + 1, t('机关“{0}”取自标题，请核对是否为机关全称', agency));
  const format = formatOf(year, tables, notes, title?.line ?? 0);
  // The page's own 发布日期 is when the report was published; a date signed at the end is when it was written.
  const labelled = labelledDate(blocks);
  if (labelled) notes.add(labelled.line + 1, t('发布日期 {0} 取自页面上的“{1}”', labelled.date, labelled.label));
  return { agency, year, format, published: labelled?.date ?? date?.date };
}

/** A date labelled as the publication, as pages print it by the title: 发布日期：2020-01-31, 发布时间:2025-02-06 10:37. */
const LABELLED_DATE = /((?:发布|公开)(?:日期|时间))\s*[:：]\s*((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})/;
/** Where it is looked for: the lines around the title, before the report's own text. */
const LABELLED_WINDOW = 4;

function labelledDate(blocks: readonly Block[]): { date: string; label: string; line: number } | undefined {
  for (const b of blocks.slice(0, LABELLED_WINDOW)) {
    if (b.type !== 'paragraph' && b.type !== 'title') continue;
    const m = LABELLED_DATE.exec(toHalfWidthDigits(b.text));
    const date = m ? calendarDate(Number(m[2]), Number(m[3]), Number(m[4])) : undefined;
    if (date) return { date, label: m![1], line: b.line };
  }
  return undefined;
}

/** `YYYY-MM-DD` for a date that exists, else undefined. */
function calendarDate(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `统计期限自2014年1月1日起…`: the statistics period starts on 1 January of the report's year. */
const PERIOD_START = /统计(?:期限|时限|周期|日期|区间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/;
/** How far into the text the period is looked for: it is stated in the opening paragraphs. */
const PERIOD_WINDOW = 6;

/** The year of the statistics period, for a report whose title names none (or which has no title at all). */
function yearOfPeriod(blocks: readonly Block[]): { year: number; line: number } | undefined {
  for (const b of blocks.slice(0, PERIOD_WINDOW)) {
    if (b.type !== 'paragraph') continue;
    const m = PERIOD_START.exec(toHalfWidthDigits(b.text));
    if (m) return { year: Number(m[1]), line: b.line };
  }
  return undefined;
}

function agencyOf(title: string): string | undefined {
  const name = title.replace(YEAR, '').replace(REPORT_WORDS, '').replace(/[《》\s]/g, '').trim();
  return name || undefined;
}

/**
 * The format the year calls for, unless the tables are plainly of another (a 2022 report in the 2019 layout is a
 * real mistake): then the tables' format, so that they are read as written, and the checker warns of the mismatch.
 * Tables are read with the year's format first, so a table only names another format when its rows need it.
 */
function formatOf(year: number | undefined, tables: readonly ImportedTable[], notes: NoteList, line: number): FormatId | undefined {
  const byYear = year === undefined ? undefined : formatForYear(year);
  const hasLegacy = tables.some((t) => t.kind === '附表');
  const official = tables.filter((t) => t.format);
  const shown = official.find((t) => t.format !== byYear)?.format ?? official[0]?.format ?? (hasLegacy ? 'legacy' : undefined);
  if (shown && byYear && shown !== byYear) {
    notes.add(line + 1, t('年度 {0} 应使用 {1} 格式，但表格是 {2} 格式；按表格写为 {2}，检查时会提示格式与年度不符', year!, byYear, shown));
    return shown;
  }
  return byYear ?? shown;
}

/** The date signed at the end, and the index of its block. */
function publishedDate(blocks: readonly Block[]): { date: string; index: number } | undefined {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - DATE_WINDOW); i--) {
    const b = blocks[i];
    if (b.type !== 'paragraph') continue;
    const m = DATE.exec(toHalfWidthDigits(b.text).trim());
    if (!m) continue;
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, index: i } : undefined;
  }
  return undefined;
}

/**
 * The agency as signed above the date, when it names the agency of the title more fully (平潭综合实验区 in the
 * title, 平潭综合实验区管委会 signed): the signature is the full name.
 */
function signature(blocks: readonly Block[], dateIndex: number, fromTitle: string): { text: string; line: number } | undefined {
  const b = blocks[dateIndex - 1];
  if (!b || b.type !== 'paragraph' || b.text.length > 40 || /[，。；：、,.;:]/.test(b.text)) return undefined;
  const name = b.text.replace(/\s/g, '');
  // The office that signs for a government (东湖区人民政府办公室) is not the agency the report is of.
  if (/(?:办公室|办公厅)$/.test(name) && !/(?:办公室|办公厅)$/.test(fromTitle)) return undefined;
  return name.includes(fromTitle) || fromTitle.includes(name) ? { text: name, line: b.line } : undefined;
}
