import { MarkupKind, type Hover } from 'vscode-languageserver';
import { decimal, formatSpec, t, type Cell, type Span, type XxgkDocument } from '../../core/index';
import { findBreakdowns } from '../../core/prose/breakdown';
import { paragraphFigures } from '../../core/prose/figures';
import { evaluateDocument } from '../../core/tables/evaluate';
import { termCells, type Evaluation } from '../../core/tables/relations';
import { columnsOf } from '../../core/tables/grid';
import { toRange } from '../convert';

const within = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

function terms(e: Evaluation): string {
  const show = (term: Evaluation['parts'][number]) => `${term.label} ${term.blank ? t('空') : decimal.format(term.value)}`;
  const plus = e.parts.map(show).join(' + ');
  return e.minus?.length ? `${plus} − ${e.minus.map(show).join(' − ')}` : plus;
}

function explain(e: Evaluation): string {
  const verdict = e.ok ? '✓' : `✗ ${t('应为 {0}', decimal.format(e.expected))}`;
  return `**${e.cellLabel}** ${decimal.format(e.actual)} = ${terms(e)} ${verdict}`;
}

function cellHover(doc: XxgkDocument, offset: number): { span: Span; text: string } | undefined {
  for (const table of doc.tables) {
    if (!within(table.span, offset)) continue;
    for (const row of table.rows) {
      if (!within(row.span, offset) || row.kind !== 'data') continue;
      if (within(row.label.outerSpan, offset) && row.match && table.spec) {
        const spec = row.match.row;
        const columns = columnsOf(spec, table.spec).map((c) => c.label).join(' · ');
        const lines = [`**${spec.label}**`, `${table.spec.title}${spec.block ? ` · ${spec.block}` : ''}`];
        lines.push(spec.group ? t('分组行：数字由其下各项相加') : t('依次填写：{0}', columns));
        return { span: row.label.span, text: lines.join('\n\n') };
      }
      const cell: Cell | undefined = row.values.find((c) => within(c.outerSpan, offset));
      if (!cell) continue;
      const evaluations = evaluateDocument(doc);
      const asTotal = evaluations.filter((e) => e.cell === cell);
      const asPart = evaluations.filter((e) => e.cell !== cell && termCells(e.parts).includes(cell.span.start));
      const k = row.values.indexOf(cell);
      const column = table.spec && row.match ? columnsOf(row.match.row, table.spec)[k]?.label : table.columnLabels?.[k];
      const lines = [`**${row.match?.row.name ?? row.label.text}${column ? ` · ${column}` : ''}**`];
      if (asTotal.length) lines.push(...asTotal.map(explain));
      if (asPart.length) lines.push(t('计入：{0}', asPart.map((e) => e.cellLabel).join(t('；'))));
      return { span: cell.span, text: lines.join('\n\n') };
    }
  }
  for (const table of doc.plainTables) {
    if (!within(table.span, offset)) continue;
    const evaluations = evaluateDocument(doc).filter((e) => within(e.cell.outerSpan, offset));
    if (evaluations.length) return { span: evaluations[0].cell.span, text: evaluations.map(explain).join('\n\n') };
  }
  return undefined;
}

function sectionHover(doc: XxgkDocument, offset: number): { span: Span; text: string } | undefined {
  const section = doc.sections.find((s) => within(s.heading.span, offset));
  if (!section?.spec) return undefined;
  const spec = section.spec;
  const format = formatSpec(doc.format);
  const head = spec.numeral ? `${spec.numeral}、${spec.name}` : spec.name;
  const lines = [t('{0}（{1}）', `**${head}**`, format.source), spec.requires];
  if (spec.tables?.length) lines.push(t('统计表：{0}', spec.tables.map((kind) => `::: ${kind}`).join(t('、'))));
  return { span: section.heading.textSpan, text: lines.join('\n\n') };
}

/** A total in prose (`共…，其中…`): what its parts add up to. */
function proseHover(doc: XxgkDocument, offset: number): { span: Span; text: string } | undefined {
  const paragraph = doc.paragraphs.find((p) => within(p.span, offset));
  if (!paragraph) return undefined;
  const local = offset - paragraph.span.start;
  for (const b of findBreakdowns(paragraph.text, paragraphFigures(doc, doc.paragraphs.indexOf(paragraph)))) {
    const unit = b.total.unit;
    const onTotal = b.total.start <= local && local <= b.total.end;
    const part = b.parts.find((p) => p.figure.start <= local && local <= p.figure.end);
    if (!onTotal && !part) continue;
    const total = decimal.format(b.total.value);
    const actual = decimal.sum(b.parts.map((p) => p.figure.value));
    const terms = b.parts.map((p) => `${p.label} ${decimal.format(p.figure.value)}`).join(' + ');
    const verdict = decimal.equals(actual, b.total.value) ? '✓' : `✗ ${t('各项之和为 {0}', decimal.format(actual))}`;
    const figure = onTotal ? b.total : part!.figure;
    const base = paragraph.span.start;
    return {
      span: { start: base + figure.start, end: base + figure.end },
      text: `**${total}${unit}** = ${terms} ${verdict}${part ? `\n\n${t('计入：{0}', `${total}${unit}`)}` : ''}`,
    };
  }
  return undefined;
}

/** Hover on a table figure (how it is computed and what its parts add up to), a row label, or a section heading. */
export function hover(doc: XxgkDocument, offset: number, extra?: (doc: XxgkDocument, offset: number) => { span: Span; text: string } | undefined): Hover | null {
  const found = cellHover(doc, offset) ?? sectionHover(doc, offset) ?? proseHover(doc, offset) ?? extra?.(doc, offset);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.text }, range: toRange(doc, found.span) };
}
