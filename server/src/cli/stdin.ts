import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/i18n';
import { decodeReport, MAX_REPORT_BYTES } from '../core/text/decode';
import type { ReadOutcome } from './read';

/** The argument that stands for standard input. */
export const STDIN_ARGUMENT = '-';

/** Reads all of standard input as a report (the same limits and decoding as a file). */
export function readStdin(): ReadOutcome {
  const chunks: Buffer[] = [];
  let size = 0;
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break; // Windows, at the end of a pipe
      return { kind: 'problem', message: t('无法读取标准输入（{0}）', code ?? String(err)) };
    }
    if (n === 0) break;
    size += n;
    if (size > MAX_REPORT_BYTES) return { kind: 'problem', message: t('标准输入过大（上限 20 MB），未检查') };
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return decodeReport(Buffer.concat(chunks));
}

/**
 * The path standard input's report is taken to have: `--stdin-filename` when given (its folder's `.xxgkrc.json` and
 * last year's report beside it apply, and messages name it), else `-` in the working directory.
 */
export function stdinPath(cwd: string, stdinFilename: string | undefined): { path: string; file: string } {
  if (stdinFilename === undefined) return { path: path.join(cwd, STDIN_ARGUMENT), file: STDIN_ARGUMENT };
  return { path: path.resolve(cwd, stdinFilename), file: stdinFilename.split(path.sep).join('/') };
}
