import { findLast } from '../arrays';
import type { TableRow } from '../ast';
import { splitNumbering } from '../text/normalize';

/** Outline level of a 附表 label: 一、 = 1, （一） = 2, 1. / 1、 = 3, （1） = 4; an unnumbered row is top level. */
export function outlineLevel(label: string): number {
  const { numbering } = splitNumbering(label);
  if (!numbering) return 1;
  if (/^第?[一二三四五六七八九十]+[、.．:：]$/.test(numbering)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(numbering)) return 2;
  if (/^[（(][0-9０-９]+[）)]/.test(numbering)) return 4;
  return 3;
}

const QIZHONG = /^\s*其中\s*[:：,，、]?\s*/;

type Placed = { -readonly [K in 'depth' | 'parentIndex']: TableRow[K] };

/**
 * Assigns each data row of a legacy 附表 its depth and the row its figures add up to, from outline numbering and
 * `其中`: a `其中：…` row breaks down the row just above it, and rows numbered like it continue that breakdown.
 * The rows were just built by the parser (with both fields, undefined) and have not escaped it, so they are set in
 * place: a spread copy of each row took the V8 slow path and cost more than the rest of the table's parse.
 */
export function assignHierarchy(rows: readonly TableRow[]): void {
  type Open = { level: number; index: number };
  const stack: Open[] = [];
  let previousData = -1;
  const place = (row: TableRow, depth: number, parentIndex: number | undefined) => {
    const placed = row as Placed;
    placed.depth = depth;
    placed.parentIndex = parentIndex;
  };
  rows.forEach((row, index) => {
    if (row.kind !== 'data') return;
    const label = row.label.text;
    const qizhong = QIZHONG.exec(label);
    const rest = qizhong ? label.slice(qizhong[0].length) : label;
    let level = outlineLevel(rest);
    let parentIndex: number | undefined;
    if (qizhong && previousData >= 0) {
      // Searched from the innermost: the row above is nearly always on top, and a run of `其中` rows each breaking
      // down the one above nests one deeper a row (searched from the outermost, that was quadratic).
      const anchor = findLast(stack, (o) => o.index === previousData) ?? { level: 0, index: previousData };
      if (level <= anchor.level) level = anchor.level + 0.5;
      while (stack.length && stack[stack.length - 1].index !== anchor.index) stack.pop();
      if (!stack.length) stack.push(anchor);
      parentIndex = anchor.index;
      if (!rest.trim()) {
        // A bare `其中：` line: its figures-less marker stands for the anchor, so the numbered rows below join it.
        stack.push({ level: level, index: anchor.index });
        previousData = index;
        place(row, stack.length, undefined);
        return;
      }
    } else {
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      parentIndex = stack.length ? stack[stack.length - 1].index : undefined;
    }
    stack.push({ level, index });
    previousData = index;
    place(row, stack.length, parentIndex);
  });
}
