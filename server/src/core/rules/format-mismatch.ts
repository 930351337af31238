import { formatForYear, formatSpec, formatsOfKind } from '../formats/index';
import { t } from '../i18n';
import { ALL_FORMATS, type Rule } from './types';

/** A report in a format that does not fit its year (a 2022 report in the 2019 layout is a real, common mistake). */
export const formatMismatch: Rule = {
  id: 'format-mismatch',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('所用格式须与报告年度相符，表格类型须属于该格式');
  },
  fixes: 'some',
  check(doc, report) {
    const declared = doc.frontMatter?.entries.find((e) => e.canonical === 'format');
    if (doc.year !== undefined && doc.formatSource !== 'year' && doc.formatSource !== 'default') {
      const fitting = formatForYear(doc.year);
      if (fitting !== doc.format) {
        report({
          span: declared && doc.formatSource === 'front-matter' ? declared.valueSpan : doc.title?.textSpan ?? { start: 0, end: 0 },
          message: t('{0} 年度的报告应使用 {1} 格式，但本报告按 {2} 格式填写；请改用 {1} 格式。', doc.year, fitting, doc.format),
          data: { expected: fitting },
          fix: declared && doc.formatSource === 'front-matter' ? { title: t('改为 {0}', fitting), edits: [{ span: declared.valueSpan, newText: fitting }] } : undefined,
        });
      }
    }
    for (const table of doc.tables) {
      if (!table.kind) continue;
      const spec = formatSpec(doc.format);
      if (spec.tableKinds.includes(table.kind)) continue;
      const owners = formatsOfKind(spec.kind === 'legacy' ? 'national' : 'legacy').filter((f) => f.tableKinds.includes(table.kind!));
      const ownerIds = (owners.length ? owners : [spec]).map((f) => f.id).join('/');
      report({
        span: table.kindSpan,
        message: t('“{0}”表属于 {1} 格式；{2} 格式的统计表为：{3}。', table.kind, ownerIds, doc.format, spec.tableKinds.map((k) => `“::: ${k}”`).join('、')),
      });
    }
  },
};
