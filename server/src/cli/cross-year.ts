import * as fs from 'node:fs';
import { previousYearIndex, reportIdentity } from '../core/identity';
import { decodeReport } from '../core/text/decode';
import type { CheckTask } from './types';

/** The first bytes of a file, enough for its front matter; unreadable files have none. */
function head(path: string): string {
  let fd: number | undefined;
  try {
    // Only a regular file: opening a FIFO waits for a writer (`check fifo.txt` hung before it said "not a file").
    if (!fs.statSync(path).isFile()) return '';
    fd = fs.openSync(path, 'r');
    const buffer = Buffer.alloc(8192);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    // Whole lines only, decoded as the checker decodes a report (UTF-8, else GBK/GB18030): a GBK report of last year
    // read as UTF-8 had no agency, and was never paired. A line feed is never part of a GBK character.
    const whole = n < buffer.length ? n : buffer.lastIndexOf(0x0a, n - 1) + 1;
    const decoded = decodeReport(buffer.subarray(0, whole));
    return decoded.kind === 'text' ? decoded.text : '';
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Pairs each report with last year's report of the same agency among the files checked, for the cross-year rule. */
export function withPreviousYears(tasks: readonly CheckTask[]): CheckTask[] {
  const previous = previousYearIndex(tasks.map((task) => reportIdentity(task.given ? (task.given.kind === 'text' ? task.given.text.slice(0, 8192) : '') : head(task.path))));
  const needed = new Set(previous.filter((k) => k !== undefined));
  return tasks.map((task, i) => ({
    ...task,
    previousPath: previous[i] === undefined ? undefined : tasks[previous[i]].path,
    previousFile: previous[i] === undefined ? undefined : tasks[previous[i]].file,
    previousOfAnother: needed.has(i) || undefined,
  }));
}
