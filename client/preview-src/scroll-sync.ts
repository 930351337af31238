/**
 * Which preview element stands for which source line, and which source line is at the top of the view. Pure (no
 * DOM): the webview measures each `[data-line]` element once per rendered version and asks this index afterwards,
 * with binary searches, instead of measuring every element on every scroll event. As VS Code's own Markdown preview
 * does (extensions/markdown-language-features/preview-src/scroll-sync.ts), with two orders kept: rows of an official
 * table are drawn in the official order and the problem summary sits on top, so page order is not line order.
 */

/** One element with a `data-line`, where it starts on the page (its top plus the page's scroll offset). */
export interface LineEntry<E> {
  readonly line: number;
  readonly top: number;
  readonly element: E;
}

/** The last index in `sorted` (ascending) whose value is at most `value`; -1 when none is. */
export function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export class LineIndex<E> {
  /** Entries by line; equal lines keep page (document) order, so the last of them is the innermost or latest. */
  private readonly byLine: readonly LineEntry<E>[];
  private readonly lines: Float64Array;
  /** Tops in ascending order, and the greatest line among the entries up to each. */
  private readonly tops: Float64Array;
  private readonly maxLineUpTo: Float64Array;
  private readonly minLine: number | undefined;

  /** `entries` in document order. */
  constructor(entries: readonly LineEntry<E>[]) {
    this.byLine = [...entries].sort((a, b) => a.line - b.line);
    this.lines = Float64Array.from(this.byLine, (e) => e.line);
    const byTop = [...entries].sort((a, b) => a.top - b.top);
    this.tops = Float64Array.from(byTop, (e) => e.top);
    this.maxLineUpTo = new Float64Array(byTop.length);
    let max = -Infinity;
    byTop.forEach((e, k) => (this.maxLineUpTo[k] = max = Math.max(max, e.line)));
    this.minLine = this.byLine.length ? this.byLine[0].line : undefined;
  }

  get size(): number {
    return this.byLine.length;
  }

  /** The element for a source line: the last one that starts at or before it. */
  elementForLine(line: number): E | undefined {
    const k = lastAtMost(this.lines, line);
    return k < 0 ? undefined : this.byLine[k].element;
  }

  /**
   * The source line at page offset `offset` (the top of the view): the greatest line among elements that start at or
   * above it (a section that encloses the view starts above it too, but an inner row nearer the top has the greater
   * line); when none does, the least line of all (the view is above the first element).
   */
  lineAt(offset: number): number | undefined {
    const k = lastAtMost(this.tops, offset);
    return k < 0 ? this.minLine : this.maxLineUpTo[k];
  }
}
