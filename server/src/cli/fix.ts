import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { fixAll } from '../core/index';
import { t } from '../core/i18n';
import { isImportInput } from './import-input';
import { encodeReport } from '../core/text/decode';
import { readReport, type ReadOutcome } from './read';
import type { CheckTask, RunContext } from './types';

/** What `--fix` / `--fix-dry-run` did over all files. */
export interface FixRun {
  /** Safe fixes applied (or, for a dry run, that would be). */
  readonly fixes: number;
  /** Files changed (or that would be). */
  readonly files: number;
  /** Unified diff of every change, for --fix-dry-run. */
  readonly diff: string;
  /** Files that could not be written back. */
  readonly problems: string[];
  /** Standard input's report after its fixes (a report read from `-` is written to standard output, not to a file). */
  readonly stdinText?: string;
}

/**
 * Applies every safe fix to each report (core/fix-all.ts), writing it back in its own encoding, or, for a dry run,
 * describing the change as a unified diff. Files that cannot be read are left to the check to report.
 */
export function fixReports(tasks: readonly CheckTask[], run: RunContext, dryRun: boolean): FixRun {
  let fixes = 0;
  let files = 0;
  const diffs: string[] = [];
  const problems: string[] = [];
  let stdinText: string | undefined;
  for (const task of tasks) {
    // A report imported on the fly (a PDF, a Word file) is checked, never rewritten: its source is not the markup.
    if (isImportInput(task.path)) continue;
    const read: ReadOutcome = task.given ?? readReport(task.path, task.file);
    if (read.kind !== 'text') continue;
    const result = fixAll(read.text, { config: task.config, context: { today: run.today } });
    if (task.given) stdinText = result.text;
    if (result.applied === 0) continue;
    fixes += result.applied;
    files++;
    if (dryRun) {
      diffs.push(createTwoFilesPatch(`a/${task.file}`, `b/${task.file}`, read.text, result.text, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''));
    } else if (!task.given) {
      try {
        fs.writeFileSync(task.path, encodeReport(result.text, read));
      } catch (err) {
        problems.push(t('无法写回修正后的文件 {0}（{1}）', task.file, (err as NodeJS.ErrnoException).code ?? String(err)));
      }
    }
  }
  return { fixes, files, diff: diffs.join(''), problems, stdinText };
}

/** The line said after fixing, on standard error so that standard output stays the findings (or the diff). */
export function fixSummary(run: FixRun, dryRun: boolean): string {
  if (run.fixes === 0) return t('没有可自动修正的问题');
  return dryRun ? t('可自动修正 {0} 处（{1} 个文件）；去掉 --fix-dry-run、改用 --fix 即可写入', run.fixes, run.files) : t('已自动修正 {0} 处（{1} 个文件）', run.fixes, run.files);
}
