import { t } from '../../i18n';
import { MAX_REPORT_BYTES } from '../../text/decode';
import { importBlocks, importText, type ImportResult } from '../index';
import type { InputBlock } from '../input-blocks';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { ReadError } from './errors';
import { readHtmlPage } from './html';
import { importPdf } from './pdf';
import type { ContentKind } from './sniff';
import { readTextFile } from './text';

export { ReadError } from './errors';

/**
 * Which reader reads a file, by its extension (and, checked by importFile, by what its bytes really are). One entry
 * per input kind, every one asynchronous (pdf.js and JSZip are): a new kind is one more line in READERS.
 */
export interface DocumentReader {
  /** Shown in messages: what the file should be (a function: the words follow the language set at run time). */
  readonly label: () => string;
  readonly extensions: readonly string[];
  /** The contents this reader reads (checked before it is called). */
  readonly contents: readonly ContentKind[];
  /** Larger files are refused unread. */
  readonly maxBytes: number;
  /** What the notes' line numbers count (see NoteLines). */
  readonly noteLines: NoteLines;
  /** Throws ReadError when the file cannot be read. */
  readonly read: (bytes: Uint8Array) => Promise<ReaderOutput>;
}

/**
 * What an import note's line number counts: the file's own lines (plain text); the lines of the text read from it,
 * one per paragraph and per table row (Word files, web pages); or nothing useful, the note gives its page (PDF).
 */
export type NoteLines = 'file' | 'read-text' | 'page';

export interface ReaderOutput {
  readonly result: ImportResult;
  /** Said once beside the notes: how the file was read (converted from GBK). */
  readonly remark?: string;
}

const MB = 1024 * 1024;

export const READERS: readonly DocumentReader[] = [
  { label: () => t('Word 文件（.docx）'), extensions: ['.docx'], contents: ['zip'], maxBytes: 64 * MB, noteLines: 'read-text', read: async (b) => ({ result: importBlocks(withText(await readDocx(b))) }) },
  { label: () => t('旧版 Word 文件（.doc）'), extensions: ['.doc'], contents: ['ole'], maxBytes: 64 * MB, noteLines: 'read-text', read: async (b) => ({ result: importText(withText(await readDoc(b))) }) },
  { label: () => t('网页（.html）'), extensions: ['.html', '.htm'], contents: ['html'], maxBytes: 64 * MB, noteLines: 'read-text', read: (b) => Promise.resolve(readPage(b)) },
  { label: () => 'PDF', extensions: ['.pdf'], contents: ['pdf'], maxBytes: 64 * MB, noteLines: 'page', read: readPdfReport },
  // The checker's own limit and decoding: a text is a report before it is imported. Bytes that are no text (a stray
  // NUL, an empty file) get the checker's own messages, with the place.
  { label: () => t('纯文本'), extensions: ['.txt'], contents: ['text', 'binary', 'empty'], maxBytes: MAX_REPORT_BYTES, noteLines: 'file', read: (b) => Promise.resolve(readTextFile(b)) },
];

function readPage(bytes: Uint8Array): ReaderOutput {
  const page = readHtmlPage(bytes);
  const noText = () =>
    page.refused === 'links'
      ? t('网页中只有导航和链接的文字，没有年报正文（正文可能是图片，或打开后才由脚本加载），无法导入')
      : page.refused === 'prose'
        ? t('网页中的文字都在导航、表单等页面框架中，没有年报的标题、章节或统计表，无法导入；请打开年报正文所在的网页再导入')
        : t('网页中没有显示的文字（正文可能是图片、打开后才由脚本加载，或在脚本、标题等不显示的元素中），无法导入');
  return { result: importBlocks(withText(page.blocks, noText)), remark: page.remark };
}

/**
 * A Word file or page with no text at all (its report is pictures: a scan pasted in) is refused with a word, as a
 * PDF without a text layer is: it was imported as an empty report, and `xxgk import` wrote an empty file.
 */
function withText<T extends string | readonly InputBlock[]>(read: T, noText = () => t('文件中没有文字（正文可能是图片或扫描件），无法导入；不做文字识别')): T {
  const hasText = typeof read === 'string' ? VISIBLE.test(read) : read.some((b) => (b.type === 'text' ? VISIBLE.test(b.text) : b.rows.some((row) => row.some((cell) => VISIBLE.test(cell.text)))));
  if (!hasText) throw new ReadError(noText());
  return read;
}

/** A character that shows: not a space, nor a zero-width one (a Word file of one U+200B was imported as a report). */
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

async function readPdfReport(bytes: Uint8Array): Promise<ReaderOutput> {
  const imported = await importPdf(bytes);
  if (imported.kind === 'problem') throw new ReadError(imported.message);
  return { result: imported.result };
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
