import { t } from '../i18n';
import { coversWholeYear, findBlankPeriods, findPeriods, periodYears } from '../prose/period';
import { ALL_FORMATS, type Rule } from './types';

/**
 * A 截至 date early in the next year (by the end of March, before the report is due out): when late figures were
 * counted. A date later than that (截至2024年12月31日 in a 2023 report) is a period of its own, and wrong.
 */
function lateFiguresCounted(to: { year?: number; month: number }, year: number): boolean {
  return to.year === year + 1 && to.month <= 3;
}

/** The report covers a calendar year; a period cut short (至12月20日止) or in another year misstates every figure. */
export const period: Rule = {
  id: 'period',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('统计期限应为报告年度的 1 月 1 日至 12 月 31 日');
  },
  fixes: 'some',
  check(doc, report) {
    const year = doc.year;
    for (const span of findBlankPeriods(doc)) {
      const full = year === undefined ? undefined : `自${year}年1月1日至${year}年12月31日`;
      report({
        span,
        message: full
          ? t('统计期限“{0}”缺少起止日期；应为“{1}”。', doc.text.slice(span.start, span.end), full)
          : t('统计期限“{0}”缺少起止日期；请写明报告年度的 1 月 1 日至 12 月 31 日。', doc.text.slice(span.start, span.end)),
        fix: full ? { title: t('改为“{0}”', full), edits: [{ span, newText: full }] } : undefined,
        data: full ? { expected: full } : undefined,
      });
    }
    const periods = findPeriods(doc);
    // The whole report year stated: a 截至 date after its end (部分数据截至2024年1月10日) says when late figures were
    // counted, not that the period falls short; it was reported as not covering the year.
    const yearStated = year !== undefined && periods.some((p) => p.from && coversWholeYear(p) && periodYears(p).every((y) => y.year === year));
    for (const p of periods) {
      const whole = coversWholeYear(p);
      const others = year === undefined ? [] : periodYears(p).filter((y) => y.year !== year);
      if (whole && others.length === 0) continue;
      if (yearStated && !p.from && lateFiguresCounted(p.to, year)) continue;
      const written = doc.text.slice(p.span.start, p.span.end);
      const y = year ?? p.to.year;
      const full = y === undefined ? '1月1日至12月31日' : `${y}年1月1日至${y}年12月31日`;
      const message = !whole
        ? others.length > 0
          ? t('统计期限“{0}”未覆盖完整年度，且不是报告年度 {1} 年；应为 {2}。', written, year!, full)
          : p.from
            ? t('统计期限“{0}”未覆盖完整年度；年度报告应统计 {1} 的数据，请改正期限或补齐数据。', written, full)
            : t('数据统计截至“{0}”，未覆盖完整年度；年度报告应统计 {1} 的数据，请改正期限或补齐数据。', written, full)
        : t('统计期限“{0}”是 {1} 年，不是报告年度 {2} 年；应为 {3}。', written, others[0].year, year!, full);
      const replacement = p.from ? full : y !== undefined && p.to.year !== undefined ? `${y}年12月31日` : '12月31日';
      report({
        span: p.span,
        message,
        fix: y === undefined && p.from ? undefined : { title: t('改为“{0}”', replacement), edits: [{ span: p.span, newText: replacement }] },
        data: { expected: replacement },
      });
    }
  },
};
