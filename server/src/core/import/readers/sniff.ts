import { utf16Order } from './charset';

/**
 * What a file is by its first bytes, whatever its name says: a file renamed to .docx is caught here with a clear
 * message instead of a library's error from deep inside.
 */
export type ContentKind = 'zip' | 'ole' | 'pdf' | 'rtf' | 'html' | 'text' | 'binary' | 'empty';

/**
 * What may come before a page's first tag: spaces, comments and an XML prolog (XHTML). A comment cannot run past its
 * own `-->`: as `<!--[\s\S]*?-->` inside the repetition, k comments could be grouped in 2^(k-1) ways, and 28 empty
 * comments before a letter (197 bytes) took 29 s to refuse.
 */
const PROLOG = String.raw`^(?:\s|<\?xml[^>]*\?>|<!--(?:(?!-->)[\s\S])*-->)*`;
/** A comment still open where the probe ends: a page whose first comment is longer than the probe. */
const OPEN_COMMENT = String.raw`<!--(?![\s\S]*-->)`;
/**
 * A page: after the prolog, a doctype or a tag a page can open with; or a comment still open where the probe ends.
 * XHTML with its prolog, a page opening with <section> or <header>, and one whose first comment is longer than the
 * probe were refused as plain text.
 */
const HTML = new RegExp(
  PROLOG +
    String.raw`(?:<(?:!doctype\s+html|html|head|body|meta|title|base|table|div|p|h[1-6]|span|center|font|style|script|link|section|article|header|main|nav|footer|ul|ol|a|br|img|form|noscript)\b|${OPEN_COMMENT})`,
  'i',
);
/**
 * A whole page: a doctype, <html>, <head> or <body> first (a text report may open with a tag of its own: <br>, <p>),
 * or, as for HTML, a comment still open where the probe ends.
 */
const WHOLE_PAGE = new RegExp(PROLOG + String.raw`(?:<(?:!doctype\s+html|html|head|body)\b|${OPEN_COMMENT})`, 'i');
const SNIFF = 4096;

/**
 * Pictures, recordings, archives and programs by their signatures: a recording's quiet samples, a zero byte beside
 * every small one, can read as UTF-16 text, and a picture's name changed to .html was called plain text.
 */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x49, 0x46, 0x46], // RIFF: WAV, AVI, WebP
  [0x4f, 0x67, 0x67, 0x53], // OggS
  [0x49, 0x44, 0x33], // ID3: MP3
  [0x66, 0x4c, 0x61, 0x43], // fLaC
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // BZh: bzip2
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // Rar!
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];
/** MP4, MOV, HEIC: `ftyp` after the box's length. */
const FTYP = [0x66, 0x74, 0x79, 0x70];

export interface SniffOptions {
  /** Take only a whole page for a page (for a .txt, which may hold a text report opening with a tag). */
  readonly wholePage?: boolean;
}

export function sniffContent(bytes: Uint8Array, options: SniffOptions = {}): ContentKind {
  if (bytes.length === 0) return 'empty';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (BINARY_SIGNATURES.some((sig) => starts(...sig)) || FTYP.every((b, i) => bytes[4 + i] === b)) return 'binary';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF));
  // The header may come after some bytes (within the first 1024, as readers allow), but on a line of its own: a text
  // that names %PDF- in a sentence is no PDF.
  const pdf = head.subarray(0, 1024).indexOf('%PDF-');
  if (pdf === 0 || (pdf > 0 && (head[pdf - 1] === 0x0a || head[pdf - 1] === 0x0d || !isTextByte(head[pdf - 1])))) return 'pdf';
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '');
  if (text.startsWith('{\\rtf')) return 'rtf';
  const utf16 = utf16Order(bytes);
  const probe = utf16 ? new TextDecoder(utf16).decode(head) : text;
  if ((options.wholePage ? WHOLE_PAGE : HTML).test(probe)) return 'html';
  // Text has no NUL bytes (UTF-16 text does, and is told by its BOM or by where its zero bytes are).
  return utf16 || !head.includes(0) ? 'text' : 'binary';
}

/** A byte that text (ASCII or the bytes of UTF-8 and GBK characters) may hold before a word. */
function isTextByte(b: number): boolean {
  return b >= 0x20 || b === 0x09;
}
