import type { Cell } from '../ast';
import type { ColumnSpec } from '../formats/types';
import { t } from '../i18n';
import { format, isInteger, isTooLong, isUnsafe, MAX_INTEGER_DIGITS, MAX_SCALE, parseDecimal } from '../text/decimal';
import { hasFullWidthDigit, toHalfWidthDigits, toHalfWidthFigure } from '../text/normalize';
import { columnsOf } from '../tables/grid';
import type { Finding } from './types';
import { ALL_FORMATS, type Rule } from './types';

/** A figure typed with its unit (3件, 251000元): the figure alone is the fix. */
const WITH_UNIT = /^([0-9０-９][0-9０-９,，.．]*)\s*(条|件|个|项|次|篇|份|人|家|万元|元|%|％)$/;

/** A cell's text as a message quotes it: at most 40 characters (a cell may hold 200,000 digits). */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A number written with more digits than a figure may have (parseDecimal refuses it, so the cell reads as invalid). */
function tooLong(text: string): boolean {
  const s = toHalfWidthDigits(text).replace(/[,，]/g, '').replace(/．/g, '.').replace(/^[－﹣]/, '-').replace(/^＋/, '+');
  return /^[+-]?[0-9]+(?:\.[0-9]+)?$/.test(s) && isTooLong(s);
}

function reportTooLong(cell: Cell, report: (f: Finding) => void): void {
  report({
    span: cell.span,
    message: t('数值“{0}”位数过多（整数部分最多 {1} 位、小数部分最多 {2} 位），无法核对；很可能是录入错误，请核对。', clip(cell.text), MAX_INTEGER_DIGITS, MAX_SCALE),
  });
}

function checkCell(cell: Cell, column: ColumnSpec | undefined, report: (f: Finding) => void): void {
  const kind = column?.kind;
  if (cell.state === 'invalid') {
    if (tooLong(cell.text)) {
      reportTooLong(cell, report);
      return;
    }
    const unit = WITH_UNIT.exec(cell.text);
    if (unit) {
      const plain = toHalfWidthDigits(unit[1]).replace(/[,，]/g, '').replace(/．/g, '.');
      const value = parseDecimal(plain);
      // A sum in 元 typed into a column headed 万元: the figure the column wants is a ten-thousandth of it. A column
      // without a unit (2019 采购总金额) only loses the unit.
      const inYuan = column?.unit === '万元' && unit[2] === '元' && value;
      const figure = inYuan ? format({ units: value.units, scale: value.scale + 4 }) : plain;
      report({
        span: cell.span,
        message: inYuan
          ? t('单元格“{0}”中含有单位“元”；此列以万元为单位，只填数字，应为“{1}”。', clip(cell.text), figure)
          : t('单元格“{0}”中含有单位“{1}”；表格单元格只填数字，应为“{2}”。', clip(cell.text), unit[2], figure),
        // Dropping the unit keeps the figure; turning 元 into 万元 changes it on the guess that the unit, not the column, is right.
        fix: { title: t('改为“{0}”', figure), edits: [{ span: cell.span, newText: figure }], safe: !inYuan },
      });
    } else {
      report({ span: cell.span, message: t('单元格“{0}”不是有效的数值；请填写数字（没有的填 0）。', clip(cell.text)) });
    }
    return;
  }
  if (!cell.value) return;
  // -0 reads as 0, but a sign on nothing is a slip: a lost digit (-10) or a zero mark typed as a minus.
  if (cell.state === 'number' && cell.value.units === 0n && /^[-－]/.test(cell.text)) {
    report({
      span: cell.span,
      message: t('“{0}”是带负号的零；0 没有正负，请写 0（或核对是否漏了数字）。', cell.text),
      fix: { title: t('改为“{0}”', '0'), edits: [{ span: cell.span, newText: '0' }] },
    });
    return;
  }
  if (isUnsafe(cell.value)) {
    report({ span: cell.span, message: t('数值“{0}”过大（超过 2^53），很可能是录入错误；请核对。', cell.text) });
    return;
  }
  if (kind && kind !== 'money' && !isInteger(cell.value)) {
    report({ span: cell.span, message: t('“{0}”不是整数；此列为件数、项数，只能填整数。', cell.text) });
  }
  if (kind && kind !== 'signed' && cell.value.units < 0n) {
    report({ span: cell.span, message: t('“{0}”是负数；此列不能为负（只有 2019 格式的“本年增/减”可以为负）。', cell.text) });
  }
  if (cell.fullWidth) {
    const half = format(cell.value);
    report({
      span: cell.span,
      severity: 'hint',
      message: hasFullWidthDigit(cell.text)
        ? t('“{0}”使用了全角数字，已按 {1} 读取；建议改为半角数字。', cell.text, half)
        : t('“{0}”使用了全角符号，已按 {1} 读取；建议改为半角。', cell.text, half),
      fix: { title: t('改为半角“{0}”', half), edits: [{ span: cell.span, newText: toHalfWidthFigure(cell.text) }], safe: true },
    });
  }
}

export const cellValue: Rule = {
  id: 'cell-value',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('表格单元格须是有效数值：整数、金额列可为小数，不含单位');
  },
  fixes: 'some',
  check(doc, report) {
    for (const table of doc.tables) {
      for (const row of table.rows) {
        if (row.kind !== 'data') continue;
        if (table.spec) {
          if (!row.match) continue;
          const columns = columnsOf(row.match.row, table.spec);
          row.values.forEach((cell, k) => checkCell(cell, columns[k], report));
        } else if (table.kind === '附表') {
          row.values.forEach((cell) => checkCell(cell, undefined, report));
        }
      }
    }
    // Other Markdown tables may hold any text, but a number too long to add up is reported there too.
    for (const table of doc.plainTables) {
      for (const row of table.rows) {
        if (row.kind !== 'data') continue;
        for (const cell of row.values) if (cell.state === 'invalid' && tooLong(cell.text)) reportTooLong(cell, report);
      }
    }
  },
};
