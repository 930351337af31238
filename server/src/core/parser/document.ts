import type {
  CodeBlock, Directive, FrontMatter, Heading, Paragraph, PlainTable, Section, StandardTable, SyntaxProblem, TableRow, XxgkDocument,
} from '../ast';
import { formatForYear, formatIds, isFormatId, TABLE_KINDS, tableSpec } from '../formats/index';
import type { FormatId, TableKind } from '../formats/types';
import { computeLineStarts } from '../text/lines';
import { withoutTrailingComments } from '../text/normalize';
import { parseFrontMatter } from './frontmatter';
import { buildSection } from './sections';
import { buildPlainTable, buildStandardTable, type RawRows } from './tables';

export interface ParseOptions {
  /** Format from configuration, used when the front matter names none. */
  readonly format?: FormatId;
}

/**
 * A container as the parser reads it, its places as numbers; closed in place (every container has every field, so
 * one hidden class).
 */
interface RawContainer {
  kindText: string;
  kindStart: number;
  openStart: number;
  openEnd: number;
  rows: RawRows;
  closeSpan: { start: number; end: number } | undefined;
  end: number;
}

const FENCE = /^(`{3,}|~{3,})/;
/** The start of a suppression directive; its rules run to the first `-->` after it (found with indexOf, not `.*?`). */
const DIRECTIVE_HEAD = /<!--\s*xxgk-(disable-next-line|disable|enable)\b/;

// Headings and container lines are read by hand, not by `^:::[ \t]*(\S.*?)?[ \t]*$` and
// `^(#{1,6})(?!#)[ \t]*(.*?)[ \t]*(?:[ \t]#+[ \t]*)?$`: a lazy `.*?` before `[ \t]*$` retries the run of spaces at
// every step, and `# a` + 100,000 spaces + `b` took 14 s. Same results, each character read a bounded number of times.

const isSpaceOrTab = (c: number) => c === 0x20 || c === 0x09;
/** `.` of a regular expression does not match these: a line holding one was not a heading or a container. */
const hasLineSeparator = (s: string, from: number) => {
  const a = s.indexOf('\u2028', from);
  return a >= 0 || s.indexOf('\u2029', from) >= 0;
};

/**
 * A container line (`::: 依申请`, or `:::` alone) from the trimmed line that starts with `:::`: the kind text, '' for
 * a bare `:::`, or undefined when the line is not a container line (`:::　x`, whose kind starts with a space).
 */
export function containerKind(trimmed: string): string | undefined {
  let i = 3;
  while (i < trimmed.length && isSpaceOrTab(trimmed.charCodeAt(i))) i++;
  if (i === trimmed.length) return '';
  // The kind starts with a non-space (a trimmed line ends with one) and holds no line separator.
  if (/\s/.test(trimmed[i]) || hasLineSeparator(trimmed, i)) return undefined;
  return trimmed.slice(i);
}

/** A heading from the trimmed line that starts with `#`: its level and text, or undefined (`#######`, a separator). */
export function headingOf(trimmed: string): { level: number; text: string } | undefined {
  const n = trimmed.length;
  let level = 0;
  while (level < n && trimmed.charCodeAt(level) === 0x23) level++;
  if (level < 1 || level > 6 || hasLineSeparator(trimmed, level)) return undefined;
  let from = level;
  while (from < n && isSpaceOrTab(trimmed.charCodeAt(from))) from++;
  // The text ends before an optional closing run of #s that follows a space or tab (`## 总体情况 ##`); the shortest
  // text wins, as the lazy `.*?` of the old expression made it, so when the text is nothing but #s they are the text.
  let to = n;
  let hashes = n;
  while (hashes > from && trimmed.charCodeAt(hashes - 1) === 0x23) hashes--;
  if (hashes < n && hashes > from && isSpaceOrTab(trimmed.charCodeAt(hashes - 1))) {
    to = hashes - 1;
    while (to > from && isSpaceOrTab(trimmed.charCodeAt(to - 1))) to--;
  }
  // A comment after the text (`## 一、总体情况 <!-- 待审定 -->`) is not shown, and is no part of the heading's name.
  return { level, text: withoutTrailingComments(trimmed.slice(from, to)) };
}
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
  try {
    return parseText(text, options);
  } catch (err) {
    // The contract holds even against a bug or an input beyond every bound (the language server calls this in a
    // timer, where a throw ends the process): an empty document that says why.
    const reason = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    return emptyDocument(typeof text === 'string' ? text : '', options, { kind: 'unreadable', span: { start: 0, end: 0 }, reason });
  }
}

function emptyDocument(text: string, options: ParseOptions, problem: SyntaxProblem): XxgkDocument {
  return {
    text,
    lineStarts: computeLineStarts(text),
    frontMatter: undefined,
    title: undefined,
    headings: [],
    sections: [],
    tables: [],
    plainTables: [],
    paragraphs: [],
    codeBlocks: [],
    directives: [],
    syntaxProblems: [problem],
    format: options.format ?? '2021',
    formatSource: options.format ? 'config' : 'default',
    year: undefined,
  };
}

function parseText(text: string, options: ParseOptions): XxgkDocument {
  const lineStarts = computeLineStarts(text);
  const frontMatter = parseFrontMatter(text, lineStarts);
  const headings: Heading[] = [];
  const paragraphs: Array<{ start: number; end: number }> = [];
  const containers: RawContainer[] = [];
  /** The kinds seen, so that 10,000 containers of one kind keep one string (a kind is a copy of its line). */
  const kinds = new Map<string, string>();
  const plainRows: RawRows[] = [];
  const directives: Directive[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  const codeBlocks: CodeBlock[] = [];

  let container: RawContainer | undefined;
  let plain: RawRows | undefined;
  let para: { start: number; end: number } | undefined;
  /** The open code fence: its marker (``` or ~~~~…), where it began, and the lines read so far. */
  let fence: { marker: string; start: number; line: number; body: string[] } | undefined;
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
    if (!closeSpan) syntaxProblems.push({ kind: 'unclosed-container', span: { start: container.openStart, end: container.openEnd }, kindText: container.kindText });
    container.closeSpan = closeSpan;
    container.end = end;
    containers.push(container);
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
      if (trimmed.startsWith(fence.marker)) {
        codeBlocks.push({ span: { start: fence.start, end }, line: fence.line, text: fence.body.join('\n') });
        fence = undefined;
      } else fence.body.push(line);
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const kindText = trimmed.startsWith(':::') ? containerKind(trimmed) : undefined;
    if (kindText !== undefined) {
      flushParagraph();
      flushPlain();
      const lead = line.indexOf(':::');
      if (kindText) {
        closeContainer(start);
        const kindStart = start + line.indexOf(kindText, lead + 3);
        let kind = kinds.get(kindText);
        if (kind === undefined && kinds.size < 64) kinds.set(kindText, (kind = kindText));
        container = {
          kindText: kind ?? kindText,
          kindStart,
          openStart: start + lead,
          openEnd: end,
          rows: [],
          closeSpan: undefined,
          end: 0,
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
      const d = DIRECTIVE_HEAD.exec(trimmed);
      const close = d ? trimmed.indexOf('-->', d.index + d[0].length) : -1;
      if (d && close >= 0) {
        const rules = trimmed.slice(d.index + d[0].length, close).split(/[\s,，]+/).filter(Boolean);
        directives.push({ kind: d[1] as Directive['kind'], rules, span: { start, end }, line: i });
      }
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    if (container) {
      if (trimmed.startsWith('|') || trimmed.startsWith('｜')) container.rows.push(i, start, end);
      continue;
    }
    if (FENCE.test(trimmed)) {
      flushParagraph();
      flushPlain();
      fence = { marker: FENCE.exec(trimmed)![1], start, line: i, body: [] };
      continue;
    }
    if (trimmed.startsWith('#')) {
      const h = headingOf(trimmed);
      if (h) {
        flushParagraph();
        flushPlain();
        const lead = line.length - line.trimStart().length;
        const textStart = start + lead + line.slice(lead).indexOf(h.text, h.level);
        headings.push({
          level: h.level,
          span: { start, end },
          text: h.text,
          textSpan: { start: textStart, end: textStart + h.text.length },
        });
        continue;
      }
    }
    if (trimmed.startsWith('|')) {
      flushParagraph();
      (plain ??= []).push(i, start, end);
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
  if (fence) codeBlocks.push({ span: { start: fence.start, end: text.length }, line: fence.line, text: fence.body.join('\n') });

  const year = reportYear(frontMatter, headings);
  const { format, formatSource } = resolveFormat(frontMatter, options.format, year);

  const sectionHeadings = headings.filter((h) => h.level === 2);
  const sections: Section[] = sectionHeadings.map((h, k) =>
    buildSection(h, k + 1 < sectionHeadings.length ? sectionHeadings[k + 1].span.start : text.length, format),
  );
  // By binary search: 50,000 headings and as many tables took a pass over the headings for every table.
  const sectionAt = (offset: number) => {
    let lo = 0;
    let hi = sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sections[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const tables: StandardTable[] = containers.map((c) => {
    const kind = tableKindOf(c.kindText);
    return buildStandardTable(text, {
      kind,
      kindText: c.kindText,
      kindStart: c.kindStart,
      openStart: c.openStart,
      openEnd: c.openEnd,
      closeSpan: c.closeSpan,
      end: c.closeSpan?.end ?? c.end,
      rows: c.rows,
      spec: kind ? tableSpec(format, kind) : undefined,
      sectionIndex: sectionAt(c.openStart),
    });
  });
  const plainTables: PlainTable[] = plainRows.map((rows) => buildPlainTable(text, rows, sectionAt(rows[1])));
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
    codeBlocks,
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
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML list such as [2021] reads as its text
  const asText = declared === undefined || declared === null ? '' : String(declared).trim();
  if (isFormatId(asText)) return { format: asText, formatSource: 'front-matter' };
  if (configured) return { format: configured, formatSource: 'config' };
  if (year !== undefined) return { format: formatForYear(year), formatSource: 'year' };
  return { format: formatIds()[0], formatSource: 'default' };
}

export type { TableRow };
