import { distance } from 'fastest-levenshtein';

/** Edit distances computed by NearestTexts (read by the tests: a label unlike every row costs few of them). */
export const distanceCalls = { count: 0 };

/**
 * Groups of texts (each official row's full text, short name and aliases), searched for the groups closest to a
 * label by edit distance: exactly the first `count` groups of all of them sorted by their smallest distance (groups
 * at the same distance in their order), without measuring every text. A distance is at least the longer length less
 * the characters the two texts have in common (counted with an index of the texts' characters, in one pass over
 * the label), so groups are tried from the smallest such bound, and a group, or a text, that cannot come closer than
 * what is already found is not measured. A table of thousands of made-up rows then costs a few distances a row, not
 * one for every text of every official row.
 */
export class NearestTexts {
  /** Every text, group after group: group g's are `texts[start[g]]` to `texts[start[g + 1] - 1]`. */
  private readonly texts: string[] = [];
  private readonly start: number[] = [];
  /** Character (UTF-16 code unit, as the distance counts them) → the texts holding it and how many times. */
  private readonly postings = new Map<number, Array<{ text: number; times: number }>>();

  constructor(private readonly groups: ReadonlyArray<readonly string[]>) {
    for (const texts of groups) {
      this.start.push(this.texts.length);
      for (const text of texts) {
        for (const [unit, times] of unitCounts(text)) {
          let list = this.postings.get(unit);
          if (!list) this.postings.set(unit, (list = []));
          list.push({ text: this.texts.length, times });
        }
        this.texts.push(text);
      }
    }
    this.start.push(this.texts.length);
  }

  /** The `count` groups closest to `key`, closest first, with their distances; `firstOnly`: each group's first text only. */
  nearest(key: string, count: number, firstOnly = false): Array<{ group: number; d: number }> {
    if (count <= 0) return [];
    const common = new Int32Array(this.texts.length);
    for (const [unit, times] of unitCounts(key)) {
      for (const p of this.postings.get(unit) ?? []) common[p.text] += Math.min(times, p.times);
    }
    // A text's bound: the longer length less the characters in common; a group's, its texts' smallest.
    const bound = new Int32Array(this.texts.length);
    const groupBound = new Int32Array(this.groups.length);
    const order: number[] = [];
    for (let g = 0; g < this.groups.length; g++) {
      const end = firstOnly ? this.start[g] + 1 : this.start[g + 1];
      let least = Number.MAX_SAFE_INTEGER;
      for (let t = this.start[g]; t < end; t++) {
        bound[t] = Math.max(key.length, this.texts[t].length) - common[t];
        least = Math.min(least, bound[t]);
      }
      groupBound[g] = least;
      order.push(g);
    }
    order.sort((a, b) => groupBound[a] - groupBound[b] || a - b);
    const found: Array<{ group: number; d: number }> = [];
    for (const g of order) {
      if (found.length === count && groupBound[g] > found[count - 1].d) break;
      let d = Infinity;
      const end = firstOnly ? this.start[g] + 1 : this.start[g + 1];
      for (let t = this.start[g]; t < end; t++) {
        if (bound[t] >= d) continue;
        distanceCalls.count++;
        d = Math.min(d, distance(key, this.texts[t]));
      }
      // In place among those found: after every group closer, or as close and earlier in the table.
      let at = found.length;
      while (at > 0 && (found[at - 1].d > d || (found[at - 1].d === d && found[at - 1].group > g))) at--;
      if (at < count) {
        found.splice(at, 0, { group: g, d });
        if (found.length > count) found.pop();
      }
    }
    return found;
  }
}

function unitCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    counts.set(u, (counts.get(u) ?? 0) + 1);
  }
  return counts;
}
