import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { t } from '../core/i18n';
import { compareStrings, displayPath } from './paths';

/** Extensions a folder is searched for; a file named explicitly is checked whatever its name. */
export const REPORT_EXTENSIONS = ['.xxgk', '.xxgk.md'] as const;
const FOLDER_PATTERN = '**/*.{xxgk,xxgk.md}';
const IGNORE = ['**/node_modules/**'];

export interface FileEntry {
  /** Absolute path. */
  readonly path: string;
  /** Display path (see displayPath). */
  readonly file: string;
}

export interface Expansion {
  /** Unique files, sorted by display path. */
  readonly files: FileEntry[];
  /** Arguments that named nothing, as messages for stderr. */
  readonly problems: string[];
}

/** Turns the command-line arguments (files, folders, globs) into the files to check. */
export async function expandPaths(args: readonly string[], cwd: string): Promise<Expansion> {
  const found = new Map<string, FileEntry>();
  const problems: string[] = [];
  const add = (absolute: string) => {
    const normalized = path.resolve(absolute);
    if (!found.has(normalized)) found.set(normalized, { path: normalized, file: displayPath(normalized, cwd) });
  };

  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const { stat, error } = statPath(absolute);
    if (error) {
      problems.push(t('无法访问 {0}（{1}）', arg, error));
    } else if (stat?.isDirectory()) {
      // dot: false skips dot-folders (.git, .vscode) as well as dot-files.
      const matches = await fg(FOLDER_PATTERN, { cwd: absolute, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) problems.push(t('文件夹中没有 .xxgk 或 .xxgk.md 文件：{0}', arg));
      matches.forEach(add);
    } else if (stat) {
      add(absolute);
    } else if (fg.isDynamicPattern(arg)) {
      // Globs take forward slashes only; on Windows a path typed with backslashes is meant as one.
      const pattern = path.sep === '\\' ? arg.replace(/\\/g, '/') : arg;
      const matches = await fg(pattern, { cwd, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true });
      if (matches.length === 0) problems.push(t('没有文件匹配：{0}', arg));
      matches.forEach(add);
    } else {
      problems.push(t('找不到文件或文件夹：{0}', arg));
    }
  }

  const files = [...found.values()].sort((a, b) => compareStrings(a.file, b.file));
  return { files, problems };
}

/** A missing path is no error here (it may be a glob); anything else (EACCES, ELOOP) is. */
function statPath(p: string): { stat?: fs.Stats; error?: string } {
  try {
    return { stat: fs.statSync(p) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? {} : { error: code ?? String(err) };
  }
}
