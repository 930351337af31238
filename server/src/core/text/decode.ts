import * as iconv from 'iconv-lite';
import { t } from '../i18n';

/**
 * A report's text from its bytes, as the checker and the importer read it: strict UTF-8 (a UTF-8 BOM dropped), else
 * GB18030 when the bytes read cleanly as Chinese in it (many offices' files are GBK), else a message saying what the
 * file is and where it stops being UTF-8. And back: a fixed text stored as the original was.
 */

/** Larger reports are refused unread: no real report comes near this, and parsing one would stall the run. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** How a report's text was stored, so that a fix writes it back the same way. */
export interface Stored {
  readonly encoding: 'utf-8' | 'gb18030';
  /** The file began with a UTF-8 byte order mark. */
  readonly bom: boolean;
}

export type DecodedReport =
  | ({ readonly kind: 'text'; readonly text: string } & Stored)
  /** The bytes are no report's text: what is wrong, at line/column (1-based). */
  | { readonly kind: 'bad'; readonly message: string; readonly line: number; readonly column: number };

/** Decodes strictly as UTF-8; a UTF-8 BOM is dropped, so columns count from the first character after it. */
export function decodeReport(bytes: Uint8Array): DecodedReport {
  const utf16 = utf16Bom(bytes);
  if (utf16) return { kind: 'bad', line: 1, column: 1, message: t('文件是 {0} 编码，请另存为 UTF-8 后再检查', utf16) };

  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: Stored['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const chinese = bom ? undefined : decodeGb18030(body);
    if (chinese === undefined) return notUtf8(body);
    text = chinese;
    encoding = 'gb18030';
  }
  if (text.trim() === '') return { kind: 'bad', line: 1, column: 1, message: t('文件为空，不是一份年报') };
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // NUL is valid UTF-8 but never in a report: UTF-16 without a BOM, or a binary file (a renamed .docx or .pdf).
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const column = nul - before.lastIndexOf('\n');
    return { kind: 'bad', line, column, message: t('文件含有 NUL 字符：可能是没有 BOM 的 UTF-16 文件或二进制文件，不是 UTF-8 文本') };
  }
  return { kind: 'text', text, encoding, bom };
}

/** The note shown with the findings of a report that was read as GB18030 (GBK is a part of it). */
export function convertedNote(): string {
  return t('文件是 GBK/GB18030 编码，已转换为 UTF-8 读取（文件本身未改动）；建议另存为 UTF-8');
}

/** The bytes of a report's (fixed) text, stored as the original was: the same encoding, the BOM kept. */
export function encodeReport(text: string, stored: Stored): Uint8Array {
  if (stored.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const utf8 = Buffer.from(text, 'utf8');
  return stored.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

/**
 * A text that is not UTF-8, read as GB18030, the encoding of many Chinese offices' files: accepted only when it
 * decodes cleanly (no replacement character, and encoding it again gives the same bytes) and reads as Chinese (most
 * of what is not ASCII is Chinese characters or punctuation), so that a Latin-1 or binary file is not taken for it,
 * and no Chinese came before in UTF-8.
 */
function decodeGb18030(bytes: Uint8Array): string | undefined {
  // Chinese already written in UTF-8 before the first bad byte: a UTF-8 file with a part pasted in another encoding,
  // which no single decoding reads right (GBK text rarely forms even one valid three-byte UTF-8 sequence).
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, firstInvalidUtf8(bytes)));
  if ((prefix.match(/[\u3400-\u9fff]/g) ?? []).length >= 2) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (text.includes('\uFFFD')) return undefined;
  if (!Buffer.from(iconv.encode(text, 'gb18030')).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) return undefined;
  let other = 0;
  let chinese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) chinese++;
    else other++;
  }
  return chinese > 0 && other * 10 <= chinese ? text : undefined;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function utf16Bom(b: Uint8Array): string | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16';
  return undefined;
}

/** Points at the first byte that is not UTF-8, and names GBK when the whole file reads as GBK (the usual case). */
function notUtf8(bytes: Uint8Array): Extract<DecodedReport, { kind: 'bad' }> {
  const at = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
  const message = looksLikeGbk(bytes)
    ? t('文件不是 UTF-8 编码（看起来是 GBK/GB18030），请另存为 UTF-8 后再检查')
    : t('文件不是有效的 UTF-8 编码，请另存为 UTF-8 后再检查');
  return { kind: 'bad', line, column, message };
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Also when this Node has no full ICU and knows no GB18030.
    return false;
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // beyond U+10FFFF
    } else return i;
    if (i + n >= b.length) return i; // truncated at the end
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
