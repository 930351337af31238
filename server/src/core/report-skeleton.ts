import { FORMATS } from './formats/index';
import type { FormatId, SectionSpec } from './formats/types';
import { sectionText } from './skeleton';

/**
 * A whole report as an LSP/VS Code snippet (tab stops: 1 机关, 2 年度, 3 发布日期, then each section's guidance),
 * every table row at 0, so that a report expanded without edits is already well-formed (reference §2). Shared by
 * the editor's completion and scripts/gen-snippets.ts, so that the two cannot disagree.
 */

type NationalFormat = Exclude<FormatId, 'legacy'>;

/** Literal text in a snippet body: `$`, `}` and `\` would otherwise be read as snippet syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export const placeholder = (n: number, text: string) => `\${${n}:${escapeSnippet(text)}}`;

export interface ReportDefaults {
  readonly year: number;
  /** YYYY-MM-DD */
  readonly published: string;
}

/**
 * The year a report begun today is most likely about: last year until June (reports are due by 31 January, and
 * written in the weeks before), this year from July on (a draft of the year under way). Published: 20 January of
 * the following year, inside the deadline. The 2019 format is only for 2019 and 2020, so it always defaults to 2020.
 */
export function reportDefaults(format: NationalFormat, today: Date): ReportDefaults {
  const year = format === '2019' ? 2020 : today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
  return { year, published: `${year + 1}-01-20` };
}

/** A section's heading, its guidance (`requires`) as a placeholder to overwrite, then its tables with every row at 0. */
export function sectionSnippet(section: SectionSpec, format: NationalFormat, stop: number): string {
  const [heading, ...tables] = sectionText(section, format, '0').split('\n\n');
  return [escapeSnippet(heading), '', placeholder(stop, section.requires), ...tables.flatMap((t) => ['', escapeSnippet(t)])].join('\n');
}

export function reportSnippet(format: NationalFormat, defaults: ReportDefaults): string {
  const sections = FORMATS[format].sections.map((s, i) => sectionSnippet(s, format, 4 + i));
  return [
    '---',
    `机关: ${placeholder(1, '某某市某某局')}`,
    `年度: ${placeholder(2, String(defaults.year))}`,
    `格式: ${format}`,
    `发布日期: ${placeholder(3, defaults.published)}`,
    '---',
    '',
    '# ${1}${2}年政府信息公开工作年度报告',
    '',
    '本报告中所列数据的统计期限为${2}年1月1日至${2}年12月31日。',
    '',
    sections.join('\n\n'),
    '$0',
  ].join('\n');
}
