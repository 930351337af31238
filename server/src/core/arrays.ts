/**
 * Array operations for document-sized arrays. Spreading an array into a call's arguments (`out.push(...items)`,
 * `Math.max(...widths)`) puts every element on the stack: past about 120,000 elements (a table row of 250,000
 * cells, 250,000 paragraphs, a 附表 of 150,000 parts) it throws a stack overflow. These loop instead.
 */

/** Appends `items` to `target`; returns `target`. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `floor` and the numbers `of` gives for each item. */
export function maxOf<T>(items: readonly T[], of: (item: T) => number, floor = -Infinity): number {
  let max = floor;
  for (const item of items) max = Math.max(max, of(item));
  return max;
}

/** The smallest of `ceiling` and the numbers `of` gives for each item. */
export function minOf<T>(items: readonly T[], of: (item: T) => number, ceiling = Infinity): number {
  let min = ceiling;
  for (const item of items) min = Math.min(min, of(item));
  return min;
}

/** The last item that passes `test` (Array.prototype.findLast is ES2023; the core's lib is ES2022). */
export function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return items[i];
  return undefined;
}
