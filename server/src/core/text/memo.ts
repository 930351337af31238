/**
 * A bounded memo of what is computed from a short text alone (a label's comparison key, the official row it means),
 * kept across documents and checks: the language server checks the same document again on every edit, and nearly
 * every label it holds was seen on the check before.
 *
 * Bounded by entries, in two generations: new entries go into the current one; when it is full the current becomes
 * the previous one and the older is dropped; an entry found in the previous one moves back into the current. So
 * every label of a document with up to `limit` distinct labels is found on every check after its first, whatever
 * came before it, and memory stays within two generations. (A memo that stopped adding at its limit kept a session's
 * first labels for ever and measured every later one again; one that was cleared when full lost, on a document with
 * more labels than the limit, every label before it was reached again on the next check.)
 */
export class TextMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** The memo's own entries: both generations (what its memory grows with; read by the tests). */
  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/**
 * Distinct labels a memo keeps in one generation: more than a 1 MB document can hold (a table row is at least a
 * few bytes), a few MB at most.
 */
export const LABEL_MEMO_LIMIT = 100_000;
