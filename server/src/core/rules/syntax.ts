import { closest } from 'fastest-levenshtein';
import { describeTableKinds, TABLE_KINDS } from '../formats/index';
import { t } from '../i18n';
import { ALL_FORMATS, type Rule } from './types';

/** A kind as a message quotes it: a container line may be a megabyte long. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Containers that are unclosed, stray, or of an unknown kind: the structure the other rules depend on. */
export const syntax: Rule = {
  id: 'syntax',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('表格容器（::: … :::）的写法必须正确');
  },
  fixes: 'some',
  check(doc, report) {
    for (const p of doc.syntaxProblems) {
      if (p.kind === 'unreadable') {
        report({ span: p.span, message: t('无法解析此文档（{0}），已按空文档处理；请报告此问题。', p.reason) });
        continue;
      }
      const message =
        p.kind === 'unclosed-container'
          ? t('表格容器“::: {0}”没有以“:::”结束；请在表格最后一行之后加一行“:::”。', clip(p.kindText))
          : t('多余的“:::”：前面没有打开的表格容器；请删除这一行，或在表格前加上“::: 表格类型”。');
      report({ span: p.span, message });
    }
    for (const table of doc.tables) {
      if (table.kind) continue;
      const suggestion = closest(table.kindText, TABLE_KINDS);
      report({
        span: table.kindSpan,
        message: t('未知的表格类型“{0}”；可用的类型为 {1}。是否想写“{2}”？', clip(table.kindText), describeTableKinds(t('格式')), suggestion),
        fix: { title: t('改为“{0}”', suggestion), edits: [{ span: table.kindSpan, newText: suggestion }] },
      });
    }
  },
};
