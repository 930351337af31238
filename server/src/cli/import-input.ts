import * as fs from 'node:fs';
import { t } from '../core/i18n';
import { importText, type ImportResult } from '../core/import/index';
import { documentExtensions, importDocument, readerFor } from '../core/import/readers/index';
import { readReport } from './read';

/**
 * The files `xxgk import` and `xxgk check` import: plain text (.txt, read as the checker reads a report) and the
 * documents the readers take (.docx, .doc, .html, .htm). A file too large is refused before it is read.
 */

export function importExtensions(): string[] {
  return ['.txt', ...documentExtensions()];
}

export function isImportInput(file: string): boolean {
  const lower = file.toLowerCase();
  return importExtensions().some((e) => lower.endsWith(e)) && !lower.endsWith('.xxgk.md');
}

export type ImportRead =
  /** gbk: a text file that was GBK/GB18030 and was converted (said once, as a note). */
  | { readonly kind: 'imported'; readonly result: ImportResult; readonly remark?: string; readonly gbk?: boolean }
  /** The file is readable but cannot be imported: what is wrong (and, for text, where). */
  | { readonly kind: 'bad'; readonly message: string; readonly line: number; readonly column: number }
  /** The file could not be read at all. */
  | { readonly kind: 'problem'; readonly message: string };

export async function readAndImport(file: string, shown: string): Promise<ImportRead> {
  const reader = readerFor(file);
  if (!reader) {
    const read = readReport(file, shown);
    return read.kind === 'text' ? { kind: 'imported', result: importText(read.text), gbk: read.encoding === 'gb18030' } : read;
  }
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { kind: 'problem', message: t('不是普通文件，已跳过：{0}', shown) };
    if (stat.size > reader.maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return { kind: 'problem', message: t('文件过大（{0} MB，上限 {1} MB），已跳过：{2}', mb(stat.size), mb(reader.maxBytes), shown) };
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { kind: 'problem', message: t('无法读取文件 {0}（{1}）', shown, (err as NodeJS.ErrnoException).code ?? String(err)) };
  }
  const outcome = await importDocument(shown, bytes);
  if (!outcome.ok) return { kind: 'bad', message: outcome.message, line: 1, column: 1 };
  return { kind: 'imported', result: outcome.result, remark: outcome.remark };
}
