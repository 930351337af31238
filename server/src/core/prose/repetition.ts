import { distance } from 'fastest-levenshtein';
import type { Span, XxgkDocument } from '../ast';
import { splitSentences } from './sentences';
import { NodeCache } from '../node-cache';

/**
 * How much of a report repeats last year's (provincial assessments deduct points above half). Compared sentence by
 * sentence (paragraphs are often merged or split from one year to the next), on text with every figure and year made alike (`2023年…52条` repeats `2022年…48条`), by normalised edit
 * distance (fastest-levenshtein).
 */

/** A sentence at least this similar to one of last year's repeats it. */
export const REPEAT_SIMILARITY = 0.8;
/** Sentences shorter than this (本年度未收取信息处理费。) are not counted either way: every report has them. */
const MIN_CHARS = 20;
/** Longer sentences are compared on their first characters: the cost stays bounded, the verdict the same. */
const MAX_CHARS = 600;
/** Pairs compared by edit distance at most, whatever the reports' size (then only exact repeats are found). */
const MAX_PAIRS = 100_000;

export interface RepeatedSentence {
  readonly span: Span;
  readonly sectionIndex: number;
  /** 0–1. */
  readonly similarity: number;
}

export interface Repetition {
  /** Share of this year's prose (in characters) that repeats last year's, 0–1. */
  readonly rate: number;
  /** The same, per section index (sections with prose only). */
  readonly sections: ReadonlyMap<number, number>;
  /** The repeated sentences, most similar first. */
  readonly repeated: readonly RepeatedSentence[];
  /** Characters of prose compared. */
  readonly chars: number;
}

/** Figures, years and spacing made alike: what is left is the wording. */
export function wording(text: string): string {
  return chineseCountsAlike(text.replace(/[0-9０-９]+(?:[.,，][0-9０-９]+)*/g, '#')).replace(/\s+/g, '');
}

const CHINESE_DIGITS = new Set('〇零一二三四五六七八九十百千万亿');
const COUNTED = new Set('年月日件条个项次');

/**
 * Each run of Chinese numerals followed by a unit (二〇二三年, 十二件) made `#`, in one pass. As a regular expression
 * with a lookahead it was tried again from every numeral of a run: a paragraph of 60,000 `一` took seconds a check,
 * and as long a keystroke in the editor once last year's report was open.
 */
function chineseCountsAlike(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; ) {
    if (!CHINESE_DIGITS.has(text[i])) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && CHINESE_DIGITS.has(text[end])) end++;
    if (end < text.length && COUNTED.has(text[end])) {
      out += text.slice(kept, i) + '#';
      kept = end;
    }
    i = end;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // Lengths far apart cannot reach the threshold: skip the distance.
  if (Math.min(a.length, b.length) / longer < REPEAT_SIMILARITY) return 0;
  return 1 - distance(a, b) / longer;
}

interface Sentence {
  readonly span: Span;
  readonly sectionIndex: number;
  /** Its wording (figures made alike), at most MAX_CHARS. */
  readonly words: string;
}

function sentencesOf(doc: XxgkDocument): Sentence[] {
  const out: Sentence[] = [];
  for (const p of doc.paragraphs) {
    for (const s of splitSentences(p.text)) {
      const words = wording(p.text.slice(s.start, s.end)).slice(0, MAX_CHARS);
      if (words.length >= MIN_CHARS) out.push({ span: { start: p.span.start + s.start, end: p.span.start + s.end }, sectionIndex: p.sectionIndex, words });
    }
  }
  return out;
}

/** Results by this year's document, then last year's: the rule and the CLI's per-report rate share one comparison. */
const computed = new NodeCache<XxgkDocument, WeakMap<XxgkDocument, Repetition>>('repetition');

/** How much of `doc` repeats `previous`, computed once per pair of parsed documents. */
export function repetition(doc: XxgkDocument, previous: XxgkDocument): Repetition {
  let byPrevious = computed.get(doc);
  if (!byPrevious) computed.set(doc, (byPrevious = new WeakMap()));
  let found = byPrevious.get(previous);
  if (!found) byPrevious.set(previous, (found = compare(doc, previous)));
  return found;
}

function compare(doc: XxgkDocument, previous: XxgkDocument): Repetition {
  // Last year's sentences by length: only those of a length that can reach the threshold are compared.
  const before = sentencesOf(previous).map((s) => s.words).sort((a, b) => a.length - b.length);
  const exact = new Set(before);
  const repeated: RepeatedSentence[] = [];
  const total = new Map<number, number>();
  const same = new Map<number, number>();
  let chars = 0;
  let repeatedChars = 0;
  let pairs = 0;
  for (const sentence of sentencesOf(doc)) {
    const now = sentence.words;
    chars += now.length;
    total.set(sentence.sectionIndex, (total.get(sentence.sectionIndex) ?? 0) + now.length);
    let best = exact.has(now) ? 1 : 0;
    const shortest = Math.ceil(now.length * REPEAT_SIMILARITY);
    const longest = Math.floor(now.length / REPEAT_SIMILARITY);
    for (let k = firstAtLeast(before, shortest); k < before.length && before[k].length <= longest && best < 1 && pairs < MAX_PAIRS; k++, pairs++) {
      best = Math.max(best, similarity(now, before[k]));
    }
    if (best < REPEAT_SIMILARITY) continue;
    repeatedChars += now.length;
    same.set(sentence.sectionIndex, (same.get(sentence.sectionIndex) ?? 0) + now.length);
    repeated.push({ span: sentence.span, sectionIndex: sentence.sectionIndex, similarity: best });
  }
  const sections = new Map([...total].map(([k, n]) => [k, (same.get(k) ?? 0) / n]));
  repeated.sort((a, b) => b.similarity - a.similarity);
  return { rate: chars === 0 ? 0 : repeatedChars / chars, sections, repeated, chars };
}

/** The first index of `sorted` (by length) whose text is at least `length` long. */
function firstAtLeast(sorted: readonly string[], length: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].length >= length) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
