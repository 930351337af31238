import { maxOf, minOf } from '../../arrays';
import { groupByBaseline, joinWrapped, lineText, NUMBERED, type CellBox, type LaidLine, type PdfRule, type PdfTextItem } from './pdf-page';

/**
 * Tables drawn with rules (every official table in a printed report): the rules that touch each other make one
 * table; their distinct x and y positions make a grid of atomic cells; a missing rule between two atomic cells
 * merges them (a header cell over five columns, the 依申请 group label over twelve rows). Each text item goes to the
 * cell its centre lies in, so a label wrapped over three lines in its cell is one cell again. The rows come out as
 * a browser copies an HTML table: a merged cell once, in the first row it covers, its text where its column is.
 */

/** Rules thinner than this are lines; rule ends and positions closer than TOUCH are one. */
const THIN = 2.5;
const TOUCH = 2;
/** Column rules that go on this far past the outermost row rule reach an edge left undrawn. */
const OPEN_EDGE = 6;

interface HRule {
  readonly y: number;
  readonly x1: number;
  readonly x2: number;
}
interface VRule {
  readonly x: number;
  readonly y1: number;
  readonly y2: number;
}

export interface RuledTable {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** Rows as cells, top to bottom; merged cells once, in their first row. */
  readonly rows: readonly (readonly string[])[];
  /** Where each cell of `rows` lies. */
  readonly boxes: readonly (readonly CellBox[])[];
  /** The top (bottom) edge has no rule: the table goes on from the page before (onto the next page), cut inside a row. */
  readonly openTop: boolean;
  readonly openBottom: boolean;
}

export function findRuledTables(
  rules: readonly PdfRule[],
  items: readonly PdfTextItem[],
): { tables: RuledTable[]; rest: PdfTextItem[] } {
  const hs: HRule[] = [];
  const vs: VRule[] = [];
  for (const r of rules) {
    const w = r.x2 - r.x1;
    const h = r.y2 - r.y1;
    if (h <= THIN && w > THIN) hs.push({ y: (r.y1 + r.y2) / 2, x1: r.x1, x2: r.x2 });
    else if (w <= THIN && h > THIN) vs.push({ x: (r.x1 + r.x2) / 2, y1: r.y1, y2: r.y2 });
  }
  const tables: RuledTable[] = [];
  const taken = new Set<PdfTextItem>();
  for (const group of touchingGroups(joinCollinear(hs, 'y', 'x1', 'x2'), joinCollinear(vs, 'x', 'y1', 'y2'))) {
    const table = tableOf(group.hs, group.vs, items, taken);
    if (table) tables.push(table);
  }
  return { tables, rest: items.filter((i) => !taken.has(i)) };
}

/**
 * A border is drawn in pieces, one per cell (Chromium), and the piece beside a merged cell touches no crossing rule:
 * pieces on one line that meet are one rule. Pieces whose positions differ by a fraction of a point (Word and WPS
 * place each table's borders a little differently) are on one line, and only pieces that meet along it are joined:
 * a column rule of the table above must not swallow the one of the table below it.
 */
function joinCollinear<R extends HRule | VRule>(rules: R[], at: keyof R, from: keyof R, to: keyof R): R[] {
  const num = (r: R, k: keyof R) => r[k] as unknown as number;
  const byPosition = [...rules].sort((a, b) => num(a, at) - num(b, at));
  const out: R[] = [];
  for (let i = 0; i < byPosition.length; ) {
    let k = i + 1;
    while (k < byPosition.length && num(byPosition[k], at) - num(byPosition[k - 1], at) <= 1) k++;
    const line = byPosition.slice(i, k).sort((a, b) => num(a, from) - num(b, from));
    let last: R | undefined;
    for (const r of line) {
      if (last && num(r, from) <= num(last, to) + TOUCH) {
        if (num(r, to) > num(last, to)) out[out.length - 1] = last = { ...last, [to]: num(r, to) };
      } else out.push((last = r));
    }
    i = k;
  }
  return out;
}

/** Rules that cross or touch, grouped (union-find); a group with two rules each way can be a table. */
function touchingGroups(hs: HRule[], vs: VRule[]): Array<{ hs: HRule[]; vs: VRule[] }> {
  const parent = [...Array(hs.length + vs.length).keys()];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  // Sorted by position, each horizontal rule meets the vertical rules whose x lies in its span.
  const byX = vs.map((v, k) => ({ v, k })).sort((a, b) => a.v.x - b.v.x);
  hs.forEach((h, i) => {
    let lo = 0;
    let hi = byX.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byX[mid].v.x < h.x1 - TOUCH) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byX.length && byX[k].v.x <= h.x2 + TOUCH; k++) {
      const v = byX[k].v;
      if (h.y >= v.y1 - TOUCH && h.y <= v.y2 + TOUCH) union(i, hs.length + byX[k].k);
    }
  });
  const groups = new Map<number, { hs: HRule[]; vs: VRule[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    return g;
  };
  hs.forEach((h, i) => group(i).hs.push(h));
  vs.forEach((v, k) => group(hs.length + k).vs.push(v));
  return [...groups.values()].filter((g) => g.hs.length >= 2 && g.vs.length >= 2);
}

/** Distinct positions, near ones as one (their mean). */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= TOUCH) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function tableOf(hs: HRule[], vs: VRule[], items: readonly PdfTextItem[], taken: Set<PdfTextItem>): RuledTable | undefined {
  const ys = positions(hs.map((h) => h.y)).reverse(); // top first
  const xs = positions(vs.map((v) => v.x));
  // A table cut by a page break may leave its edge at the cut undrawn (no bottom border at the foot of the page, no
  // top border at the head of the next): column rules that go on past the last row rule end the table there.
  const [reachUp, reachDown] = [maxOf(vs, (v) => v.y2), minOf(vs, (v) => v.y1)];
  const openTop = ys.length > 0 && reachUp > ys[0] + OPEN_EDGE;
  const openBottom = ys.length > 0 && reachDown < ys[ys.length - 1] - OPEN_EDGE;
  if (openTop) ys.unshift(reachUp);
  if (openBottom) ys.push(reachDown);
  if (ys.length < 2 || xs.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (x: number, y: number) => vs.some((v) => Math.abs(v.x - x) <= TOUCH && y >= v.y1 - TOUCH && y <= v.y2 + TOUCH);
  const hasH = (y: number, x: number) => hs.some((h) => Math.abs(h.y - y) <= TOUCH && x >= h.x1 - TOUCH && x <= h.x2 + TOUCH);

  // Atomic cells merged where no rule parts them.
  const parent = [...Array(rows * cols).keys()];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !hasV(xs[c + 1], midY)) parent[find(r * cols + c + 1)] = find(r * cols + c);
      if (r + 1 < rows && !hasH(ys[r + 1], midX)) parent[find((r + 1) * cols + c)] = find(r * cols + c);
    }
  }

  const placed: Placed[] = [];
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.size * 0.35;
    if (cx < xs[0] || cx > xs[cols] || cy > ys[0] || cy < ys[rows]) continue;
    const c = Math.min(cols - 1, Math.max(0, xs.findIndex((x) => x > cx) - 1));
    const r = Math.min(rows - 1, Math.max(0, ys.findIndex((y) => y < cy) - 1));
    placed.push({ item, cell: find(r * cols + c), row: r, column: c });
    taken.add(item);
  }
  keepOverflowInCell(placed);
  const inCell = new Map<number, PdfTextItem[]>();
  for (const { item, cell } of placed) {
    let list = inCell.get(cell);
    if (!list) inCell.set(cell, (list = []));
    list.push(item);
  }

  // Each merged cell's first atomic cell (row-major order) is where it is written; where it reaches, for tables that a
  // page break cuts (layout: a merged cell cut in two).
  const reach = new Map<number, { c1: number; c2: number; r2: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = find(r * cols + c);
      const e = reach.get(cell);
      reach.set(cell, { c1: Math.min(e?.c1 ?? c, c), c2: Math.max(e?.c2 ?? c, c), r2: r });
    }
  }
  const seen = new Set<number>();
  const out: string[][] = [];
  const boxes: CellBox[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    const rowBoxes: CellBox[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = find(r * cols + c);
      if (seen.has(cell)) continue;
      seen.add(cell);
      row.push(cellText(inCell.get(cell) ?? []));
      const e = reach.get(cell)!;
      rowBoxes.push({ left: xs[e.c1], right: xs[e.c2 + 1], merged: e.r2 > r, bottom: e.r2 === rows - 1, full: endsFull(inCell.get(cell) ?? [], xs[e.c2 + 1]) });
    }
    if (row.length) {
      out.push(row);
      boxes.push(rowBoxes);
    }
  }
  return { top: ys[0], bottom: ys[rows], left: xs[0], right: xs[cols], rows: out, boxes, openTop, openBottom };
}

/**
 * The cell's text runs across the page and its last line reaches the cell's right rule, but for the padding and two
 * characters (a line may break a character early, where the next would put a comma at the start of a line): it may go on.
 */
function endsFull(items: readonly PdfTextItem[], right: number): boolean {
  const lines = groupByBaseline(items.filter((i) => !i.vertical));
  const last = lines[lines.length - 1];
  return last !== undefined && maxOf(last, (i) => i.x + i.width) >= right - 2.5 * maxOf(last, (i) => i.size);
}

interface Placed {
  readonly item: PdfTextItem;
  cell: number;
  readonly row: number;
  readonly column: number;
}

/**
 * A row drawn too short for its text (LibreOffice squeezes a table's head at the foot of a page) lets the text run on
 * below the row's bottom rule, into the cells under it: a label set one character a line in a narrow column goes on
 * at the same x and the same line pitch. Lines that go on so from two or more lines inside a head cell (a row with no
 * figure) into a row of figures belong to the head cell. (A row label wrapped at a fixed line spacing goes on at the
 * same pitch into the next row's label too: that is the next row's own text.)
 */
function keepOverflowInCell(placed: Placed[]): void {
  const withFigures = new Set(placed.filter((p) => /^[\d.,%]+$/.test(p.item.text.trim())).map((p) => p.row));
  const byColumn = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = `${p.column}/${Math.round(p.item.x * 2)}/${Math.round(p.item.size * 2)}`;
    let list = byColumn.get(key);
    if (!list) byColumn.set(key, (list = []));
    list.push(p);
  }
  for (const list of byColumn.values()) {
    if (list.length < 3) continue;
    list.sort((a, b) => b.item.y - a.item.y);
    for (let i = 2; i < list.length; i++) {
      const [a, b, c] = [list[i - 2], list[i - 1], list[i]];
      const pitch = a.item.y - b.item.y;
      // A label's own numbering (`（三）`) starts the next row's label, however evenly it follows.
      const numbered = NUMBERED.test(c.item.text);
      if (c.cell !== b.cell && a.cell === b.cell && !numbered && !withFigures.has(b.row) && withFigures.has(c.row) && pitch > 0 && Math.abs(b.item.y - c.item.y - pitch) <= 0.5) {
        for (let k = i; k < list.length && Math.abs(list[k - 1].item.y - list[k].item.y - pitch) <= 0.5; k++) list[k].cell = b.cell;
      }
    }
  }
}

/** A cell's lines joined: a label wrapped in its cell is one label. Text running down (or up) the cell reads by columns. */
function cellText(items: readonly PdfTextItem[]): string {
  const across = items.filter((i) => !i.vertical);
  const lines = groupByBaseline(across).map((line) => ({ top: line[0].y + line[0].size, text: lineText(line) }));
  const down = items.filter((i) => i.vertical);
  if (down.length) lines.push({ top: maxOf(down, (i) => i.y + i.size), text: columnsText(down) });
  return lines
    .sort((a, b) => b.top - a.top)
    .reduce((text, line) => joinWrapped(text, line.text), '');
}

/**
 * Vertical text: items whose centres lie on one x are a column. Text running down reads top to bottom, its columns
 * right to left (as Chinese is written in columns); text running up (turned a quarter to the left) bottom to top,
 * its columns left to right.
 */
function columnsText(items: readonly PdfTextItem[]): string {
  const up = items.filter((i) => i.vertical === 'up').length * 2 > items.length;
  const centre = (i: PdfTextItem) => i.x + i.width / 2;
  const sorted = [...items].sort((a, b) => (up ? centre(a) - centre(b) : centre(b) - centre(a)));
  const columns: PdfTextItem[][] = [];
  for (const item of sorted) {
    const last = columns[columns.length - 1];
    if (last && Math.abs(centre(item) - centre(last[0])) <= 0.5 * Math.min(item.size, last[0].size)) last.push(item);
    else columns.push([item]);
  }
  return columns
    .map((column) => column.sort((a, b) => (up ? a.y - b.y : b.y - a.y)).map((i) => i.text).join(''))
    .reduce((text, column) => joinWrapped(text, column), '');
}

/** A table as laid lines (one per row, as cells) for the page's reading order. */
export function tableLines(table: RuledTable, page: number): LaidLine[] {
  const step = (table.top - table.bottom) / Math.max(1, table.rows.length);
  return table.rows.map((cells, k) => ({
    page,
    top: table.top - k * step,
    bottom: table.top - (k + 1) * step,
    left: table.left,
    right: table.right,
    size: 0,
    text: cells.join('\t'),
    cells,
    boxes: table.boxes[k],
    cut: { top: k === 0 && table.openTop, bottom: k === table.rows.length - 1 && table.openBottom },
  }));
}
