import { formatSpec, tableSpec } from './formats/index';
import type { FormatId, RowSpec, SectionSpec, TableSpec } from './formats/types';
import { columnsOf } from './tables/grid';

/** Text of a table row with empty (or given) cells: `| （一）予以公开 |  |  | … |`. */
export function rowText(row: RowSpec, spec: TableSpec, fill = ''): string {
  if (row.group) return `| ${row.label} |`;
  const cells = columnsOf(row, spec).map(() => ` ${fill} |`);
  return `| ${row.label} |${cells.join('')}`;
}

function headerText(labels: readonly string[], corner: string): string[] {
  return [`| ${corner} | ${labels.join(' | ')} |`, `|${['---', ...labels.map(() => '---')].join('|')}|`];
}

/** A whole standard table in the format's official layout, every row present, cells empty (or `fill`). */
export function tableText(spec: TableSpec, fill = ''): string {
  const lines = [`::: ${spec.kind}`];
  if (spec.kind === '主动公开') {
    let block: string | undefined;
    for (const row of spec.rows) {
      if (row.block !== block) {
        block = row.block;
        lines.push(...headerText(columnsOf(row, spec).map((c) => c.label), spec.cornerLabels[0]));
      }
      lines.push(rowText(row, spec, fill));
    }
  } else {
    lines.push(...headerText(spec.columns.map((c) => c.label), spec.cornerLabels[0]));
    for (const row of spec.rows) lines.push(rowText(row, spec, fill));
  }
  lines.push(':::');
  return lines.join('\n');
}

/** A section heading and, where the format asks for one, its table. */
export function sectionText(section: SectionSpec, format: FormatId, fill = ''): string {
  const heading = `## ${section.numeral ? `${section.numeral}、` : ''}${section.name}`;
  const tables = (section.tables ?? []).map((kind) => tableSpec(format, kind)).filter((t): t is TableSpec => !!t);
  return [heading, ...tables.map((t) => tableText(t, fill))].join('\n\n');
}

export function sectionsOf(format: FormatId): readonly SectionSpec[] {
  return formatSpec(format).sections;
}
