import WordExtractor from 'word-extractor';
import { t } from '../../i18n';
import { ReadError } from './errors';

/**
 * An old binary Word file (.doc) as plain text, read with word-extractor: paragraphs one per line, a table row per
 * line with its cells separated by tabs (each cell's mark becomes a tab, so a row ends with one tab too many: it is
 * dropped). Merged cells are not known in this format's text: the rows read as typed.
 */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ReadError(t('无法读取旧版 Word 文件（.doc）：文件已损坏、加密或不是 Word 文档（{0}）；可在 Word 或 WPS 中另存为 .docx 后再导入', reason));
  }
  return body
    .split('\n')
    .map((line) => (line.includes('\t') && line.endsWith('\t') && !/^\t+$/.test(line) ? line.slice(0, -1) : line))
    .join('\n');
}
