/**
 * Sorted positions of the characters a scan of the inline reader stops at, and lookups in them: the tables of
 * render/inline.ts are built on these, one entry per stop, so that reading a line costs time in proportion to it.
 */
/**
 * Positions in `src.slice(from, to)` of the (ASCII) characters of `chars`, ascending. Counted first, then written
 * into an array of exactly that size: a scan over a long run of them (a line of `[`) builds no list of boxed
 * numbers to copy, which at 1 MB cost more in garbage collection than the scan itself.
 */
export function stopsOf(src: string, from: number, to: number, chars: string): Int32Array {
  const wanted = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) wanted[chars.charCodeAt(i)] = 1;
  let count = 0;
  for (let p = from; p < to; p++) {
    const u = src.charCodeAt(p);
    if (u < 128 && wanted[u]) count++;
  }
  const stops = new Int32Array(count);
  for (let p = from, k = 0; k < count; p++) {
    const u = src.charCodeAt(p);
    if (u < 128 && wanted[u]) stops[k++] = p;
  }
  return stops;
}

/** Index of the first stop at or after `at` (stops.length if none). */
export function firstAtOrAfter(stops: Int32Array, at: number): number {
  return seek(stops, at, 0);
}

/**
 * firstAtOrAfter, searching forward from index `from` when the answer is there (openers are looked up in the order
 * they are read): a step to the next opener is a few reads near the last one, not a search of the whole table
 * (which at a million stops is twenty reads scattered over megabytes, each a cache miss).
 */
export function seek(stops: ArrayLike<number>, at: number, from: number): number {
  let lo = 0;
  let hi = stops.length;
  if (from > 0 && from <= hi && stops[from - 1] < at) {
    // Gallop: 1, 2, 4 … stops ahead until one is at or after `at`, then search between the last two.
    lo = from;
    let step = 1;
    while (lo + step < hi && stops[lo + step - 1] < at) {
      lo += step;
      step *= 2;
    }
    hi = Math.min(hi, lo + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stops[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The answer kept at the stop at `at` (which must be one), or at the first after it. */
export function closesAt(stops: Int32Array, answers: Int32Array, at: number): number {
  const k = firstAtOrAfter(stops, at);
  return k < stops.length ? answers[k] : -1;
}
