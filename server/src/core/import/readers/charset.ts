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
  const declared = declaredCharset(buffer);
  if (declared && (UTF8.test(declared) || iconv.encodingExists(declared))) return decode(buffer, declared);
  try {
    return STRICT_UTF8.decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
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
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset the page declares; gb2312 is read as GB18030, which every GB2312 and GBK page also is. */
export function declaredCharset(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, SNIFF_BYTES)).toString('latin1');
  const name = META.exec(head)?.[1]?.toLowerCase();
  if (!name) return undefined;
  return /^(?:gb2312|gbk|x-gbk|gb_2312-80|cp936|gb18030)$/.test(name) ? 'gb18030' : name;
}
