import * as fs from 'node:fs';
import { t } from '../core/i18n';
import type { FileImport } from '../core/import/file';
import { documentExtensions, readerFor } from '../core/import/readers/index';
import { importInWorker } from './import-worker';

/**
 * The files `xxgk import` and `xxgk check` import (every extension the readers take: .docx, .doc, .html, .htm, .pdf,
 * .txt): the file read, bounded by its reader's limit before a byte is read, and handed to the core's importFile in
 * a worker thread, bounded in time and memory (IsolatedImporter).
 */

export function importExtensions(): string[] {
  return documentExtensions();
}

/**
 * What `check --import` takes from folders: not .txt, since a folder's text files are notes and read-mes far more
 * often than reports (a .txt named on the command line is imported).
 */
export function folderImportExtensions(): string[] {
  return importExtensions().filter((e) => e !== '.txt');
}

export function isImportInput(file: string): boolean {
  return readerFor(file) !== undefined && !file.toLowerCase().endsWith('.xxgk.md');
}

/** The import's outcome, or a problem of the run: the file could not be read at all (missing, a folder, too large). */
export type ImportRead = { readonly kind: 'read'; readonly outcome: FileImport } | { readonly kind: 'problem'; readonly message: string };

export async function readAndImport(file: string, shown: string): Promise<ImportRead> {
  const reader = readerFor(file);
  if (!reader) return { kind: 'problem', message: t('不支持的文件类型（可导入 {0}）', importExtensions().join(' ')) };
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
  return { kind: 'read', outcome: await importInWorker(shown, bytes) };
}
