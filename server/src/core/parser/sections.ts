import { distance } from 'fastest-levenshtein';
import type { Heading, NumberingStyle, Section } from '../ast';
import type { FormatId, SectionSpec } from '../formats/types';
import { formatSpec } from '../formats/index';
import { labelKey } from '../text/normalize';

const SECTION_NUMBERING = /^\s*(?:第?([一二三四五六七八九十]+)\s*[、.．:：]|[（(]\s*([一二三四五六七八九十]+)\s*[）)][、.．]?|([0-9０-９]+)\s*[、.．:：)）](?![0-9０-９])|[（(]([0-9０-９]+)[）)])\s*/;

export function splitSectionNumbering(text: string): { numbering: string; style: NumberingStyle; restOffset: number } {
  const m = SECTION_NUMBERING.exec(text);
  if (!m) return { numbering: '', style: 'none', restOffset: text.length - text.trimStart().length };
  const numbering = m[0].trim();
  const official = /^[一二三四五六七八九十]+、$/.test(numbering);
  const style: NumberingStyle = official ? 'official' : m[3] ? 'arabic' : 'other';
  return { numbering, style, restOffset: m[0].length };
}

/** Legacy topics, tried in this order so that 问题 wins over 公开 and 复议 over 申请. */
const LEGACY_ORDER = ['appeals', 'fees', 'problems', 'requests', 'proactive', 'overview', 'other'];
/** A topic's place in LEGACY_ORDER; a topic not listed there is tried last. */
function legacyRank(id: string): number {
  const k = LEGACY_ORDER.indexOf(id);
  return k < 0 ? LEGACY_ORDER.length : k;
}

/** Legacy sections in LEGACY_ORDER, sorted once per format: every heading and run-in title is matched against them. */
const legacyOrders = new WeakMap<readonly SectionSpec[], readonly SectionSpec[]>();
function legacyOrder(specs: readonly SectionSpec[]): readonly SectionSpec[] {
  let ordered = legacyOrders.get(specs);
  if (!ordered) legacyOrders.set(specs, (ordered = [...specs].sort((a, b) => legacyRank(a.id) - legacyRank(b.id))));
  return ordered;
}

interface NameIndex {
  /** The first section (in the format's order) by the key of its name, and by the key of one of its variants. */
  readonly byName: ReadonlyMap<string, SectionSpec>;
  readonly byVariant: ReadonlyMap<string, SectionSpec>;
  /** Every name and variant, keyed, in order: the near misses are measured against them. */
  readonly candidates: ReadonlyArray<{ readonly spec: SectionSpec; readonly key: string }>;
}
/** The keys of a format's section names, made once per format instead of once per heading and section. */
const nameIndexes = new WeakMap<readonly SectionSpec[], NameIndex>();
function nameIndex(specs: readonly SectionSpec[]): NameIndex {
  let index = nameIndexes.get(specs);
  if (index) return index;
  const byName = new Map<string, SectionSpec>();
  const byVariant = new Map<string, SectionSpec>();
  const candidates: Array<{ spec: SectionSpec; key: string }> = [];
  for (const spec of specs) {
    const key = labelKey(spec.name);
    if (!byName.has(key)) byName.set(key, spec);
    candidates.push({ spec, key });
    for (const v of spec.variants ?? []) {
      const variantKey = labelKey(v);
      if (!byVariant.has(variantKey)) byVariant.set(variantKey, spec);
      candidates.push({ spec, key: variantKey });
    }
  }
  nameIndexes.set(specs, (index = { byName, byVariant, candidates }));
  return index;
}

/**
 * The official section a heading's name stands for. `numeral` is the heading's own number (五 of `五、`), if any: a
 * national heading worded differently from every known name is still that section when it carries its numeral and
 * speaks of its topic.
 */
export function matchSection(name: string, format: FormatId, numeral?: string): { spec?: SectionSpec; variant?: boolean } {
  const { sections: specs, kind } = formatSpec(format);
  const key = labelKey(name);
  if (!key) return {};
  if (kind === 'legacy') {
    for (const spec of legacyOrder(specs)) if (spec.topicWords?.some((w) => key.includes(w))) return { spec };
    return {};
  }
  const index = nameIndex(specs);
  const named = index.byName.get(key);
  if (named) return { spec: named };
  const variant = index.byVariant.get(key);
  if (variant) return { spec: variant, variant: true };
  // A near miss of the official name (收到和处理政府信息公开申请的情况): matched, and flagged as a variant.
  let best: { spec: SectionSpec; d: number } | undefined;
  for (const candidate of index.candidates) {
    const d = distance(key, candidate.key);
    if (!best || d < best.d) best = { spec: candidate.spec, d };
  }
  if (best && best.d <= Math.max(1, Math.floor(key.length * 0.25))) return { spec: best.spec, variant: true };
  const numbered = numeral ? specs.find((s) => s.numeral === numeral) : undefined;
  if (numbered?.topicWords?.some((w) => key.includes(w))) return { spec: numbered, variant: true };
  return {};
}

export function buildSection(heading: Heading, end: number, format: FormatId): Section {
  const { numbering, style, restOffset } = splitSectionNumbering(heading.text);
  const numberingStart = heading.textSpan.start + (heading.text.length - heading.text.trimStart().length);
  const nameStart = heading.textSpan.start + restOffset;
  const name = heading.text.slice(restOffset).trim();
  const numeral = /^第?([一二三四五六七八九十]+)\s*[、.．:：]?$/.exec(numbering)?.[1] ?? /^[（(]\s*([一二三四五六七八九十]+)/.exec(numbering)?.[1];
  const { spec, variant } = matchSection(name, format, numeral);
  return {
    heading,
    span: { start: heading.span.start, end },
    numbering,
    numberingSpan: { start: numberingStart, end: numberingStart + numbering.length },
    numberingStyle: style,
    name,
    nameSpan: { start: nameStart, end: nameStart + name.length },
    spec,
    variant,
  };
}

/** A run-in title is short: `（二）主动公开政府信息情况。2016年…` — not a numbered sentence of the text. */
const RUN_IN_MAX = 30;
/** What outline numbering can start with: a bracket, 第, a Chinese numeral or a digit (after any spaces). */
const RUN_IN_START = /^\s*[（(第一二三四五六七八九十0-9０-９]/;

/**
 * The title a paragraph opens with, when it opens like a heading: outline numbering (`（二）`, `2、`), then a short
 * title closed by `。` or a colon (`（二）主动公开政府信息情况。2016年，…`). Legacy reports often give a topic no heading
 * of its own but such a numbered paragraph under another section.
 */
export function runInTitle(paragraph: string): string | undefined {
  // Most paragraphs open with text, not numbering: one character test spares them the numbering pattern.
  if (!RUN_IN_START.test(paragraph)) return undefined;
  const { style, restOffset } = splitSectionNumbering(paragraph);
  if (style === 'none') return undefined;
  const rest = paragraph.slice(restOffset);
  const end = rest.slice(0, RUN_IN_MAX + 1).search(/[。:：]/);
  return end > 0 ? rest.slice(0, end) : undefined;
}
