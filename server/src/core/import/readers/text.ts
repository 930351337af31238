import { importText } from '../index';
import { convertedNote, decodeReport } from '../../text/decode';
import { ReadError } from './errors';
import type { ReaderOutput } from './index';

/**
 * Plain text pasted from a web page or a Word file (.txt), decoded as the checker reads a report: UTF-8, or GBK
 * converted with a remark saying so; anything else (UTF-16, binary, empty) refused with the place where it goes wrong.
 */
export function readTextFile(bytes: Uint8Array): ReaderOutput {
  const decoded = decodeReport(bytes);
  if (decoded.kind === 'bad') throw new ReadError(decoded.message, { line: decoded.line, column: decoded.column });
  return { result: importText(decoded.text), remark: decoded.encoding === 'gb18030' ? convertedNote() : undefined };
}
