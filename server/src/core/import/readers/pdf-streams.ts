import { Unzlib } from 'fflate';

/**
 * How much a PDF's compressed streams unpack to, measured before pdf.js sees the file. pdf.js decodes a stream whole
 * when it first reads it, before any of our page or text limits apply: a 1 MB file of one Flate stream of spaces
 * (a "zip bomb") took 15–21 s and 2.2 GB, a 3 MB one 6.3 GB. Images are left out: pdf.js is told to skip them
 * (maxImageSize in pdf.ts), since only text and ruled lines are read.
 */

const MB = 1024 * 1024;

/**
 * What a report's streams may unpack to, images apart. A report's page contents come to some kilobytes a page; its
 * largest streams are embedded fonts, up to some 20 MB for a whole CJK font, and a report has a few.
 */
export const MAX_PDF_INFLATED_BYTES = 256 * MB;

/** Compressed bytes handed to the inflater at a time: one piece unpacks to at most some 1,000 times its size. */
const PIECE = 16 * 1024;

const STREAM_KEYWORD = /stream(?:\r\n|\n|\r)/g;
const IMAGE = /\/Subtype\s*\/Image\b/;

/**
 * Whether the file's zlib-compressed streams, images apart, unpack to more than `limit` bytes together; it stops
 * inflating as soon as they do. A stream that is not zlib (another filter, encrypted, damaged) is not counted: pdf.js
 * meets it on its own terms.
 */
export function inflatesPast(bytes: Uint8Array, limit = MAX_PDF_INFLATED_BYTES): boolean {
  // One character per byte (windows-1252 keeps the length): the keywords are ASCII.
  const text = new TextDecoder('latin1').decode(bytes);
  let total = 0;
  STREAM_KEYWORD.lastIndex = 0;
  for (let m = STREAM_KEYWORD.exec(text); m; m = STREAM_KEYWORD.exec(text)) {
    if (!followsDictionary(text, m.index)) continue;
    const start = m.index + m[0].length;
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    STREAM_KEYWORD.lastIndex = end;
    const objectStart = text.lastIndexOf('obj', m.index);
    if (IMAGE.test(text.slice(objectStart < 0 ? Math.max(0, m.index - 4096) : objectStart, m.index))) continue;
    total += inflatedLength(bytes.subarray(start, end), limit - total);
    if (total > limit) return true;
  }
  return false;
}

/** A stream's data follows its dictionary's `>>` (and white space); a `stream` elsewhere is text or data. */
function followsDictionary(text: string, keyword: number): boolean {
  let i = keyword - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return i > 0 && text[i] === '>' && text[i - 1] === '>';
}

/**
 * The number of bytes `data` inflates to, or a number over `budget` once it passes it; 0 for data that is not
 * zlib-compressed. A stream cut short or with a bad checksum counts what came out before the fault.
 */
function inflatedLength(data: Uint8Array, budget: number): number {
  if (data.length < 2 || (data[0] & 0x0f) !== 8 || ((data[0] << 8) | data[1]) % 31 !== 0) return 0;
  let out = 0;
  const inflater = new Unzlib((chunk) => {
    out += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && out <= budget; at += PIECE) {
      const end = Math.min(data.length, at + PIECE);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    // Damaged or ended early: what came out is what pdf.js would read too.
  }
  return out;
}
