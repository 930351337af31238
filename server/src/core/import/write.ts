import type { Block } from './blocks';
import type { InferredFrontMatter } from './front-matter';
import type { ImportedTable } from './table-types';
import { maxOf } from '../arrays';

/**
 * The `.xxgk` text of an imported report: front matter, `#` title, `##` sections and deeper headings with their own
 * numbering, paragraphs, `:::` containers with the rows as typed, plain tables as Markdown tables.
 */
export function writeXxgk(front: InferredFrontMatter, blocks: readonly Block[]): string {
  const parts: string[] = [frontMatter(front)];
  for (const b of blocks) {
    if (b.type === 'title') parts.push(`# ${b.text}`);
    else if (b.type === 'heading') parts.push(`${'#'.repeat(b.level)} ${b.text}`);
    else if (b.type === 'paragraph') parts.push(paragraph(b.text));
    else if (b.type === 'plain-table') parts.push(plainTable(b.rows));
    else {
      parts.push(container(b.table));
      if (b.table.leftovers) parts.push(paragraph(b.table.leftovers.text));
    }
  }
  return parts.filter(Boolean).join('\n\n') + '\n';
}

function frontMatter(f: InferredFrontMatter): string {
  const lines = ['---'];
  if (f.agency) lines.push(`机关: ${yamlText(f.agency)}`);
  if (f.year !== undefined) lines.push(`年度: ${f.year}`);
  if (f.format) lines.push(`格式: ${f.format}`);
  if (f.published) lines.push(`发布日期: ${f.published}`);
  lines.push('---');
  return lines.length > 2 ? lines.join('\n') : '';
}

/** A plain scalar unless YAML would read it otherwise. */
function yamlText(s: string): string {
  return /^[\w\u4e00-\u9fff（）()·]+$/.test(s) ? s : JSON.stringify(s);
}

/**
 * A paragraph as typed, kept from reading as markup: a line starting with `#`, `|`, `:::` or a comment would
 * otherwise become a heading, a table, a container or vanish.
 */
function paragraph(text: string): string {
  return /^(?:#|\||｜|:::|<!--|---|```|~~~)/.test(text) ? `\\${text}` : text;
}

function cell(text: string): string {
  return text.includes('|') ? text.replace(/\|/g, '\\|') : text;
}

function row(label: string, cells: readonly string[]): string {
  let out = `| ${cell(label)} |`;
  for (const c of cells) out += ` ${cell(c)} |`;
  return out;
}

function separator(width: number): string {
  return width > 0 ? `|${'---|'.repeat(width)}` : '||';
}

function container(table: ImportedTable): string {
  const lines = [`::: ${table.kind}`];
  for (const r of table.rows) {
    lines.push(row(r.label, r.cells));
    if (r.kind === 'header') lines.push(separator(r.cells.length + 1));
  }
  lines.push(':::');
  return lines.join('\n');
}

function plainTable(rows: readonly (readonly string[])[]): string {
  const width = maxOf(rows, (r) => r.length);
  const [head, ...body] = rows;
  return [row(head[0] ?? '', head.slice(1)), separator(width), ...body.map((r) => row(r[0] ?? '', r.slice(1)))].join('\n');
}
