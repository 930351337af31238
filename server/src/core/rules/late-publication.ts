import { t } from '../i18n';
import { ALL_FORMATS, type Rule } from './types';

/**
 * 条例 第四十九条: departments publish by 31 January; the government's own report (人民政府) by 31 March.
 * Before 2019 the deadline was 31 March for everyone (old 条例 第三十一条).
 */
export const latePublication: Rule = {
  id: 'late-publication',
  severity: 'warning',
  formats: ALL_FORMATS,
  description: '发布日期不得晚于法定期限（次年 1 月 31 日；人民政府为 3 月 31 日）',
  check(doc, report) {
    const entry = doc.frontMatter?.entries.find((e) => e.canonical === 'published');
    if (!entry || typeof entry.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.value) || doc.year === undefined) return;
    const agency = doc.frontMatter?.entries.find((e) => e.canonical === 'agency')?.value;
    const government = typeof agency === 'string' && /人民政府$/.test(agency.trim());
    const march = doc.year < 2019 || government;
    const deadline = `${doc.year + 1}-${march ? '03-31' : '01-31'}`;
    if (entry.value > deadline) {
      report({
        span: entry.valueSpan,
        message: march
          ? t('发布日期 {0} 晚于法定期限 {1}（应在次年 3 月 31 日前公布）。', entry.value, deadline)
          : t('发布日期 {0} 晚于法定期限 {1}（《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年 1 月 31 日前公布上一年度报告）。', entry.value, deadline),
        data: { deadline },
      });
    } else if (entry.value <= `${doc.year}-12-31`) {
      report({
        span: entry.valueSpan,
        message: t('发布日期 {0} 在报告年度 {1} 结束之前，统计期不可能覆盖全年；请核对发布日期或年度。', entry.value, doc.year),
      });
    }
  },
};
