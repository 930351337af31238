import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Small PDFs made in the tests: pages of text in Helvetica (ASCII) or in a Chinese font (as Word and WPS write one: a
 * Type0 font with Identity-H codes and a ToUnicode map; no glyphs are embedded, which text extraction does not need),
 * drawn rules, an image-only page (a scan), an encrypted file (a password pdf.js cannot guess), each with a correct
 * cross-reference table.
 */

export interface PdfSpec {
  /** One content stream per page (A4). */
  readonly pages: readonly string[];
  /** An /Encrypt dictionary whose user password is not empty: the file needs a password to open. */
  readonly encrypted?: boolean;
}

export function makePdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = spec.pages.map((_, k) => `${4 + 2 * k} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${spec.pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const cjkFont = 4 + 2 * spec.pages.length;
  spec.pages.forEach((content, k) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 ${cjkFont} 0 R /F3 ${cjkFont + 4} 0 R >> >> /Contents ${5 + 2 * k} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  add(`<< /Type /Font /Subtype /Type0 /BaseFont /FangSong_GB2312 /Encoding /Identity-H /DescendantFonts [${cjkFont + 1} 0 R] /ToUnicode ${cjkFont + 3} 0 R >>`);
  // Chinese characters one em wide, ASCII half an em (as 仿宋 and 宋体 set them).
  add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FangSong_GB2312 /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${cjkFont + 2} 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>`);
  add('<< /Type /FontDescriptor /FontName /FangSong_GB2312 /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  add(`<< /Length ${Buffer.byteLength(TO_UNICODE, 'latin1')} >>\nstream\n${TO_UNICODE}\nendstream`);
  // The same font for vertical writing (as WPS writes a cell whose text runs down: Identity-V over the same CIDFont,
  // no vertical metrics, so the default DW2 [880 -1000]).
  add(`<< /Type /Font /Subtype /Type0 /BaseFont /FangSong_GB2312 /Encoding /Identity-V /DescendantFonts [${cjkFont + 1} 0 R] /ToUnicode ${cjkFont + 3} 0 R >>`);
  let encrypt = '';
  if (spec.encrypted) {
    const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -4 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>]`;
  }
  return buildPdf(objects, encrypt);
}

/**
 * A PDF of these objects (numbered from 1; the first is the catalog) with its cross-reference table. A body may be
 * bytes (a compressed stream's data), written as they are.
 */
export function buildPdf(objects: ReadonlyArray<string | Buffer>, trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(length);
    push(Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]));
  });
  const xref = length;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object of `data` (text or bytes), its dictionary holding `dictionary` and the right /Length. */
export function streamObject(data: string | Buffer, dictionary = ''): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< /Length ${bytes.length} ${dictionary} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/** Text at a place (x, y of the baseline), in Helvetica of `size` points. */
export function text(x: number, y: number, s: string, size = 10): string {
  return `BT /F1 ${size} Tf ${x} ${y} Td (${s.replace(/([()\\])/g, '\\$1')}) Tj ET`;
}

/** Codes are UTF-16 code units: the ToUnicode map is the identity over the Basic Multilingual Plane. */
const TO_UNICODE = (() => {
  const ranges = Array.from({ length: 256 }, (_, hi) => {
    const h = hi.toString(16).padStart(2, '0').toUpperCase();
    return `<${h}00> <${h}FF> <${h}00>`;
  });
  const blocks: string[] = [];
  for (let k = 0; k < ranges.length; k += 100) {
    const part = ranges.slice(k, k + 100);
    blocks.push(`${part.length} beginbfrange\n${part.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
})();

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/**
 * Chinese (or mixed) text at a place in the Chinese font. A run of spaces in `s` is no character but a gap of a
 * quarter em each, as Word leaves between Chinese and figures and inside a justified line; `charSpacing` (points)
 * spreads every character, as a justified line is.
 */
export function zh(x: number, y: number, s: string, size = 10.5, charSpacing = 0): string {
  const parts = s.split(/( +)/).filter(Boolean).map((p) => (p.startsWith(' ') ? `${-250 * p.length}` : `<${hex(p)}>`));
  return `BT /F2 ${size} Tf ${charSpacing.toFixed(3)} Tc ${x} ${y} Td [${parts.join(' ')}] TJ ET`;
}

/**
 * Chinese text written downwards in the vertical font, as WPS prints a table cell whose text direction is vertical
 * (“三、本年度办理结果” down the 依申请 table's left column): the page's y axis turned over (WPS writes every page
 * top down), the text matrix scaled by 1/20, and each character placed on its own by a TD `pitch` points below the
 * last. `top` is the baseline point of the first character (page coordinates, y upwards); `x` its left edge.
 */
export function zhVertical(x: number, top: number, s: string, size = 9.95, pitch = size * 1.013): string {
  const moves = [...s].map((c, k) => `${k ? `0 ${(-pitch * 20).toFixed(3)} TD ` : ''}<${hex(c)}> Tj`);
  return `q 1 0 0 -1 0 842 cm BT /F3 ${size * 20} Tf 0.05 0 0 -0.05 ${x} ${842 - top} Tm ${moves.join(' ')} ET Q`;
}

/** A label justified over a width (分散对齐: “合    计”): each character placed on its own, spread evenly. */
export function spread(x: number, y: number, s: string, width: number, size = 10.5): string {
  const chars = [...s];
  const step = chars.length > 1 ? (width - size) / (chars.length - 1) : 0;
  return chars.map((c, k) => `BT /F2 ${size} Tf ${x + k * step} ${y} Td <${hex(c)}> Tj ET`).join('\n');
}

/** Width of a text in the Chinese font: an em for a Chinese character, half an em for ASCII. */
export function zhWidth(s: string, size = 10.5): number {
  return [...s].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? size / 2 : size), 0);
}

/** A stroked line. */
export function line(x1: number, y1: number, x2: number, y2: number): string {
  return `${x1} ${y1} m ${x2} ${y2} l S`;
}

/** A page that is only an image (a scan): a 2×2 grey inline image scaled over the page. */
export const IMAGE_ONLY_PAGE = 'q 500 0 0 700 40 70 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q';

/** The padding of the standard security handler (PDF 32000-1, 7.6.3.3). */
const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

/**
 * One page whose content stream (Flate-compressed) is encrypted, RC4 40-bit (revision 2) with an empty user
 * password, as many published PDFs are (restricted from copying, open to all): pdf.js opens it without asking, and
 * its streams can only be unpacked once decrypted.
 */
export function encryptedPage(content: Buffer): Buffer {
  const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
  const owner = Buffer.alloc(32, 0x41);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const id = Buffer.alloc(16, 0x42);
  const key = md5(PASSWORD_PAD, owner, permissions, id).subarray(0, 5);
  // Object 5 (generation 0): its key is the file key with the object's number and generation, 10 bytes of it.
  const objectKey = md5(key, Buffer.from([5, 0, 0, 0, 0])).subarray(0, 10);
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      streamObject(rc4(objectKey, deflateSync(content)), '/Filter /FlateDecode'),
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${rc4(key, PASSWORD_PAD).toString('hex')}> /P -4 >>`,
    ],
    ` /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`,
  );
}
