import { t } from '../i18n';
import { repetition } from '../prose/repetition';
import { ALL_FORMATS, type Rule } from './types';

/** Above this share of last year's wording, assessments deduct points (formats.md §9). */
export const REPETITION_LIMIT = 0.5;
const SHOWN = 5;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Year-on-year repetition: when last year's report of the same agency is known (the workspace, or the files checked
 * together), more than half of this year's prose repeating it is a warning, with the most repeated sentences.
 */
export const repetitionRule: Rule = {
  id: 'repetition',
  severity: 'warning',
  formats: ALL_FORMATS,
  get description() {
    return t('正文与上一年度年报的重复率不应超过一半');
  },
  fixes: 'none',
  check(doc, report, context) {
    const previous = context.previousYear;
    if (!previous) return;
    const found = repetition(doc, previous);
    if (found.rate <= REPETITION_LIMIT) return;
    const worst = [...found.sections].filter(([, rate]) => rate > REPETITION_LIMIT).sort((a, b) => b[1] - a[1]);
    const names = worst.map(([k, rate]) => `${doc.sections[k]?.name ?? t('开头')} ${percent(rate)}`).join('、');
    report({
      span: doc.title?.textSpan ?? doc.sections[0]?.heading.textSpan ?? { start: 0, end: 0 },
      message: t(
        '正文约 {0} 与 {1} 年报相同或仅改了数字、年份（超过一半时考核扣分）；重复较多的部分：{2}。请按本年度的实际工作重写。',
        percent(found.rate), previous.year ?? t('上一年度'), names || t('全文'),
      ),
      related: found.repeated.slice(0, SHOWN).map((r) => ({
        span: r.span,
        message: t('与上年报告中的一句相似度 {0}', percent(r.similarity)),
      })),
      data: { rate: Math.round(found.rate * 1000) / 1000, sections: Object.fromEntries([...found.sections].map(([k, rate]) => [doc.sections[k]?.name ?? '', Math.round(rate * 1000) / 1000])) },
    });
  },
};
