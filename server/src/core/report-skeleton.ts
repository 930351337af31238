import { formatSpec } from './formats/index';
import type { FormatId, SectionSpec } from './formats/types';
import { sectionText } from './skeleton';

/**
 * A whole report as an LSP/VS Code snippet (tab stops: 1 机关, 2 年度, 3 发布日期, then each section's guidance),
 * every table row at 0, so that a report expanded without edits is already well-formed (reference §2). Shared by
 * the editor's completion and scripts/gen-snippets.ts, so that the two cannot disagree.
 */

/** A national format's id (the skeleton writes its six sections and tables). */
type NationalFormat = FormatId;

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
 * the following year, inside the deadline. A format used only in some years (2019: 2019 and 2020) defaults to the
 * nearest of them.
 */
export function reportDefaults(format: NationalFormat, today: Date): ReportDefaults {
  const likely = today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
  const years = formatSpec(format).years;
  const year = Math.max(years?.from ?? likely, Math.min(years?.to ?? likely, likely));
  return { year, published: `${year + 1}-01-20` };
}

/** How the skeleton's fields are written: as tab stops of a snippet, or as plain text (a quick fix's edit). */
interface Writer {
  /** Tab stop `n` with a default (plain: the default). */
  field(n: number, text: string): string;
  /** Tab stop `n` again, mirroring the first (plain: the same default). */
  mirror(n: number, text: string): string;
  literal(text: string): string;
  readonly end: string;
}

const SNIPPET: Writer = { field: placeholder, mirror: (n) => `\${${n}}`, literal: escapeSnippet, end: '$0' };
const PLAIN: Writer = { field: (_n, text) => text, mirror: (_n, text) => text, literal: (text) => text, end: '' };

const AGENCY = '某某市某某局';

function section(spec: SectionSpec, format: NationalFormat, stop: number, w: Writer): string {
  const [heading, ...tables] = sectionText(spec, format, '0').split('\n\n');
  return [w.literal(heading), '', w.field(stop, spec.requires), ...tables.flatMap((t) => ['', w.literal(t)])].join('\n');
}

function report(format: NationalFormat, defaults: ReportDefaults, w: Writer): string {
  const year = String(defaults.year);
  const sections = formatSpec(format).sections.map((s, i) => section(s, format, 4 + i, w));
  return [
    '---',
    `机关: ${w.field(1, AGENCY)}`,
    `年度: ${w.field(2, year)}`,
    `格式: ${format}`,
    `发布日期: ${w.field(3, defaults.published)}`,
    '---',
    '',
    `# ${w.mirror(1, AGENCY)}${w.mirror(2, year)}年政府信息公开工作年度报告`,
    '',
    `本报告中所列数据的统计期限为${w.mirror(2, year)}年1月1日至${w.mirror(2, year)}年12月31日。`,
    '',
    sections.join('\n\n'),
    w.end,
  ].join('\n');
}

/** A section's heading, its guidance (`requires`) as a placeholder to overwrite, then its tables with every row at 0. */
export function sectionSnippet(spec: SectionSpec, format: NationalFormat, stop: number): string {
  return section(spec, format, stop, SNIPPET);
}

export function reportSnippet(format: NationalFormat, defaults: ReportDefaults): string {
  return report(format, defaults, SNIPPET);
}

/** The same report as plain text, for an edit (the quick fix on a blank document). */
export function reportText(format: NationalFormat, defaults: ReportDefaults): string {
  return report(format, defaults, PLAIN);
}
