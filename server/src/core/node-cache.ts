/**
 * A cache of what is computed from one parsed document (or one node of it: a table), stored on that object itself
 * and collected with it. Parsed documents are immutable, so the result never goes stale; a document re-parsed after
 * an edit is a new object with an empty cache (the language server stays correct without keying on uri or version).
 *
 * Why not a WeakMap: V8's young-generation collector (the scavenger) treats a WeakMap's values as live and only its
 * keys weakly. A per-document WeakMap entry therefore kept its value, and through it the document's whole graph
 * (cells, paragraphs, sections), alive past the check and into the old generation, where only a full collection
 * frees it: with eight such caches, 18 % of what a check allocates was promoted and garbage collection took a third
 * of the core's time on the real corpus. A property of the object dies with it in the next scavenge.
 *
 * The property is a non-enumerable symbol: JSON, spreads, structured clones and deep-equality assertions do not see
 * it. An object that cannot take a property (frozen) falls back to a WeakMap.
 */
export class NodeCache<K extends object, V> {
  private readonly slot: symbol;
  private fallback?: WeakMap<K, V>;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(key: K): V | undefined {
    if (Object.prototype.hasOwnProperty.call(key, this.slot)) return (key as Record<symbol, V>)[this.slot];
    return this.fallback?.get(key);
  }

  set(key: K, value: V): void {
    if (Object.prototype.hasOwnProperty.call(key, this.slot)) (key as Record<symbol, V>)[this.slot] = value;
    else if (Object.isExtensible(key)) Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
    else (this.fallback ??= new WeakMap()).set(key, value);
  }
}
