import { t } from '../i18n';
import type { ImportResult } from './index';
import { documentExtensions, ReadError, READERS, readerFor, type DocumentReader, type NoteLines } from './readers/index';
import { sniffContent, type ContentKind } from './readers/sniff';

/**
 * The one way into the importer from a file, for `xxgk import`, `xxgk check` (in its worker threads too) and the
 * language server's import request: the file's name (for its extension) and bytes in, the report in the markup out.
 * Pure: no file system; the caller reads the file (and may refuse it by its size first, see readerFor).
 */

export type FileImport =
  | { readonly ok: true; readonly result: ImportResult; readonly noteLines: NoteLines; readonly remark?: string }
  /**
   * Nothing imported. `at` is set when the fault is a place in the file's text (its extension lies, it is not UTF-8
   * from line 3): a finding about the file; without it the file could not be read at all (damaged, encrypted, a scan).
   */
  | { readonly ok: false; readonly message: string; readonly at?: { readonly line: number; readonly column: number } };

const MB = 1024 * 1024;

/**
 * Word and WPS save a .docx, or a web page, under the name .doc; a page saved as text from a browser's source view,
 * or a document renamed, is a .txt: such a file is read as what it is, with a remark (a page named .txt was imported
 * as one line of markup). Any other mismatch is refused.
 */
const ALSO_UNDER: Readonly<Record<string, readonly ContentKind[]>> = { '.doc': ['zip', 'html'], '.txt': ['html', 'zip', 'ole', 'pdf'] };

/**
 * Imports a report from a file's bytes. Never throws: a file that is not what its name says, a damaged or encrypted
 * file, a scan or a zip bomb comes back as a message, and nothing is imported.
 */
export async function importFile(fileName: string, bytes: Uint8Array): Promise<FileImport> {
  const named = readerFor(fileName);
  if (!named) return { ok: false, message: t('不支持的文件类型（可导入 {0}）', documentExtensions().join(' ')) };
  const extension = named.extensions.find((e) => fileName.toLowerCase().endsWith(e))!;
  let reader: DocumentReader = named;
  let remark: string | undefined;
  // A .txt is a page only when it is a whole page: a text report may open with a tag of its own (<br>, <p>).
  const content = sniffContent(bytes, { wholePage: extension === '.txt' });
  if (!named.contents.includes(content)) {
    const other = ALSO_UNDER[extension]?.includes(content) ? READERS.find((r) => r.contents.includes(content)) : undefined;
    if (!other) {
      const message = t('扩展名是 {0}，但内容是{1}，不是{2}；请确认文件，或改为正确的扩展名', extension, contentName(content), named.label());
      return { ok: false, message, at: { line: 1, column: 1 } };
    }
    reader = other;
    remark = t('扩展名是 {0}，内容其实是{1}，已按{1}读取', extension, other.label());
  }
  if (bytes.byteLength > reader.maxBytes) {
    return { ok: false, message: t('文件过大（{0} MB，上限 {1} MB）', (bytes.byteLength / MB).toFixed(1), reader.maxBytes / MB) };
  }
  try {
    const read = await reader.read(bytes);
    // Both are said: that a .txt held a page, and how the page was read (an unclosed element taken out).
    const remarks = [remark, read.remark].filter((r) => r !== undefined);
    return { ok: true, result: read.result, noteLines: reader.noteLines, remark: remarks.length ? remarks.join('；') : undefined };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, message: err.message, at: err.at };
    return { ok: false, message: t('无法读取为{0}（{1}）', reader.label(), err instanceof Error ? err.message : String(err)) };
  }
}

/** What a content is, in messages (a function: the words follow the language set at run time). */
function contentName(kind: ContentKind): string {
  switch (kind) {
    case 'zip':
      return t('zip 压缩包（如 .docx）');
    case 'ole':
      return t('旧版 Office 文件（如 .doc、.xls）');
    case 'pdf':
      return 'PDF';
    case 'rtf':
      return 'RTF';
    case 'html':
      return t('网页（HTML）');
    case 'text':
      return t('纯文本');
    case 'binary':
      return t('二进制文件（如图片）');
    case 'empty':
      return t('空文件');
  }
}
