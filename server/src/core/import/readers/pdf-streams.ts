import { Unzlib } from 'fflate';

/**
 * How much a PDF's compressed streams unpack to, measured before pdf.js sees the file. pdf.js decodes a stream whole
 * when it first reads it, before any of our page or text limits apply: a 1 MB file of one Flate stream of spaces
 * (a "zip bomb") took 15–21 s and 2.2 GB, a 3 MB one 6.3 GB. A stream is found as pdf.js finds it (its /Length
 * where that is a number, else its `endstream`) and unpacked through its filters as far as they are Flate or
 * ASCIIHex; every stage's output counts. What cannot be measured here (an encrypted file's streams, other filters) is
 * left to the import worker's limits (cli/import-worker.ts).
 */

const MB = 1024 * 1024;

/**
 * What a report's streams may unpack to, images apart. A report's page contents come to some kilobytes a page; its
 * largest streams are embedded fonts, up to some 20 MB for a whole CJK font, and a report has a few.
 */
export const MAX_PDF_INFLATED_BYTES = 256 * MB;

/** Compressed bytes handed to the inflater at a time: one piece unpacks to at most some 1,000 times its size. */
const PIECE = 16 * 1024;
/** How far before `stream` its dictionary is looked for (a dictionary is short; this bounds the work per stream). */
const DICTIONARY_REACH = 4096;

/** `stream` as a keyword (not the end of `endstream`), and its end of line; pdf.js allows spaces before it. */
const STREAM_KEYWORD = /(?<![A-Za-z])stream[ \t]*(?:\r\n|\n|\r)/g;
const LENGTH = /\/Length\s+(\d+)(?!\s+\d+\s+R)/;
const FILTER = /\/Filter\s*(?:\[([^\]]*)\]|(\/[A-Za-z0-9]+))/;
const IMAGE = /\/Subtype\s*\/Image\b/;

/**
 * Whether the file's compressed streams, images apart, unpack to more than `limit` bytes together; it stops
 * unpacking as soon as they do.
 */
export function inflatesPast(bytes: Uint8Array, limit = MAX_PDF_INFLATED_BYTES): boolean {
  // One character per byte (windows-1252 keeps the length): the keywords are ASCII.
  const text = new TextDecoder('latin1').decode(bytes);
  let total = 0;
  const ends = new EndFinder(text);
  STREAM_KEYWORD.lastIndex = 0;
  for (let m = STREAM_KEYWORD.exec(text); m; m = STREAM_KEYWORD.exec(text)) {
    const start = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - DICTIONARY_REACH), m.index);
    const dictionary = before.slice(Math.max(0, before.lastIndexOf('obj')));
    const end = dataEnd(text, start, dictionary, ends);
    // Past a stream whose length is sure; otherwise on from its data, so that a stream with no end of its own does
    // not hide the ones after it.
    STREAM_KEYWORD.lastIndex = end.sure ? end.at : start;
    const filters = filtersOf(dictionary);
    if (!filters.length) continue;
    const data = bytes.subarray(start, end.at);
    const image = IMAGE.test(dictionary) ? imageBytes(dictionary) : undefined;
    if (image !== undefined) {
      // An image is never decoded (pdf.js is told to skip them), unless it is not one: a stream that unpacks past
      // what its size declares counts like any other.
      const unpacked = unpackedLength(data, filters, image);
      if (unpacked <= image) continue;
    }
    total += unpackedLength(data, filters, limit - total);
    if (total > limit) return true;
  }
  return false;
}

function dataEnd(text: string, start: number, dictionary: string, ends: EndFinder): { at: number; sure: boolean } {
  const length = LENGTH.exec(dictionary);
  if (length) {
    const at = start + Number(length[1]);
    let k = at;
    while (k < text.length && k < at + 8 && /\s/.test(text[k])) k++;
    if (text.startsWith('endstream', k)) return { at, sure: true };
  }
  return { at: ends.after(start), sure: false };
}

/**
 * The first `endstream` at or after a place, for places that only move forward: found once and kept while it lies
 * ahead (a file of many streams with no end would otherwise search to its end from each).
 */
class EndFinder {
  private from = -1;
  private found = -1;
  constructor(private readonly text: string) {}
  after(start: number): number {
    if (this.from < 0 || start < this.from || start > this.found) {
      const at = this.text.indexOf('endstream', start);
      this.from = start;
      this.found = at < 0 ? this.text.length : at;
    }
    return this.found;
  }
}

/** The stream's filters, in order, by their full names; none for a stream stored as it is. */
function filtersOf(dictionary: string): string[] {
  const m = FILTER.exec(dictionary);
  if (!m) return [];
  const names = (m[1] ?? m[2]).match(/\/[A-Za-z0-9]+/g) ?? [];
  return names.map((n) => ABBREVIATIONS[n.slice(1)] ?? n.slice(1));
}

/** The short names of the filters this module follows (the others are only ever compared with these). */
const ABBREVIATIONS: Readonly<Record<string, string>> = { Fl: 'FlateDecode', AHx: 'ASCIIHexDecode' };

/** What an image may unpack to by its declared size (four components of 16 bits at most), with room to spare. */
function imageBytes(dictionary: string): number | undefined {
  const width = /\/Width\s+(\d+)/.exec(dictionary);
  const height = /\/Height\s+(\d+)/.exec(dictionary);
  if (!width || !height) return undefined;
  return Number(width[1]) * Number(height[1]) * 8 + 64 * 1024;
}

/** Thrown by the last stage once the budget is spent: it stops every stage at once. */
class Spent extends Error {}

/**
 * The bytes `data` unpacks to through `filters`, every stage's output counted, or a number over `budget` once past
 * it. Filters are followed while they are Flate or ASCIIHex; data that does not unpack (encrypted, damaged) counts
 * what came out before the fault.
 */
function unpackedLength(data: Uint8Array, filters: readonly string[], budget: number): number {
  let out = 0;
  const count = (n: number) => {
    out += n;
    if (out > budget) throw new Spent();
  };
  type Stage = (chunk: Uint8Array, final: boolean) => void;
  const known = filters.slice(0, knownPrefix(filters));
  if (!known.length) return 0;
  // Each stage counts its own output; the last one's goes nowhere.
  let next: Stage = () => {};
  // Built from the last filter back to the first, each stage handing its output to the next.
  for (const filter of known.reverse()) {
    const after = next;
    if (filter === 'FlateDecode') {
      const inflater = new Unzlib((chunk, final) => {
        count(chunk.length);
        after(chunk, final);
      });
      // In pieces, whatever the stage before gave: one push unpacks its whole input at once. The end is told apart,
      // so that what came out is counted even when the end is missing or wrong (its checksum: pdf.js does not mind).
      next = (chunk, final) => {
        for (let at = 0; at < chunk.length; at += PIECE) inflater.push(chunk.subarray(at, Math.min(chunk.length, at + PIECE)), false);
        if (final) inflater.push(new Uint8Array(0), true);
      };
    } else {
      next = hexStage(after, count);
    }
  }
  try {
    next(data, true);
  } catch {
    // Spent, or data that does not unpack: what came out is what pdf.js would read too.
  }
  return out;
}

/** How many of the filters, from the first, this module can follow. */
function knownPrefix(filters: readonly string[]): number {
  let n = 0;
  while (n < filters.length && (filters[n] === 'FlateDecode' || filters[n] === 'ASCIIHexDecode')) n++;
  return n;
}

/** ASCIIHex: two hex digits a byte, white space ignored, `>` the end. */
function hexStage(after: (chunk: Uint8Array, final: boolean) => void, count: (n: number) => void): (chunk: Uint8Array, final: boolean) => void {
  let high = -1;
  let ended = false;
  return (chunk, final) => {
    const out = new Uint8Array((chunk.length >> 1) + 1);
    let n = 0;
    for (let i = 0; i < chunk.length && !ended; i++) {
      const c = chunk[i];
      if (c === 0x3e) ended = true;
      const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
      if (digit < 0) continue;
      if (high < 0) high = digit;
      else {
        if (n === out.length) break;
        out[n++] = (high << 4) | digit;
        high = -1;
      }
    }
    count(n);
    after(out.subarray(0, n), final || ended);
  };
}
