import { formatSpec, tableSpec } from '../formats/index';
import { t } from '../i18n';
import { tableText } from '../skeleton';
import { ALL_FORMATS, type Rule } from './types';

/** A legacy section named after the statistics table (`七、政府信息公开统计表`, `附表`), which must then hold it. */
const NAMED_AS_TABLE = /统计表|附表|统计数据表/;

export const missingTable: Rule = {
  id: 'missing-table',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('章节二、三、四必须有对应的统计表；旧格式中以统计表命名的章节须有“附表”');
  },
  fixes: 'some',
  check(doc, report) {
    if (formatSpec(doc.format).kind === 'legacy') {
      if (doc.tables.some((table) => table.kind === '附表')) return;
      for (const section of doc.sections) {
        if (!NAMED_AS_TABLE.test(section.name)) continue;
        // A plain Markdown table there is the statistics table written without its container: not missing.
        const k = doc.sections.indexOf(section);
        if (doc.tables.some((table) => table.sectionIndex === k)) continue;
        report({
          span: section.heading.textSpan,
          severity: 'warning',
          message: t('章节“{0}”以统计表命名，但其中没有统计表；请在此处用“::: 附表”写出统计表，或改正章节名称。', section.name),
          data: { table: '附表' },
        });
      }
      return;
    }
    for (const spec of formatSpec(doc.format).sections) {
      for (const kind of spec.tables ?? []) {
        if (doc.tables.some((table) => table.kind === kind)) continue;
        const section = doc.sections.find((s) => s.spec?.id === spec.id);
        if (!section) continue; // missing-section reports the whole section
        const table = tableSpec(doc.format, kind)!;
        const at = section.heading.span.end;
        report({
          span: section.heading.textSpan,
          message: t('“{0}”缺少“{1}”统计表；请增加“::: {2}”表格并按规定逐行填报。', spec.name, table.title, kind),
          fix: { title: t('插入“{0}”表格', kind), edits: [{ span: { start: at, end: at }, newText: `\n\n${tableText(table)}` }] },
          data: { table: kind },
        });
      }
    }
  },
};
