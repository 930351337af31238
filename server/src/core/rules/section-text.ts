import type { Heading, Paragraph, XxgkDocument } from '../ast';
import { GUIDANCE_OPENERS, PLACEHOLDER_ONLY } from '../formats/content';
import { allFormats } from '../formats/registry';
import type { FormatSpec } from '../formats/types';
import { NodeCache } from '../node-cache';

/** The text with spaces and punctuation removed, for comparing what two texts say. */
export function squeeze(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** What each section holds, gathered in one pass: a document may have thousands of sections, each checked. */
interface SectionContents {
  readonly paragraphs: Paragraph[][];
  readonly subheadings: Heading[][];
  readonly withTables: ReadonlySet<number>;
  /** ownParagraphs of each section, filled as asked for. */
  readonly own: Array<readonly Paragraph[] | undefined>;
}

const contentsOf = new NodeCache<XxgkDocument, SectionContents>('section contents');
function contents(doc: XxgkDocument): SectionContents {
  let found = contentsOf.get(doc);
  if (found) return found;
  const paragraphs = doc.sections.map((): Paragraph[] => []);
  const subheadings = doc.sections.map((): Heading[] => []);
  for (const p of doc.paragraphs) if (p.sectionIndex >= 0) paragraphs[p.sectionIndex]?.push(p);
  // Headings and sections are both in document order: one walk assigns each `###` to the section it falls in.
  let k = 0;
  for (const h of doc.headings) {
    if (h.level <= 2) continue;
    while (k < doc.sections.length && doc.sections[k].span.end <= h.span.start) k++;
    const section = doc.sections[k];
    if (section && section.span.start < h.span.start) subheadings[k].push(h);
  }
  const withTables = new Set([...doc.tables, ...doc.plainTables].map((t) => t.sectionIndex));
  found = { paragraphs, subheadings, withTables, own: [] };
  contentsOf.set(doc, found);
  return found;
}

/** The paragraphs of section `k` (not its tables). */
export function sectionParagraphs(doc: XxgkDocument, k: number): readonly Paragraph[] {
  return contents(doc).paragraphs[k] ?? [];
}

/** The `###` (and deeper) headings inside section `k`. */
export function subheadings(doc: XxgkDocument, k: number): readonly Heading[] {
  return contents(doc).subheadings[k] ?? [];
}

/** Whether section `k` holds a table (standard or plain). */
export function hasTable(doc: XxgkDocument, k: number): boolean {
  return contents(doc).withTables.has(k);
}

/** The shortest copy of a format's guidance that counts as copied (shorter ones are a heading's words). */
const MIN_COPIED = 6;

let guidanceCache: { formats: readonly FormatSpec[]; texts: readonly string[]; longest: number; kinds: Uint8Array } | undefined;
/**
 * Every section's `requires` text of every registered format, squeezed: the guidance skeletons and snippets write.
 * Read again only when the registry changes (a test registers a format).
 */
function formatGuidance(): { texts: readonly string[]; longest: number; kinds: Uint8Array } {
  const formats = allFormats();
  const cached = guidanceCache;
  if (cached && cached.formats.length === formats.length && cached.formats.every((f, i) => f === formats[i])) return cached;
  const texts = formats.flatMap((f) => f.sections.map((s) => squeeze(s.requires)));
  const kinds = new Uint8Array(0x10000);
  for (const g of texts) for (let i = 0; i < g.length; i++) kinds[g.charCodeAt(i)] = IN_GUIDANCE;
  guidanceCache = { formats, texts, longest: Math.max(0, ...texts.map((g) => g.length)), kinds };
  return guidanceCache;
}

const SQUEEZED_OUT = /[\s\p{P}\p{S}]/u;
/** What a UTF-16 code unit is to hasForeignCharacter: not yet known, in a guidance text, squeezed out, or neither. */
const UNKNOWN = 0;
const IN_GUIDANCE = 1;
const DROPPED = 2;
const FOREIGN = 3;

/**
 * Whether `text` has a character that squeeze keeps (not a space, punctuation or symbol) and no guidance text has (a
 * digit, a name): then its squeezed text is in no guidance text. Most paragraphs are ruled out by their first few
 * characters this way, without squeezing them (squeeze's Unicode classes were the content rules' largest cost).
 * `kinds` says it per code unit, learnt as characters are met.
 */
function hasForeignCharacter(text: string, kinds: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind = kinds[c];
    if (kind === IN_GUIDANCE) continue;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate: the whole code point is what squeeze tests.
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (!SQUEEZED_OUT.test(String.fromCodePoint(cp))) return true;
      continue;
    }
    if (kind === UNKNOWN) kinds[c] = kind = SQUEEZED_OUT.test(String.fromCharCode(c)) ? DROPPED : FOREIGN;
    if (kind === FOREIGN) return true;
  }
  return false;
}

/**
 * A paragraph that is only a template's guidance (the skeleton's “概述本年度政府信息公开工作…”, “此处填写…”, “略”,
 * “XXX”): it says nothing of the report's own. A paragraph that adds anything of its own is not guidance.
 */
export function isGuidance(text: string): boolean {
  const trimmed = text.trim();
  if (GUIDANCE_OPENERS.some((opener) => trimmed.startsWith(opener))) return true;
  // A paragraph much longer than every guidance text is no copy of one, nor a placeholder: it is not read further.
  const guidance = formatGuidance();
  if (trimmed.length > 2 * guidance.longest + 20) return false;
  if (PLACEHOLDER_ONLY.test(trimmed.replace(/[。.．！!]+$/, ''))) return true;
  if (hasForeignCharacter(trimmed, guidance.kinds)) return false;
  const own = squeeze(trimmed);
  return own.length >= MIN_COPIED && guidance.texts.some((g) => g.length >= own.length && g.includes(own));
}

/**
 * The paragraphs of section `k` that say something of their own (template guidance left out); worked out once per
 * section of a document, for the content rules that all read them.
 */
export function ownParagraphs(doc: XxgkDocument, k: number): readonly Paragraph[] {
  const own = contents(doc).own;
  return (own[k] ??= sectionParagraphs(doc, k).filter((p) => !isGuidance(p.text)));
}
