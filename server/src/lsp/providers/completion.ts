import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Range,
} from 'vscode-languageserver';
import { match } from 'pinyin-pro';
import { allFormats, formatSpec, formatsOfKind, positionAt, t, type XxgkDocument } from '../../core/index';
import type { RowSpec, TableSpec } from '../../core/formats/types';
import { escapeSnippet, reportDefaults, reportSnippet } from '../../core/report-skeleton';
import { sectionText, tableText } from '../../core/skeleton';
import { columnsOf } from '../../core/tables/grid';

/** What the user has typed (the line up to the cursor) decides the context; the rest of the line is replaced. */
interface LineContext {
  line: number;
  before: string;
  range: Range;
}


/**
 * Whether an official text matches what was typed: by characters, or by pinyin (initials `bygk`, full `buyu`,
 * mixed), as vscode-beancount does for Chinese payees. An empty query matches everything.
 */
export function matchesQuery(text: string, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (text.includes(q)) return true;
  return /^[a-z]+$/i.test(q) && match(text, q.toLowerCase()) !== null;
}

function lineContext(doc: XxgkDocument, offset: number): LineContext {
  const { line } = positionAt(doc.lineStarts, offset);
  const start = doc.lineStarts[line];
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] - 1 : doc.text.length;
  if (doc.text.charCodeAt(end - 1) === 0x0d) end--;
  return {
    line,
    before: doc.text.slice(start, offset),
    range: { start: { line, character: 0 }, end: { line, character: end - start } },
  };
}

function item(ctx: LineContext, label: string, insert: string, index: number, extra: Partial<CompletionItem>): CompletionItem {
  return {
    label,
    // The client filters with the text from the range start to the cursor: matched items carry exactly that text.
    filterText: ctx.before,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range: ctx.range, newText: insert },
    insertTextFormat: InsertTextFormat.Snippet,
    ...extra,
  };
}

function sectionItems(doc: XxgkDocument, ctx: LineContext, query: string): CompletionItem[] {
  // The heading being typed does not count as present.
  const present = new Set(doc.sections.filter((s) => s.heading.span.start !== doc.lineStarts[ctx.line]).map((s) => s.spec?.id));
  return formatSpec(doc.format).sections
    .map((spec, index) => ({ spec, index }))
    .filter(({ spec }) => !present.has(spec.id) && matchesQuery(spec.name, query))
    .map(({ spec, index }) => {
      const heading = spec.numeral ? `${spec.numeral}、${spec.name}` : spec.name;
      return item(ctx, heading, `${escapeSnippet(sectionText(spec, doc.format))}\n\n$0`, index, {
        kind: CompletionItemKind.Module,
        detail: spec.tables?.length ? t('章节及其统计表（{0}）', spec.tables.join(t('、'))) : t('章节'),
        documentation: { kind: MarkupKind.Markdown, value: `**${heading}**\n\n${spec.requires}` },
      });
    });
}

function kindItems(doc: XxgkDocument, ctx: LineContext, query: string): CompletionItem[] {
  const specs = formatSpec(doc.format).tables;
  const kinds = formatSpec(doc.format).tableKinds;
  return kinds
    .filter((kind) => matchesQuery(kind, query))
    .map((kind, index) => {
      const spec = specs.find((s) => s.kind === kind);
      const body = spec ? tableText(spec) : '::: 附表\n| 指标名称 | 计量单位 | 本年 | 历年累计 |\n|---|---|---|---|\n| $1 |  |  |  |\n:::';
      return item(ctx, `::: ${kind}`, spec ? `${escapeSnippet(body)}\n$0` : body, index, {
        kind: CompletionItemKind.Struct,
        detail: spec ? t('{0}（全部规定行）', spec.title) : t('旧格式统计表'),
        documentation: spec ? { kind: MarkupKind.Markdown, value: `**${spec.title}**\n\n${t('{0} 行：{1}', spec.rows.length, spec.rows.map((r) => r.label).join(t('、')))}` } : undefined,
      });
    });
}

function rowSnippet(row: RowSpec, spec: TableSpec, firstStop: number): { text: string; stops: number } {
  if (row.group) return { text: `| ${escapeSnippet(row.label)} |`, stops: 0 };
  const columns = columnsOf(row, spec);
  const cells = columns.map((c, k) => ` \${${firstStop + k}:0} |`).join('');
  return { text: `| ${escapeSnippet(row.label)} |${cells}`, stops: columns.length };
}

function rowItems(doc: XxgkDocument, ctx: LineContext, query: string, offset: number): CompletionItem[] {
  const table = doc.tables.find((t) => t.spec && t.openSpan.end < offset && (!t.closeSpan || offset <= t.closeSpan.start));
  if (!table?.spec) return [];
  const spec = table.spec;
  const present = new Set(table.rows.filter((r) => r.line !== ctx.line && r.match).map((r) => r.match!.row.id));
  const items: CompletionItem[] = [];
  spec.rows.forEach((row, index) => {
    if (present.has(row.id)) return;
    const parent = row.parent ? spec.rows.find((r) => r.id === row.parent) : undefined;
    const searchable = `${row.label}${parent?.group ? ` ${parent.name}` : ''}`;
    if (!matchesQuery(searchable, query) && !(row.aliases ?? []).some((a) => matchesQuery(a, query))) return;
    // A group row brings its missing items along, so that one choice fills the block.
    const rows = row.group ? [row, ...spec.rows.filter((r) => r.parent === row.id && !present.has(r.id))] : [row];
    let stop = 1;
    const lines = rows.map((r) => {
      const s = rowSnippet(r, spec, stop);
      stop += s.stops;
      return s.text;
    });
    const columns = columnsOf(row, spec).map((c) => c.label).join(' · ');
    items.push(
      item(ctx, row.label, lines.join('\n'), index, {
        kind: row.group ? CompletionItemKind.Folder : CompletionItemKind.Field,
        detail: row.group ? t('分组（含 {0} 项）', rows.length - 1) : columns,
        documentation: {
          kind: MarkupKind.Markdown,
          value: `**${row.label}**\n\n${spec.title}${row.block ? ` · ${row.block}` : ''}${parent ? ` · ${parent.label}` : ''}\n\n${row.group ? t('分组行：数字由其下各项相加') : t('依次填写：{0}', columns)}`,
        },
      }),
    );
  });
  return items;
}

/** The front matter's keys; the year and the date default from today (see reportDefaults). */
function frontMatterEntries(today: Date): Array<[string, string, string]> {
  const { year, published } = reportDefaults(formatsOfKind('national')[0].id, today);
  const formats = allFormats();
  return [
    ['机关', '机关: ${1:某市某局}', t('发布年报的机关全称（agency）')],
    ['年度', `年度: \${1:${year}}`, t('报告年度，4 位年份（year）')],
    ['格式', `格式: \${1|${formats.map((f) => f.id).join(',')}|}`, t('年报格式：{0}（format）', formats.map((f) => t('{0}（{1}）', f.id, f.usage())).join(t('、')))],
    ['发布日期', `发布日期: \${1:${published}}`, t('发布日期 YYYY-MM-DD，部门应在次年 1 月 31 日前发布（published）')],
    ['层级', '层级: ${1|部门,本级政府|}', t('部门年报（次年 1 月 31 日前发布），或本级政府（人民政府、管委会、行政公署等）的整体年报（3 月 31 日前）（level）')],
  ];
}

/** In a document with nothing in it yet: the whole report in either national format. */
function reportItems(ctx: LineContext, today: Date): CompletionItem[] {
  const query = ctx.before.trim();
  return formatsOfKind('national')
    .map((f) => f.id)
    .filter((format) => !query || matchesQuery(`年报${format}`, query) || `xxgk-report-${format}`.startsWith(query) || `nb${format}`.startsWith(query))
    .map((format, index) =>
      item(ctx, t('年报（{0} 格式）', format), reportSnippet(format, reportDefaults(format, today)), index, {
        kind: CompletionItemKind.File,
        detail: formatSpec(format).source,
        documentation: t('{0} 格式政府信息公开工作年度报告全文：前置元数据、标题、六个章节及其统计表（各行均为 0）。', format),
      }),
    );
}

function frontMatterItems(doc: XxgkDocument, ctx: LineContext, today: Date): CompletionItem[] {
  const value = /^\s*(格式|format)\s*:\s*(\S*)$/.exec(ctx.before);
  if (value) {
    return allFormats().map((f, index) =>
      item(ctx, f.id, `${value[1]}: ${f.id}`, index, {
        kind: CompletionItemKind.EnumMember,
        detail: f.source,
        documentation: f.usage(),
      }),
    );
  }
  if (ctx.before.includes(':')) return [];
  const present = new Set(doc.frontMatter?.entries.map((e) => e.canonical));
  const canonical: Record<string, string> = { 机关: 'agency', 年度: 'year', 格式: 'format', 发布日期: 'published', 层级: 'level' };
  return frontMatterEntries(today).filter(([key]) => !present.has(canonical[key] as never) && (matchesQuery(key, ctx.before) || canonical[key].startsWith(ctx.before.trim())))
    .map(([key, snippet, doc_], index) => item(ctx, key, snippet, index, { kind: CompletionItemKind.Property, detail: canonical[key], documentation: doc_ }));
}

/**
 * Completion of the whole report in an empty document, at a `##` heading, after `:::`, inside a standard table, and
 * in the front matter. `today` sets the default year of a new report.
 */
export function completions(doc: XxgkDocument, offset: number, today = new Date()): CompletionList {
  const ctx = lineContext(doc, offset);
  const fm = doc.frontMatter;
  let items: CompletionItem[] = [];
  if (doc.text.trim() === ctx.before.trim() && !/[|#:]/.test(ctx.before)) {
    items = reportItems(ctx, today);
  } else if (fm && offset >= fm.bodySpan.start && (fm.unclosed || offset <= fm.bodySpan.end)) {
    items = frontMatterItems(doc, ctx, today);
  } else if (/^\s*##\s*/.test(ctx.before) && !/^\s*###/.test(ctx.before)) {
    items = sectionItems(doc, ctx, ctx.before.replace(/^\s*##\s*/, '').replace(/^[一二三四五六七八九十\d]+[、.．]?\s*/, ''));
  } else if (/^\s*:::/.test(ctx.before)) {
    items = kindItems(doc, ctx, ctx.before.replace(/^\s*:::\s*/, ''));
  } else if (/^\s*(\|[^|]*)?$/.test(ctx.before)) {
    items = rowItems(doc, ctx, ctx.before.replace(/^\s*\|?\s*/, ''), offset);
  }
  return { isIncomplete: true, items };
}
