import { t } from '../../i18n';
import { importText } from '../index';
import { dropControls } from '../input-blocks';
import { convertedNote, decodeReport } from '../../text/decode';
import { utf16Order } from './charset';
import { ReadError } from './errors';
import type { ReaderOutput } from './index';

/**
 * Plain text pasted from a web page or a Word file (.txt), decoded as the checker reads a report: UTF-8, or GBK
 * converted with a remark saying so; UTF-16 (Notepad's “Unicode”) likewise; anything else (binary, empty) refused with
 * the place where it goes wrong.
 */
export function readTextFile(bytes: Uint8Array): ReaderOutput {
  const utf16 = utf16Order(bytes);
  if (utf16) {
    // The checker refuses a UTF-16 report (a fix must be written back as it was read); an import writes a new file.
    const text = dropControls(new TextDecoder(utf16).decode(bytes));
    if (text.trim() === '') throw new ReadError(t('文件为空，不是一份年报'), { line: 1, column: 1 });
    return { result: importText(text), remark: t('文件是 {0} 编码，已转换为 UTF-8 导入', utf16.toUpperCase()) };
  }
  const decoded = decodeReport(bytes);
  if (decoded.kind === 'bad') throw new ReadError(decoded.message, { line: decoded.line, column: decoded.column });
  return { result: importText(decoded.text), remark: decoded.encoding === 'gb18030' ? convertedNote() : undefined };
}
