import { t } from '../i18n';
import { extractFigures } from '../prose/figures';
import { splitSentences } from '../prose/sentences';
import type { Rule } from './types';

/** Speaks of a fee. */
const FEE = /处理费|收费|费用/;
/** Says none was charged (未收取, 没有收取, 无, 零, 免收). */
const NONE = /未|没有|无|不|零|免/;

/** Whether a sentence states what was collected: an amount in 元, or that nothing was. */
function statesFee(sentence: string): boolean {
  if (!FEE.test(sentence)) return false;
  if (NONE.test(sentence)) return true;
  return /处理费/.test(sentence) && extractFigures(sentence).some((f) => f.unit === '元' || f.unit === '万元');
}

/** 国办公开办函〔2021〕30号: section 六 reports the 信息处理费 collected under 国办函〔2020〕109号 (or that none was). */
export const feeStatement: Rule = {
  id: 'fee-statement',
  severity: 'warning',
  formats: (format) => format.feeStatement,
  get description() {
    return t('“其他需要报告的事项”应说明信息处理费的收取情况');
  },
  fixes: 'none',
  check(doc, report) {
    const k = doc.sections.findIndex((s) => s.spec?.id === 'other');
    if (k < 0) return;
    for (const paragraph of doc.paragraphs) {
      if (paragraph.sectionIndex !== k) continue;
      for (const s of splitSentences(paragraph.text)) if (statesFee(paragraph.text.slice(s.start, s.end))) return;
    }
    report({
      span: doc.sections[k].heading.span,
      message: t(
        '“其他需要报告的事项”未说明信息处理费的收取情况；2021 年格式要求写明本年度依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（如“本年度共收取信息处理费 0 元”或“本年度未收取信息处理费”）。',
      ),
      data: { section: 'other' },
    });
  },
};
