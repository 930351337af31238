import { t } from '../../i18n';
import { importBlocks, importText, type ImportResult } from '../index';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { ReadError } from './errors';
import { readHtml } from './html';
import { sniffContent, type ContentKind } from './sniff';

export { ReadError } from './errors';

/**
 * Which reader reads a file, by its extension and by what its bytes really are. One entry per input kind: a new
 * kind (PDF) is one more line in READERS. Plain text (.txt) is not here: the CLI reads it as the checker reads a
 * report (strict UTF-8, with its messages), then calls importText.
 */
export interface DocumentReader {
  /** Shown in messages: what the file should be (a function: the words follow the language set at run time). */
  readonly label: () => string;
  readonly extensions: readonly string[];
  /** The contents this reader reads (checked before it is called). */
  readonly contents: readonly ContentKind[];
  /** Larger files are refused unread. */
  readonly maxBytes: number;
  readonly read: (bytes: Uint8Array) => Promise<DocumentImport>;
}

/** An import and the text its notes' line numbers count in (one line per paragraph and per table row). */
export type DocumentImport = ImportResult & { readonly source: string };

const MB = 1024 * 1024;

export const READERS: readonly DocumentReader[] = [
  { label: () => t('Word 文件（.docx）'), extensions: ['.docx'], contents: ['zip'], maxBytes: 64 * MB, read: async (b) => importBlocks(await readDocx(b)) },
  { label: () => t('旧版 Word 文件（.doc）'), extensions: ['.doc'], contents: ['ole'], maxBytes: 64 * MB, read: async (b) => textImport(await readDoc(b)) },
  { label: () => t('网页（.html）'), extensions: ['.html', '.htm'], contents: ['html'], maxBytes: 64 * MB, read: (b) => Promise.resolve(importBlocks(readHtml(b))) },
];

function textImport(text: string): DocumentImport {
  return { ...importText(text), source: text };
}

/** The reader for a file name's extension, if any. */
export function readerFor(fileName: string): DocumentReader | undefined {
  const lower = fileName.toLowerCase();
  return READERS.find((r) => r.extensions.some((e) => lower.endsWith(e)));
}

/** Extensions the readers take (for the CLI's messages and the folder walk). */
export function documentExtensions(): string[] {
  return READERS.flatMap((r) => [...r.extensions]);
}

/**
 * Word and WPS save a .docx, or a web page, under the name .doc: such a file is read as what it is, with a remark.
 * Any other mismatch is refused.
 */
const ALSO_UNDER: Readonly<Record<string, readonly ContentKind[]>> = { '.doc': ['zip', 'html'] };

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

export type DocumentOutcome =
  | { readonly ok: true; readonly result: DocumentImport; readonly remark?: string }
  | { readonly ok: false; readonly message: string };

/**
 * Imports a Word file or a web page from its bytes (the name gives the extension). Never throws: a file that is not what its name says, a damaged
 * file or a zip bomb comes back as a message, and nothing is imported.
 */
export async function importDocument(fileName: string, bytes: Uint8Array): Promise<DocumentOutcome> {
  const named = readerFor(fileName);
  if (!named) return { ok: false, message: t('不支持的文件类型（可导入 {0} 和 .txt）', documentExtensions().join(' ')) };
  const content = sniffContent(bytes);
  const extension = named.extensions.find((e) => fileName.toLowerCase().endsWith(e))!;
  let reader = named;
  let remark: string | undefined;
  if (!named.contents.includes(content)) {
    const other = ALSO_UNDER[extension]?.includes(content) ? READERS.find((r) => r.contents.includes(content)) : undefined;
    if (!other) {
      return { ok: false, message: t('扩展名是 {0}，但内容是{1}，不是{2}；请确认文件，或改为正确的扩展名', extension, contentName(content), named.label()) };
    }
    reader = other;
    remark = t('{0} 的扩展名是 {1}，内容其实是{2}，已按{2}读取', fileName, extension, other.label());
  }
  if (bytes.byteLength > reader.maxBytes) {
    return { ok: false, message: t('文件过大（{0} MB，上限 {1} MB）', (bytes.byteLength / MB).toFixed(1), reader.maxBytes / MB) };
  }
  try {
    return { ok: true, result: await reader.read(bytes), remark };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, message: err.message };
    return { ok: false, message: t('无法读取为{0}（{1}）', reader.label(), err instanceof Error ? err.message : String(err)) };
  }
}
