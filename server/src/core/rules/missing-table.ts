import { formatSpec, tableSpec } from '../formats/index';
import { t } from '../i18n';
import { tableText } from '../skeleton';
import { NATIONAL_FORMATS, type Rule } from './types';

export const missingTable: Rule = {
  id: 'missing-table',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  description: '章节二、三、四必须有对应的统计表',
  check(doc, report) {
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
