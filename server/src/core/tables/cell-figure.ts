import type { Cell } from '../ast';
import type { Decimal } from '../text/decimal';

/**
 * The one reading of a table cell as a figure, for every check that adds, compares or quotes cells (sums, the prose
 * checks, last year's report). Blank-cell semantics, after reference §6:
 *
 * - a number, or a zero mark (`—`, `-`, `/`, `无`, read as 0), is a **figure**;
 * - a cell with nothing written is **blank** (`null`): unfilled, which is not the same as 0. What a blank means is the
 *   caller's policy, said where it is applied: in a sum of the national tables a blank part counts as 0 and a blank
 *   total is not checked; the legacy 附表 and the prose checks compare only filled figures;
 * - text that is not a figure, or **no cell at all** (a row shorter than its table, which `cell-count` reports), is
 *   **unreadable** (`undefined`): a sum through it is not checked, whatever the caller does with blanks.
 */
export function cellReading(cell: Cell | undefined): Decimal | null | undefined {
  if (!cell) return undefined;
  if (cell.state === 'blank') return null;
  return cell.state === 'number' || cell.state === 'zero-mark' ? cell.value : undefined;
}

/** The figure written in a cell, or undefined where none is (blank, text or no cell): for checks that need a figure. */
export function cellFigure(cell: Cell | undefined): Decimal | undefined {
  return cellReading(cell) ?? undefined;
}
