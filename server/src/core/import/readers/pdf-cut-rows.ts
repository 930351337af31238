import { isFigure, joinWrapped, NUMBERED, type CellBox, type LaidLine } from './pdf-page';

/**
 * A row of a table that a page break cuts (a row Word or LibreOffice lets split, its label wrapped over several lines)
 * is printed in two parts: the label's first lines at the foot of one page, the rest at the head of the next, the
 * figures in whichever part the writer put them (LibreOffice centres them in the first part or in the second). Read
 * as it is drawn, that is two rows: the first row of the next page's part of the table (its repeated heading rows
 * already dropped) is joined to the last row of the page before, cell by cell, where the evidence is clear:
 *
 * - the two rows have the same cells (the same column rules), and no column holds a figure in both parts;
 * - the second part does not start a label of its own (`（三）…`, `4.…`);
 * - and the cut shows: the table's edge at the cut is not drawn (the page before's part has no bottom rule, or the
 *   next page's part no top rule), or the first part's text fills its cell to the right side (wrapped, it goes on)
 *   and the second part goes on with text in that cell, or the second part has figures and no label at all.
 *
 * A blank row followed by a row of figures stays two rows unless the first one's label visibly goes on.
 */
export function joinCutRows(lines: readonly LaidLine[]): LaidLine[] {
  const out: LaidLine[] = [];
  for (const row of lines) {
    const prev = out[out.length - 1];
    const joined = prev && cutRowJoined(prev, row);
    if (joined) out[out.length - 1] = joined;
    else out.push(row);
  }
  return out;
}

const near = (a: CellBox, b: CellBox) => Math.abs(a.left - b.left) <= 2 && Math.abs(a.right - b.right) <= 2;

function cutRowJoined(first: LaidLine, second: LaidLine): LaidLine | undefined {
  if (!first.cells || !second.cells || !first.boxes || !second.boxes || first.page >= second.page) return undefined;
  // The last row of its part (every cell reaches the table's foot) and the same cells after the break.
  if (!first.boxes.every((b) => b.bottom) || first.cells.length !== second.cells.length || first.boxes.some((b, k) => !near(b, second.boxes![k]))) return undefined;
  const [a, b] = [first.cells, second.cells];
  if (b.every((c) => c.trim() === '') || a.some((c, k) => isFigure(c) && isFigure(b[k]))) return undefined;
  if (b.some((c) => NUMBERED.test(c.trim()))) return undefined;
  const text = (c: string) => c.trim() !== '' && !isFigure(c);
  // Text in the second part goes on only from text in the first that fills its cell.
  const goesOn = b.every((c, k) => !text(c) || (text(a[k]) && first.boxes![k].full === true));
  const openEdge = first.cut?.bottom === true || second.cut?.top === true;
  const figuresOnly = !b.some(text) && a.some(text);
  if (!(openEdge || (goesOn && b.some(text)) || figuresOnly)) return undefined;
  // A figure from whichever part holds it; text joined as a wrapped line (nothing is dropped).
  const cells = a.map((c, k) => joinWrapped(c.trim(), b[k].trim()));
  const boxes = first.boxes.map((box, k) => ({ ...box, full: second.boxes![k].full }));
  return { ...first, cells, boxes, text: cells.join('\t'), bottom: second.bottom, cut: { top: first.cut?.top ?? false, bottom: second.cut?.bottom ?? false } };
}
