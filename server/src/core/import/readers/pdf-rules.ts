import type { PdfRule } from './pdf-page';

/**
 * The rules a page draws, from pdf.js's operator list: thin filled rectangles (how Chromium and most converters draw
 * table borders) and stroked straight lines (how Word draws them), placed on the page through the transformation
 * matrix in force. Curves, images and thick fills are not rules.
 */

/** pdf.js operator codes used here (OPS in pdf.js 5, whose constructPath carries the paint, the path and its box). */
export const OP = { save: 10, restore: 11, transform: 12, constructPath: 91 } as const;
/** Painting operators (stroke … closeEOFillStroke); anything else (a clip, endPath) paints nothing. */
export const PAINT_FIRST = 20;
export const PAINT_LAST = 27;
export const STROKES: ReadonlySet<number> = new Set([20, 21, 24, 25, 26, 27]);
/** Path drawing codes inside constructPath's data (DrawOPS in pdf.js 5). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

const THIN = 2.5;

export type Matrix = [number, number, number, number, number, number];

export function rulesOf(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, limit = 20_000): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length && rules.length < limit; i++) {
    const fn = fnArray[i];
    if (fn === OP.save) stack.push(ctm);
    else if (fn === OP.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OP.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === OP.constructPath) {
      const [paint, paths, box] = argsArray[i] as [number, ArrayLike<unknown>, ArrayLike<number> | null];
      if (paint < PAINT_FIRST || paint > PAINT_LAST) continue;
      if (STROKES.has(paint)) for (const path of Array.from(paths ?? [])) strokedLines(path as ArrayLike<number>, ctm, rules);
      else if (box) {
        const r = rectOnPage(box[0], box[1], box[2], box[3], ctm);
        if (r.x2 - r.x1 <= THIN || r.y2 - r.y1 <= THIN) rules.push(r);
      }
    }
  }
  return rules;
}

/** The straight axis-aligned segments of a stroked path. */
function strokedLines(data: ArrayLike<number> | null | undefined, ctm: Matrix, out: PdfRule[]): void {
  if (!data || typeof data.length !== 'number') return;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const segment = (x1: number, y1: number, x2: number, y2: number) => {
    const r = rectOnPage(x1, y1, x2, y2, ctm);
    if ((r.x2 - r.x1 <= THIN) !== (r.y2 - r.y1 <= THIN)) out.push(r);
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k];
    if (op === MOVE) {
      x = startX = data[k + 1];
      y = startY = data[k + 2];
      k += 3;
    } else if (op === LINE) {
      segment(x, y, data[k + 1], data[k + 2]);
      x = data[k + 1];
      y = data[k + 2];
      k += 3;
    } else if (op === CURVE) {
      x = data[k + 5];
      y = data[k + 6];
      k += 7;
    } else if (op === QUAD) {
      x = data[k + 3];
      y = data[k + 4];
      k += 5;
    } else if (op === CLOSE) {
      segment(x, y, startX, startY);
      x = startX;
      y = startY;
      k += 1;
    } else return; // an unknown code: the rest cannot be read
  }
}

export function multiply(m: Matrix, n: Matrix): Matrix {
  // cm: the new matrix maps through n first, then m.
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function rectOnPage(x1: number, y1: number, x2: number, y2: number, m: Matrix): PdfRule {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[x1, y1], [x2, y2], [x1, y2], [x2, y1]]) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}
