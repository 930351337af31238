import iconv from 'iconv-lite';

/**
 * The text of a web page from its bytes: a BOM, else the charset its `<meta>` declares (GBK and GB2312 pages are
 * common on government sites), else UTF-8 when the bytes are UTF-8, else GB18030 (the superset of GBK).
 */

/** The `<meta charset>` is within the first bytes of a page (the HTML standard says 1024; pages are not so careful). */
const SNIFF_BYTES = 8192;
const META = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;

export function decodeHtmlBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomCharset(buffer);
  if (bom) return decode(buffer, bom);
  // Without a BOM a page declared UTF-16 is read as UTF-8, as browsers do.
  const declared = declaredCharset(buffer)?.replace(/^utf-?16(?:le|be)?$/, 'utf-8');
  const utf8 = strictUtf8(buffer);
  // Where the bytes and the declaration disagree, the bytes win (a declaration copied from a template is often wrong):
  // UTF-8 bytes declared GBK or Latin-1 came out as mojibake, GBK bytes declared UTF-8 as U+FFFD, silently. Text of
  // some length that is valid UTF-8 is UTF-8; bytes that are not are the declared charset, or GB18030.
  if (utf8 !== undefined && (!declared || UTF8.test(declared) || nonAsciiBytes(buffer) >= UTF8_EVIDENCE || !iconv.encodingExists(declared))) return utf8;
  if (declared && !UTF8.test(declared) && iconv.encodingExists(declared)) return iconv.decode(buffer, declared);
  return utf8 ?? mostlyUtf8(buffer) ?? iconv.decode(buffer, 'gb18030');
}

/**
 * UTF-8 with a few bad bytes (a stray byte from an editor), read as UTF-8 with U+FFFD for them; undefined when most
 * of the text is not UTF-8 (GBK bytes, which come out nearly all U+FFFD).
 */
function mostlyUtf8(buffer: Buffer): string | undefined {
  const text = LENIENT_UTF8.decode(buffer);
  let replaced = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) wide++;
  }
  return replaced * 20 <= wide ? text : undefined;
}

/** Non-ASCII bytes that, all valid UTF-8 together, show a text is UTF-8 (eight Chinese characters' worth). */
const UTF8_EVIDENCE = 24;

function strictUtf8(buffer: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(buffer);
  } catch {
    return undefined;
  }
}

function nonAsciiBytes(buffer: Buffer): number {
  let n = 0;
  for (let i = 0; i < buffer.length && n < UTF8_EVIDENCE; i++) if (buffer[i] >= 0x80) n++;
  return n;
}

/** UTF-8, most pages, by the platform's own decoder (several times faster than iconv-lite's); the BOM is dropped by both. */
function decode(buffer: Buffer, charset: string): string {
  return UTF8.test(charset) ? LENIENT_UTF8.decode(buffer) : iconv.decode(buffer, charset);
}

/** One decoder of each for every page (a whole buffer at a time: no state carries from one page to the next). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

const UTF8 = /^utf-?8$/i;

function bomCharset(b: Buffer): string | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  return utf16Order(b);
}

/** UTF-16 by its byte order mark alone (as XML requires of a UTF-16 document). */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Bytes looked at to tell UTF-16 without a BOM. */
const UTF16_PROBE = 512;

/**
 * UTF-16 by its BOM, or without one by its zero bytes and by what it reads as. ASCII in UTF-16 (markup, figures,
 * line breaks) is a zero byte beside every character, on the odd side in little-endian, the even side in big-endian,
 * where UTF-8 and GBK text has none; and the code units must read as a report's text (below). Zero bytes alone were
 * not enough: a page of Chinese with little markup has few of them, and was refused as a binary file, while a quiet
 * 16-bit recording (samples of one byte) has a zero in every other byte, and was taken for UTF-16 text.
 */
export function utf16Order(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const bom = utf16Bom(b);
  if (bom) return bom;
  const n = Math.min(b.length, UTF16_PROBE) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  if (evenZeros + oddZeros < MIN_ZEROS) return undefined;
  // The order is the one the code units read as text in: not told by which side has more zeros, since a Chinese
  // character's low byte is zero now and then (开 is U+5F00, 一 U+4E00), and in a text of few ASCII characters those
  // outnumbered the zero high bytes of ASCII, and the text was refused.
  const le = readsAsText(b, n, true);
  const be = readsAsText(b, n, false);
  const pairs = n / 2;
  // Markup alone (ASCII) reads as text in either order; its zero bytes, one in every two, tell which.
  const markup = (high: number, low: number) => high * 3 >= pairs && low * 20 <= pairs;
  if (le && be) return markup(oddZeros, evenZeros) ? 'utf-16le' : markup(evenZeros, oddZeros) ? 'utf-16be' : undefined;
  if (!le && !be) return undefined;
  // Pairs of ASCII characters read as Chinese characters, so ASCII text with a few NULs in it may read as UTF-16 text
  // in one order. Chinese in UTF-16 has bytes of 0x80 and over, ASCII none.
  if (highBytes(b, n) * 10 < n && !markup(le ? oddZeros : evenZeros, le ? evenZeros : oddZeros)) return undefined;
  return le ? 'utf-16le' : 'utf-16be';
}

function highBytes(b: Uint8Array, n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (b[i] >= 0x80) count++;
  return count;
}

/** A line break or a figure, at least, in the probe: a stray zero byte is no evidence of UTF-16. */
const MIN_ZEROS = 2;

/**
 * Whether the probe's code units read as a report's text: nearly all of them printable ASCII, line breaks and tabs,
 * Chinese characters and punctuation, full-width forms, and hardly any control characters. Random bytes come out a
 * Chinese character four times in ten; samples of a quiet recording, controls and signs.
 */
function readsAsText(b: Uint8Array, n: number, littleEndian: boolean): boolean {
  let textual = 0;
  let controls = 0;
  for (let i = 0; i < n; i += 2) {
    const u = littleEndian ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1];
    if (u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u < 0x7f) || (u >= 0x2000 && u <= 0x206f) || (u >= 0x2460 && u <= 0x24ff) || (u >= 0x3000 && u <= 0x303f) || (u >= 0x3400 && u <= 0x9fff) || (u >= 0xff01 && u <= 0xff5e) || u === 0xfeff) textual++;
    else if (u < 0x20 || (u >= 0x7f && u < 0xa0)) controls++;
  }
  const units = n / 2;
  return textual * 10 >= units * 9 && controls * 100 <= units;
}

/** The charset the page declares; gb2312 is read as GB18030, which every GB2312 and GBK page also is. */
export function declaredCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, SNIFF_BYTES)).toString('latin1');
  const name = META.exec(head)?.[1]?.toLowerCase();
  if (!name) return undefined;
  return /^(?:gb2312|gbk|x-gbk|gb_2312-80|cp936|gb18030)$/.test(name) ? 'gb18030' : name;
}
