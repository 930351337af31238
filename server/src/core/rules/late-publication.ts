import { t } from '../i18n';
import { reportLevel } from '../report-level';
import { ALL_FORMATS, type Rule } from './types';

/**
 * 条例 第四十九条: departments publish by 31 January; the whole government's report (本级政府, see report-level.ts)
 * by 31 March. Before 2019 the deadline was 31 March for everyone (old 条例 第三十一条).
 */
export const latePublication: Rule = {
  id: 'late-publication',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('发布日期不得晚于法定期限（部门为次年 1 月 31 日；本级政府为 3 月 31 日）');
  },
  fixes: 'none',
  check(doc, report) {
    const entry = doc.frontMatter?.entries.find((e) => e.canonical === 'published');
    if (!entry || typeof entry.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.value) || doc.year === undefined) return;
    const { level, source } = reportLevel(doc);
    const before2019 = doc.year < 2019;
    const march = before2019 || level === 'government';
    const deadline = `${doc.year + 1}-${march ? '03-31' : '01-31'}`;
    if (entry.value > deadline) {
      report({
        span: entry.valueSpan,
        message: before2019
          ? t('发布日期 {0} 晚于法定期限 {1}（2008 年《条例》第三十一条：应在次年 3 月 31 日前公布）。', entry.value, deadline)
          : level === 'government'
            ? t('发布日期 {0} 晚于本级政府年报的法定期限 {1}（《条例》第四十九条：本级政府上一年度年报应于 3 月 31 日前公布）。', entry.value, deadline)
            : source === 'front-matter'
              ? t('发布日期 {0} 晚于部门年报的法定期限 {1}（《条例》第四十九条：县级以上人民政府部门应于每年 1 月 31 日前公布上一年度年报）。', entry.value, deadline)
              : t('发布日期 {0} 晚于部门年报的法定期限 {1}（《条例》第四十九条：县级以上人民政府部门应于每年 1 月 31 日前公布上一年度年报）。如本报告是本级政府（人民政府、管委会等）的整体年报，期限为 3 月 31 日：请在前置元数据中写“层级: 本级政府”。', entry.value, deadline),
        data: { deadline, level },
      });
    } else if (entry.value <= `${doc.year}-12-31`) {
      report({
        span: entry.valueSpan,
        message: t('发布日期 {0} 在报告年度 {1} 结束之前，统计期不可能覆盖全年；请核对发布日期或年度。', entry.value, doc.year),
      });
    }
  },
};
