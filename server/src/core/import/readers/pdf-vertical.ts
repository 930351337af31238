import type { PdfTextItem } from './pdf-page';
import { multiply, OP, type Matrix } from './pdf-rules';

/**
 * Text in a vertical-writing font (a Type0 font with the Identity-V CMap), read from pdf.js's operator list instead of
 * its text content. WPS prints a table cell whose text runs downwards (the 依申请 table's “三、本年度办理结果” down its
 * narrow left column) so, placing each character on its own under a text matrix scaled by 1/20. pdf.js's text
 * content drops every such character that lies less than twenty font sizes above the page's foot: it compares the
 * glyph's advance in text units with page coordinates when it checks that a glyph is on the page. On the real 洪泽区
 * 2024 PDF only “三、本” of the nine characters came through. The operator list keeps every glyph; here each is placed
 * the way the PDF specification places a vertical glyph: its position is the top centre of the glyph, which fills
 * the em below it, and the next one follows by the glyph's vertical advance.
 */

/** Text operators of pdf.js's operator list (OPS in pdf.js 5). TJ, ' and " come as showText after their moves. */
export const TEXT_OP = {
  formBegin: 74,
  formEnd: 75,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
} as const;

/** What the reader needs of a font pdf.js loaded (page.commonObjs). */
export interface LoadedFont {
  readonly vertical?: boolean;
  readonly fontMatrix?: ArrayLike<number>;
  /** [vertical advance, x and y of the position vector], in glyph units. */
  readonly defaultVMetrics?: ArrayLike<number>;
}

interface Glyph {
  readonly unicode?: string;
  readonly width?: number;
  readonly vmetric?: ArrayLike<number>;
  readonly isSpace?: boolean;
}

interface TextState {
  font?: LoadedFont;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  rise: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const translate = (m: Matrix, x: number, y: number): Matrix => multiply(m, [1, 0, 0, 1, x, y]);

/** The glyphs of vertical fonts on a page, one item each, flagged `vertical`; `fontOf` gives a font by its loaded name. */
export function verticalGlyphs(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, fontOf: (name: string) => LoadedFont | undefined, limit = 100_000): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  const stack: Array<{ ctm: Matrix; state: TextState }> = [];
  let ctm = IDENTITY;
  let state: TextState = { size: 0, charSpacing: 0, wordSpacing: 0, leading: 0, rise: 0 };
  let tm = IDENTITY;
  let tlm = IDENTITY;
  const move = (x: number, y: number) => {
    tlm = translate(tlm, x, y);
    tm = tlm;
  };
  for (let i = 0; i < fnArray.length && items.length < limit; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    const num = (k: number) => (typeof args[k] === 'number' ? args[k] : 0);
    if (fn === OP.save) stack.push({ ctm, state: { ...state } });
    else if (fn === OP.restore) ({ ctm, state } = stack.pop() ?? { ctm, state });
    else if (fn === OP.transform) ctm = multiply(ctm, matrixOf(args));
    // A form XObject draws under its own matrix (pdf.js inlines it between these two).
    else if (fn === TEXT_OP.formBegin) {
      stack.push({ ctm, state: { ...state } });
      ctm = multiply(ctm, matrixOf(args));
    } else if (fn === TEXT_OP.formEnd) ({ ctm, state } = stack.pop() ?? { ctm, state });
    else if (fn === TEXT_OP.beginText) tm = tlm = IDENTITY;
    else if (fn === TEXT_OP.setCharSpacing) state.charSpacing = num(0);
    else if (fn === TEXT_OP.setWordSpacing) state.wordSpacing = num(0);
    else if (fn === TEXT_OP.setLeading) state.leading = num(0);
    else if (fn === TEXT_OP.setTextRise) state.rise = num(0);
    else if (fn === TEXT_OP.setFont) {
      state.font = typeof args[0] === 'string' ? safeFont(fontOf, args[0]) : undefined;
      state.size = num(1);
    } else if (fn === TEXT_OP.moveText) move(num(0), num(1));
    else if (fn === TEXT_OP.setLeadingMoveText) {
      state.leading = -num(1);
      move(num(0), num(1));
    } else if (fn === TEXT_OP.setTextMatrix) tm = tlm = matrixOf(args);
    else if (fn === TEXT_OP.nextLine) move(0, -state.leading);
    else if (fn === TEXT_OP.showText && Array.isArray(args[0])) tm = show(args[0] as Array<Glyph | number>, state, tm, ctm, items);
  }
  return items;
}

/** Shows glyphs from text matrix `tm`, adding the vertical font's glyphs to `out`; returns the text matrix after them. */
function show(glyphs: ReadonlyArray<Glyph | number>, state: TextState, tm: Matrix, ctm: Matrix, out: PdfTextItem[]): Matrix {
  const font = state.font;
  const unit = (font?.fontMatrix?.[0] ?? 0.001) * state.size;
  for (const g of glyphs) {
    if (typeof g === 'number') {
      // A TJ adjustment, in thousandths of the font size: down the column, or back along the line.
      tm = font?.vertical ? translate(tm, 0, (-g / 1000) * state.size) : translate(tm, (-g / 1000) * state.size, 0);
      continue;
    }
    if (!g || typeof g !== 'object') continue;
    const spacing = state.charSpacing + (g.isSpace ? state.wordSpacing : 0);
    if (!font?.vertical) {
      tm = translate(tm, (g.width ?? 0) * unit + spacing, 0);
      continue;
    }
    const [advance, vx, vy] = metricsOf(g, font);
    const text = g.unicode ?? '';
    if (text.trim() !== '') out.push(placed(text, (g.width ?? 1000) / 1000, vx / 1000, vy / 1000, state, tm, ctm));
    // The advance is negative: the next glyph goes below; character spacing moves it further down (as pdf.js does).
    tm = translate(tm, 0, advance * unit - spacing);
  }
  return tm;
}

function metricsOf(g: Glyph, font: LoadedFont): [number, number, number] {
  const m = g.vmetric ?? font.defaultVMetrics;
  const w = g.width ?? 1000;
  return m && m.length >= 3 ? [m[0], m[1], m[2]] : [-1000, w / 2, 880];
}

/** The glyph's box on the page: its position vector (vx, vy) from the glyph's own origin, the em below and around it. */
function placed(text: string, width: number, vx: number, vy: number, state: TextState, tm: Matrix, ctm: Matrix): PdfTextItem {
  const trm = multiply(ctm, multiply(tm, [state.size, 0, 0, state.size, 0, state.rise]));
  const xs: number[] = [];
  const ys: number[] = [];
  // The glyph, in units of the em from its position: x from -vx to width - vx, y from vy - 1 to vy, less vy (its origin).
  for (const [x, y] of [[-vx, -1], [width - vx, -1], [-vx, 0], [width - vx, 0]]) {
    xs.push(trm[0] * x + trm[2] * y + trm[4]);
    ys.push(trm[1] * x + trm[3] * y + trm[5]);
  }
  const size = Math.hypot(trm[2], trm[3]) || Math.abs(state.size);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A baseline such that the layout's centre of the item (baseline + 0.35 em) is the glyph's centre.
  return { text, x: left, y: (top + bottom) / 2 - 0.35 * size, width: right - left, size, vertical: 'down' };
}

function matrixOf(args: readonly unknown[]): Matrix {
  const m = (args.length >= 6 ? args : args[0]) as ArrayLike<number> | undefined;
  if (!m || m.length < 6) return IDENTITY;
  const out = [m[0], m[1], m[2], m[3], m[4], m[5]].map(Number);
  return out.every(Number.isFinite) ? (out as Matrix) : IDENTITY;
}

/** pdf.js throws for a font it has not loaded; such a font is treated as horizontal. */
function safeFont(fontOf: (name: string) => LoadedFont | undefined, name: string): LoadedFont | undefined {
  try {
    return fontOf(name);
  } catch {
    return undefined;
  }
}

/**
 * A piece of text as pdf.js gives it, placed on the page. Text turned a quarter (LibreOffice prints a cell whose
 * text runs bottom to top so: one piece, its transform turned) is a column: its box is worked out from the turn,
 * so that it lands in the cell it is printed in, not where it would reach if it ran to the right.
 */
export function textItem(text: string, transform: readonly number[], width: number, height: number): PdfTextItem {
  const [a, b, c, d, e, f] = transform;
  const size = Math.hypot(b, d) || Math.abs(a) || height;
  const scale = Math.hypot(a, b);
  if (!(Math.abs(b) > 10 * Math.abs(a)) || scale === 0) return { text, x: e, y: f, width, size };
  // Along the text (a, b), across it (c, d): the box from the baseline's start over the text's length, and from a
  // little under the baseline to the top of the em.
  const across = Math.hypot(c, d) || size;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [t, u] of [[0, -0.15], [width, -0.15], [0, 0.85], [width, 0.85]]) {
    xs.push(e + (a / scale) * t + c * u);
    ys.push(f + (b / scale) * t + d * u);
  }
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { text, x: left, y: (top + bottom) / 2 - 0.35 * across, width: right - left, size: across, vertical: b > 0 ? 'up' : 'down' };
}
