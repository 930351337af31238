import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/i18n';
import { importPdf, type PdfImport } from '../core/import/readers/pdf';
import { MAX_FILE_BYTES } from './read';
import type { CheckTask } from './types';

/** PDF input for `xxgk import` and `xxgk check`: the file read (bounded), its report imported, problems as messages. */

export function isPdf(file: string): boolean {
  return path.extname(file).toLowerCase() === '.pdf';
}

export async function importPdfFile(absolute: string, shown: string): Promise<PdfImport> {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) return { kind: 'problem', message: t('不是普通文件，已跳过：{0}', shown) };
    if (stat.size > MAX_FILE_BYTES) {
      return { kind: 'problem', message: t('文件过大（{0} MB，上限 20 MB），已跳过：{1}', (stat.size / 1024 / 1024).toFixed(1), shown) };
    }
    bytes = fs.readFileSync(absolute);
  } catch (err) {
    return { kind: 'problem', message: t('无法读取文件 {0}（{1}）', shown, (err as NodeJS.ErrnoException).code ?? String(err)) };
  }
  const imported = await importPdf(bytes);
  return imported.kind === 'problem' ? { kind: 'problem', message: t('无法导入 {0}：{1}', shown, imported.message) } : imported;
}

/**
 * `xxgk check` on a PDF: the report is imported here, before the checks (which may run in workers), and checked as
 * its import; diagnostics name the PDF. A PDF that cannot be imported is a problem of the run (exit 2).
 */
export async function importPdfTasks(tasks: CheckTask[], problems: string[]): Promise<CheckTask[]> {
  const out: CheckTask[] = [];
  for (const task of tasks) {
    if (!isPdf(task.path)) {
      out.push(task);
      continue;
    }
    const imported = await importPdfFile(task.path, task.file);
    if (imported.kind === 'problem') problems.push(imported.message);
    else out.push({ ...task, text: imported.result.text });
  }
  return out;
}
