import type {
  Directive, FrontMatter, Heading, Paragraph, PlainTable, Section, StandardTable, SyntaxProblem, TableRow, XxgkDocument,
} from '../ast';
import { formatForYear, formatIds, isFormatId, TABLE_KINDS, tableSpec } from '../formats/index';
import type { FormatId, TableKind } from '../formats/types';
import { computeLineStarts } from '../text/lines';
import { parseFrontMatter } from './frontmatter';
import { buildSection } from './sections';
import { buildPlainTable, buildStandardTable, type RawRow } from './tables';

export interface ParseOptions {
  /** Format from configuration, used when the front matter names none. */
  readonly format?: FormatId;
}

interface RawContainer {
  kindText: string;
  kindSpan: { start: number; end: number };
  openSpan: { start: number; end: number };
  rows: RawRow[];
}

const CONTAINER = /^:::[ \t]*(\S.*?)?[ \t]*$/;
const HEADING = /^(#{1,6})(?!#)[ \t]*(.*?)[ \t]*(?:[ \t]#+[ \t]*)?$/;
const FENCE = /^(`{3,}|~{3,})/;
const DIRECTIVE = /<!--\s*xxgk-(disable-next-line|disable|enable)\b(.*?)-->/;
const LIST_ITEM = /^(?:[-*+][ \t]|\d+[.)][ \t]|>)/;

/** Container kinds written loosely (依申请公开, 行政复议) that we still recognise. */
const KIND_ALIASES: Record<string, TableKind> = {
  主动公开: '主动公开', 主动公开政府信息情况: '主动公开',
  依申请: '依申请', 依申请公开: '依申请', 收到和处理政府信息公开申请情况: '依申请',
  复议诉讼: '复议诉讼', 行政复议: '复议诉讼', 复议: '复议诉讼', 行政复议行政诉讼: '复议诉讼', '行政复议、行政诉讼': '复议诉讼',
  附表: '附表', 统计表: '附表',
};

export function tableKindOf(kindText: string): TableKind | undefined {
  const key = kindText.replace(/\s+/g, '');
  return (TABLE_KINDS as readonly string[]).includes(key) ? (key as TableKind) : KIND_ALIASES[key];
}

/** Parses a report. Never throws: what it cannot read becomes a syntax problem for the rules to report. */
export function parse(text: string, options: ParseOptions = {}): XxgkDocument {
  const lineStarts = computeLineStarts(text);
  const frontMatter = parseFrontMatter(text, lineStarts);
  const headings: Heading[] = [];
  const paragraphs: Array<{ start: number; end: number }> = [];
  const containers: Array<RawContainer & { closeSpan?: { start: number; end: number }; end: number }> = [];
  const plainRows: RawRow[][] = [];
  const directives: Directive[] = [];
  const syntaxProblems: SyntaxProblem[] = [];

  let container: RawContainer | undefined;
  let plain: RawRow[] | undefined;
  let para: { start: number; end: number } | undefined;
  let fence = '';
  let inComment = false;

  const flushParagraph = () => {
    if (para) paragraphs.push(para);
    para = undefined;
  };
  const flushPlain = () => {
    if (plain) plainRows.push(plain);
    plain = undefined;
  };
  const closeContainer = (end: number, closeSpan?: { start: number; end: number }) => {
    if (!container) return;
    if (!closeSpan) syntaxProblems.push({ kind: 'unclosed-container', span: container.openSpan, kindText: container.kindText });
    containers.push({ ...container, closeSpan, end });
    container = undefined;
  };

  const firstLine = frontMatter ? (frontMatter.unclosed ? 1 : lineOfOffset(lineStarts, frontMatter.span.end) + 1) : 0;
  for (let i = firstLine; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    let end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    const line = text.slice(start, end);
    const trimmed = line.trim();

    if (fence) {
      if (trimmed.startsWith(fence)) fence = '';
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const containerMatch = trimmed.startsWith(':::') ? CONTAINER.exec(trimmed) : null;
    if (containerMatch) {
      flushParagraph();
      flushPlain();
      const lead = line.indexOf(':::');
      if (containerMatch[1]) {
        closeContainer(start);
        const kindStart = start + line.indexOf(containerMatch[1], lead + 3);
        container = {
          kindText: containerMatch[1],
          kindSpan: { start: kindStart, end: kindStart + containerMatch[1].length },
          openSpan: { start: start + lead, end },
          rows: [],
        };
      } else if (container) {
        closeContainer(end, { start: start + lead, end: start + lead + 3 });
      } else {
        syntaxProblems.push({ kind: 'stray-close', span: { start: start + lead, end: start + lead + 3 } });
      }
      continue;
    }
    // Comments (and suppression directives) may stand inside a container, between its rows.
    if (trimmed.startsWith('<!--')) {
      flushParagraph();
      flushPlain();
      const d = DIRECTIVE.exec(trimmed);
      if (d) {
        const rules = d[2].split(/[\s,，]+/).filter(Boolean);
        directives.push({ kind: d[1] as Directive['kind'], rules, span: { start, end }, line: i });
      }
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    if (container) {
      if (trimmed.startsWith('|') || trimmed.startsWith('｜')) container.rows.push({ line: i, start, end });
      continue;
    }
    if (FENCE.test(trimmed)) {
      flushParagraph();
      flushPlain();
      fence = FENCE.exec(trimmed)![1];
      continue;
    }
    if (trimmed.startsWith('#')) {
      const h = HEADING.exec(trimmed);
      if (h) {
        flushParagraph();
        flushPlain();
        const lead = line.length - line.trimStart().length;
        const textStart = start + lead + line.slice(lead).indexOf(h[2], h[1].length);
        headings.push({
          level: h[1].length,
          span: { start, end },
          text: h[2],
          textSpan: { start: textStart, end: textStart + h[2].length },
        });
        continue;
      }
    }
    if (trimmed.startsWith('|')) {
      flushParagraph();
      (plain ??= []).push({ line: i, start, end });
      continue;
    }
    flushPlain();
    if (trimmed === '') {
      flushParagraph();
      continue;
    }
    if (LIST_ITEM.test(trimmed)) flushParagraph();
    if (para) para.end = end;
    else para = { start: start + (line.length - line.trimStart().length), end };
  }
  flushParagraph();
  flushPlain();
  closeContainer(text.length);

  const year = reportYear(frontMatter, headings);
  const { format, formatSource } = resolveFormat(frontMatter, options.format, year);

  const sectionHeadings = headings.filter((h) => h.level === 2);
  const sections: Section[] = sectionHeadings.map((h, k) =>
    buildSection(h, k + 1 < sectionHeadings.length ? sectionHeadings[k + 1].span.start : text.length, format),
  );
  const sectionAt = (offset: number) => {
    let index = -1;
    for (let k = 0; k < sections.length && sections[k].span.start <= offset; k++) index = k;
    return index;
  };

  const tables: StandardTable[] = containers.map((c) => {
    const kind = tableKindOf(c.kindText);
    return buildStandardTable(text, {
      kind,
      kindText: c.kindText,
      kindSpan: c.kindSpan,
      openSpan: c.openSpan,
      closeSpan: c.closeSpan,
      span: { start: c.openSpan.start, end: c.closeSpan?.end ?? c.end },
      rows: c.rows,
      spec: kind ? tableSpec(format, kind) : undefined,
      sectionIndex: sectionAt(c.openSpan.start),
    });
  });
  const plainTables: PlainTable[] = plainRows.map((rows) => buildPlainTable(text, rows, sectionAt(rows[0].start)));
  const paragraphNodes: Paragraph[] = paragraphs.map((p) => ({ span: p, text: text.slice(p.start, p.end), sectionIndex: sectionAt(p.start) }));

  return {
    text,
    lineStarts,
    frontMatter,
    title: headings.find((h) => h.level === 1),
    headings,
    sections,
    tables,
    plainTables,
    paragraphs: paragraphNodes,
    directives,
    syntaxProblems,
    format,
    formatSource,
    year,
  };
}

function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
  return line;
}

function reportYear(frontMatter: FrontMatter | undefined, headings: readonly Heading[]): number | undefined {
  const declared = frontMatter?.entries.find((e) => e.canonical === 'year')?.value;
  const n = typeof declared === 'number' ? declared : typeof declared === 'string' && /^\d{4}$/.test(declared) ? Number(declared) : NaN;
  if (Number.isInteger(n) && n >= 1900 && n <= 2999) return n;
  const title = headings.find((h) => h.level === 1);
  const m = title && /((?:19|20)\d{2})\s*年/.exec(title.text);
  return m ? Number(m[1]) : undefined;
}

function resolveFormat(
  frontMatter: FrontMatter | undefined,
  configured: FormatId | undefined,
  year: number | undefined,
): { format: FormatId; formatSource: XxgkDocument['formatSource'] } {
  const declared = frontMatter?.entries.find((e) => e.canonical === 'format')?.value;
  const asText = declared === undefined || declared === null ? '' : String(declared).trim();
  if (isFormatId(asText)) return { format: asText, formatSource: 'front-matter' };
  if (configured) return { format: configured, formatSource: 'config' };
  if (year !== undefined) return { format: formatForYear(year), formatSource: 'year' };
  return { format: formatIds()[0], formatSource: 'default' };
}

export type { TableRow };
