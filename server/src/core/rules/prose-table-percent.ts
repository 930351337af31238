import { t } from '../i18n';
import type { TableFigure } from '../prose/table-figures';
import { tableStatements } from '../prose/table-statements';
import { RESULT_CATEGORIES } from '../prose/requests-text';
import { format } from '../text/decimal';
import { NATIONAL_FORMATS, type Rule } from './types';

/** The words between a count and its share: `，占`, `（占总数的`… */
const PERCENT_LEAD = /^\s?[，,（(、]?\s?占(?:比为?|总数的?|总量的?|办结总数的?|全部申请的?)?\s?$/;

/**
 * `予以公开13件，占54.17%`: the share of the results' 总计 (or of the requests received), to the printed precision.
 * Reports divide by different bases (总计, 新收, 新收 + 上年结转); any of them that gives the printed figure is right.
 */
export const proseTablePercent: Rule = {
  id: 'prose-table-percent',
  formerId: 'prose-table',
  severity: 'error',
  formats: NATIONAL_FORMATS,
  get description() {
    return t('正文中办理结果所占的百分比应与统计表算出的一致');
  },
  fixes: 'none',
  check(doc, report) {
    const statements = tableStatements(doc);
    if (!statements) return;
    const { tables } = statements;
    const total = tables.figure('total');
    if (!total || total.value.scale !== 0 || total.value.units <= 0n) return;
    const bases = [total, tables.figure('new'), tables.figure('received')]
      .filter((b): b is TableFigure => !!b && b.value.scale === 0 && b.value.units > 0n)
      .map((b) => b.value.units);
    for (const { base, percents } of statements.paragraphs) {
      for (const { percent: pct, count, reading, between } of percents) {
        if (!RESULT_CATEGORIES.has(reading.category) || pct.approximate || count.value.scale !== 0) continue;
        if (!PERCENT_LEAD.test(between)) continue;
        const printed = pct.value.units;
        const unit = 10n ** BigInt(pct.value.scale);
        const c = count.value.units * 100n * unit;
        // Within one unit of the last printed digit: allows rounding and truncation.
        const close = (b: bigint) => abs(printed * b - c) < b;
        if (bases.some(close)) continue;
        const b = total.value.units;
        const expected = format({ units: (2n * c + b) / (2n * b), scale: pct.value.scale });
        report({
          span: { start: base + pct.start, end: base + pct.end },
          message: t(
            '正文称{0} {1} 件占 {2}%，但按统计表“（七）总计”{3} 件计算应为 {4}%；请核对。',
            reading.keyword, format(count.value), format(pct.value), format(total.value), expected,
          ),
          related: total.cells,
          data: { expected, actual: format(pct.value) },
        });
      }
    }
  },
};

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}
