import { HTMLElement, parse as parseHtml } from 'node-html-parser';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument, type TableRow, type XxgkDocument } from '../server/src/core/index';

/** Every example and corpus report, for the round trips. */
export function reportFiles(root: string): string[] {
  const corpus = path.join(root, 'test/corpus/reports');
  return [
    ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.xxgk')).map((f) => path.join(root, 'examples', f)),
    ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => f.endsWith('.xxgk')).map((f) => path.join(corpus, f)) : []),
  ].sort();
}

/** Diagnostics as rule → count. */
export function ruleCounts(doc: XxgkDocument): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of checkDocument(doc, { context: { today: '2026-01-01' } })) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
  return counts;
}

/**
 * A parsed report as a browser or Word copy of its published page gives it in plain text: headings and paragraphs
 * one per line, each table row either as tab-separated cells (`tabs`, a browser copy), each cell on a line of its
 * own (`lines`, a blank line for an empty cell) or each cell followed by a blank line (`spaced`, cells holding
 * paragraphs). Front matter and comments are not on the page; the publication date is, at the end.
 */
export type CopyShape = 'tabs' | 'lines' | 'spaced';

export function copyAsPlainText(doc: XxgkDocument, shape: CopyShape): string {
  const items: Array<{ at: number; lines: string[] }> = [];
  for (const h of doc.headings) items.push({ at: h.span.start, lines: [h.text] });
  for (const p of doc.paragraphs) items.push({ at: p.span.start, lines: [p.text.split(/\r?\n/).map((l) => l.trim()).join('')] });
  for (const t of doc.tables) items.push({ at: t.span.start, lines: tableLines(t.rows, shape) });
  for (const t of doc.plainTables) items.push({ at: t.span.start, lines: tableLines(t.rows, shape) });
  items.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  for (const item of items) {
    out.push(...item.lines, '');
  }
  const published = doc.frontMatter?.entries.find((e) => e.canonical === 'published')?.value;
  const m = typeof published === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null;
  // Published pages end with the agency's name and the date, as signed.
  const agency = doc.frontMatter?.entries.find((e) => e.canonical === 'agency')?.value;
  if (m && typeof agency === 'string') out.push(agency, '');
  if (m) out.push(`${m[1]}年${Number(m[2])}月${Number(m[3])}日`, '');
  return out.join('\n');
}

function tableLines(rows: readonly TableRow[], shape: CopyShape): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'separator') continue;
    const cells = r.cells.map((c) => c.text);
    if (shape === 'tabs') out.push(cells.join('\t'));
    else if (shape === 'lines') out.push(...cells);
    else for (const c of cells) out.push(c, '');
  }
  return out;
}

/** Every figure and blank of the standard tables, by table kind, official row (or label) and column. */
export function tableCells(doc: XxgkDocument): Map<string, string> {
  const cells = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const t of doc.tables) {
    for (const r of t.rows) {
      if (r.kind !== 'data') continue;
      const base = `${t.kindText}/${r.match?.row.id ?? r.label.text}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      r.values.forEach((c, i) => cells.set(`${base}#${n}/${i}`, c.text));
    }
  }
  return cells;
}

/**
 * The text a browser copy of a rendered page gives (innerText, roughly): block elements one per line, a table row
 * per line with its cells separated by tabs (`tabs`), or every cell on a line of its own (`lines`, as Word and some
 * browsers paste cells that hold paragraphs). Styles and scripts are not text.
 */
export function copyHtmlAsPlainText(html: string, shape: 'tabs' | 'lines'): string {
  const root = parseHtml(html);
  const out: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      const tag = child.tagName?.toLowerCase();
      if (tag === 'style' || tag === 'script' || tag === 'head' || tag === 'title') continue;
      if (tag === 'tr') {
        const cells = child.querySelectorAll('th, td').map((c) => c.text.trim());
        if (shape === 'tabs') out.push(cells.join('\t'));
        else out.push(...cells);
      } else if (/^(?:p|h[1-6]|li)$/.test(tag)) out.push(child.text.trim(), '');
      else walk(child);
    }
  };
  walk(root);
  return out.join('\n') + '\n';
}

/**
 * A report that came back through a page or a Word file drawn in the official layout: counts the table cells that
 * came back exact, then (unless the layout changed the report: a missing row drawn blank, unknown rows listed under
 * the table) asserts every cell in its place, the format, the sections and the diagnostics.
 */
/**
 * Differences that come from the copy, not from the import: what the page does not show cannot come back.
 * Each is a rule whose count may differ, with why.
 */
export const ROUND_TRIP_KNOWN: Record<string, Record<string, string>> = {
  // Front matter is not on a page: the unknown key 作者 of the errors example cannot come back.
  '2023-errors.xxgk': { 'front-matter': 'unknown key not on the page' },
  // The 发布日期 of these real reports is the web page's date (metadata around the text), not in the report itself:
  // 谢塘镇's text has no date, 建新镇's only date is its signature (2018年12月31日), which the import takes instead.
  '17-谢塘镇-2013.xxgk': { 'late-publication': 'publication date only in the page metadata' },
  '20-建新镇-2018.xxgk': { 'late-publication': 'publication date only in the page metadata; the signature date differs' },
};

/**
 * Reports the rendered page cannot give back row for row: the page prints the official layout, so a missing official
 * row is drawn blank (and comes back blank), and a row it does not place (an unknown row, a group row filled with
 * figures of its own) is listed under the table (and comes back into it, after its rows). Every cell of these comes
 * back in its place; their diagnostics are not compared.
 */
export const LAYOUT_CHANGED: Record<string, string> = {
  '2023-errors.xxgk': 'unknown and duplicate rows',
  // 洪泽区 fills （六）其他处理 as one row of figures, without its three official items.
  '22-洪泽区人民政府-2023.xxgk': 'a group row with figures, its items missing',
  '23-洪泽区人民政府-2024.xxgk': 'a group row with figures, its items missing',
};

export function compareOfficialRoundTrip(
  original: XxgkDocument,
  imported: XxgkDocument,
  tally: { exact: number; total: number },
  layoutChanged: boolean,
  /** Rules whose counts may differ for this report (ROUND_TRIP_KNOWN: what the page does not show). */
  mayDiffer: readonly string[] = [],
): void {
  const before = tableCells(original);
  const after = tableCells(imported);
  for (const [key, value] of before) if (after.get(key) === value) tally.exact++;
  tally.total += before.size;
  // Rows are keyed by official row: the layout prints official labels. The rows it lists under a table come back
  // into it (import/extra-rows.ts), so every cell is in its place in every report.
  for (const [key, value] of before) assert.equal(after.get(key), value, key);
  assert.equal(imported.format, original.format);
  assert.deepEqual(imported.sections.map((s) => s.heading.text), original.sections.map((s) => s.heading.text));
  // A missing official row comes back drawn blank: the diagnostics differ there.
  if (layoutChanged) return;
  const known = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([rule]) => !mayDiffer.includes(rule)));
  assert.deepEqual(known(ruleCounts(imported)), known(ruleCounts(original)));
}

/** Runs the built CLI (`npm run build` first) in `cwd`, in Chinese and without colour, as a user would (`extraEnv` over the environment). */
export function runXxgk(root: string, cwd: string, args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { cwd, env, encoding: 'utf8' });
}

/**
 * Documents made of `pieces` in a seeded random mix (up to 40 pieces each), a share of them cut at a random place:
 * for replaying a parser against the one it stands in for. The same seed gives the same documents.
 */
export function seededMixes(pieces: readonly string[], { seed, count, cutShare }: { seed: number; count: number; cutShare: number }): string[] {
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const documents: string[] = [];
  for (let d = 0; d < count; d++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    if (random() < cutShare) text = text.slice(0, Math.floor(random() * text.length));
    documents.push(text);
  }
  return documents;
}
