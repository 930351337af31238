import { t } from '../i18n';
import { CATCH_ALL, findBreakdowns, hasBreakdownMarker } from '../prose/breakdown';
import { paragraphFigures } from '../prose/figures';
import { compare, equals, format, sub, sum } from '../text/decimal';
import { ALL_FORMATS, type Rule } from './types';

/** A full-width comma between digits: a paragraph that may hold a figure like 1，234件. */
const WIDE_THOUSANDS = /[0-9０-９]，[0-9０-９]/;

export const proseSum: Rule = {
  id: 'prose-sum',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('正文中“共…，其中…”的各分项之和应等于总数');
  },
  fixes: 'some',
  check(doc, report) {
    doc.paragraphs.forEach((paragraph, k) => {
      // 1，234件 is read as 1,234件 (extractFigures), so that its sums are checked as 1,234's are; the slip is worth saying.
      if (WIDE_THOUSANDS.test(paragraph.text)) {
        for (const f of paragraphFigures(doc, k)) {
          if (!f.wideSeparator) continue;
          const written = paragraph.text.slice(f.start, f.numberEnd);
          const ascii = written.replace(/，/g, ',');
          const span = { start: paragraph.span.start + f.start, end: paragraph.span.start + f.numberEnd };
          report({
            span,
            severity: 'warning',
            message: t('“{0}”中的全角逗号“，”读作千分位，即 {1}；请改为半角“{2}”（或去掉逗号），以免读成两个数。', written, format(f.value), ascii),
            fix: { title: t('改为“{0}”', ascii), edits: [{ span, newText: ascii }] },
          });
        }
      }
      if (!hasBreakdownMarker(paragraph.text)) return;
      const base = paragraph.span.start;
      for (const b of findBreakdowns(paragraph.text, paragraphFigures(doc, k))) {
        const total = b.total.value;
        const actual = sum(b.parts.map((p) => p.figure.value));
        if (equals(actual, total)) continue;
        // Parts exceeding the total are always wrong. Parts falling short are wrong only when the list claims to be
        // complete (a 其他 part, or 包括); a 其中 often names just the highlights (其中政策文件200条，人事信息50条).
        const complete = b.marker !== '其中' || b.parts.some((p) => CATCH_ALL.test(p.label));
        const short = compare(actual, total) < 0;
        // A list left open (an item with no figure after a ；) may fall short; it may not go over.
        if (short && b.open) continue;
        const diff = sub(actual, total);
        const gapValue = diff.units < 0n ? { units: -diff.units, scale: diff.scale } : diff;
        // Highlights fall far short of the total; three or more parts that miss it by less than the smallest of
        // them are almost surely a complete list with a slip (41 + 188 + 66 = 295 of 297): a warning, not an error.
        const nearlyComplete = short && !complete && b.parts.length >= 3 && b.parts.every((p) => compare(gapValue, p.figure.value) < 0);
        if (short && !complete && !nearlyComplete) continue;
        const unit = b.total.unit;
        const gap = format(gapValue);
        const terms = b.parts.map((p) => `${p.label} ${format(p.figure.value)}`).join(' + ');
        // Parts over the total by exactly one of them: that one is most likely counted in another part as well
        // (解读类信息21条 inside 政务信息393条; 上海市科委 2024), which the sentence does not say.
        // Not a catch-all (其他1条 is what the rest comes to), and only one part of that figure.
        const alike = short ? [] : b.parts.filter((p) => equals(p.figure.value, gapValue));
        const counted = alike.length === 1 && !CATCH_ALL.test(alike[0].label) ? alike[0] : undefined;
        report({
          span: { start: base + b.total.start, end: base + b.total.end },
          ...(nearlyComplete ? { severity: 'warning' as const } : {}),
          message: nearlyComplete
            ? t(
                '“{0}”各项之和 {1} {2}（{3}）比总数 {4} {2}少 {5} {2}，差额小于其中任何一项：分项可能漏列或有误；请核对总数或各分项。',
                b.marker, format(actual), unit, terms, format(total), gap,
              )
            : counted
              ? t(
                  '“{0}”各项之和 {1} {2}（{3}）比总数 {4} {2}多 {5} {2}，正好等于“{6}”一项：若该项已计入其他分项，请在正文中注明（读者会把所列各项相加）；否则请核对总数或各分项。',
                  b.marker, format(actual), unit, terms, format(total), gap, counted.label,
                )
              : t(
                  '“{0}”各项之和 {1} {2}（{3}）与总数 {4} {2}不符，相差 {5} {2}；请核对总数或各分项。',
                  b.marker, format(actual), unit, terms, format(total), gap,
                ),
          related: b.parts.map((p) => ({
            span: { start: base + p.figure.start, end: base + p.figure.end },
            message: t('分项：{0} {1} {2}', p.label, format(p.figure.value), unit),
          })),
          data: { expected: format(actual), actual: format(total) },
        });
      }
    });
  },
};
