import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { t } from '../core/i18n';
import { IgnoreFiles } from './ignore-files';
import { compareStrings, displayPath, isInside } from './paths';

export { isInside };

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
  // Keyed by file identity (device and inode), so that a file reached by two names (a link, `./a` and `a`) is checked once.
  const found = new Map<string, FileEntry>();
  const problems: string[] = [];
  const add = (absolute: string, identity: string) => {
    const normalized = path.resolve(absolute);
    const entry = { path: normalized, file: displayPath(normalized, cwd) };
    const before = found.get(identity);
    if (!before || compareStrings(entry.file, before.file) < 0) found.set(identity, entry);
  };
  const addWalked = (walk: Walk, none: string) => {
    for (const w of walk.files) add(w.path, w.identity);
    for (const u of walk.unreadable) problems.push(t('无法读取文件夹 {0}（{1}）', displayPath(u.path, cwd), u.code));
    if (walk.files.length === 0 && walk.unreadable.length === 0) problems.push(none);
  };

  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const { stat, error } = statPath(absolute);
    if (error) {
      problems.push(t('无法访问 {0}（{1}）', arg, error));
    } else if (stat?.isDirectory()) {
      addWalked(await walkFiles(FOLDER_PATTERN, absolute, absolute, { ignoreFilesFrom: ignoreTop(absolute) }), t('文件夹中没有 .xxgk 或 .xxgk.md 文件：{0}', arg));
    } else if (stat) {
      add(absolute, identityOf(stat));
    } else if (fg.isDynamicPattern(arg)) {
      // Globs take forward slashes only; on Windows a path typed with backslashes is meant as one.
      const pattern = path.sep === '\\' ? arg.replace(/\\/g, '/') : arg;
      const base = path.resolve(cwd, globBase(pattern));
      addWalked(await walkFiles(pattern, cwd, base, { ignoreFilesFrom: ignoreTop(base) }), t('没有文件匹配：{0}', arg));
    } else {
      problems.push(t('找不到文件或文件夹：{0}', arg));
    }
  }

  const files = [...found.values()].sort((a, b) => compareStrings(a.file, b.file));
  return { files, problems };

  /** `.xxgkignore` files apply from the working directory down, or from the walked folder when it is elsewhere. */
  function ignoreTop(folder: string): string {
    const top = path.resolve(cwd);
    return folder === top || isInside(top, folder) ? top : folder;
  }
}

export interface WalkedFile {
  /** Absolute path, as reached from the folder (not resolved through links). */
  readonly path: string;
  /** Device and inode: the same file under two names has one identity. */
  readonly identity: string;
}

export interface Walk {
  readonly files: WalkedFile[];
  /** The walk stopped at `maxFiles`; there may be more. */
  readonly truncated: boolean;
  /** Folders that could not be read (EACCES and the like); the walk went on without them. */
  readonly unreadable: Array<{ readonly path: string; readonly code: string }>;
}

export interface WalkOptions {
  /** Stop walking once this many files are found. */
  readonly maxFiles?: number;
  /** Further ignore patterns (node_modules is always ignored). */
  readonly ignore?: readonly string[];
  /**
   * The highest folder whose `.xxgkignore` applies (see IgnoreFiles); `root` by default. The command passes the
   * working directory when the walk is inside it, so that a project's `.xxgkignore` also applies to `xxgk check sub/`.
   */
  readonly ignoreFilesFrom?: string;
}

/**
 * The regular files matching a glob under `cwd`, each once, without leaving `root` (a real path is computed).
 *
 * Symbolic links to folders are never followed: one inside `root` leads to files the walk reaches anyway, one
 * out of it (to `/`, where `/proc/<pid>/root` leads back to `/` without end) to files that are not the folder's,
 * and a loop (`sub/up → ..`) to the same files under ever longer names. A symbolic link to a file is taken when
 * the file it resolves to is inside `root`. Files are told apart by device and inode, so a second name of a file
 * already found (a link, a hard link) adds nothing. With `maxFiles` the walk itself stops there.
 */
export async function walkFiles(patterns: string | string[], cwd: string, root: string, options: WalkOptions = {}): Promise<Walk> {
  const realRoot = realpathOrSelf(root);
  const max = options.maxFiles ?? Infinity;
  const byIdentity = new Map<string, string>();
  const unreadable: Array<{ path: string; code: string }> = [];
  let truncated = false;
  if (max <= 0) return { files: [], truncated: true, unreadable };
  const ignoreFiles = new IgnoreFiles(path.resolve(options.ignoreFilesFrom ?? root));

  // An unreadable folder is noted and passed over instead of ending the whole walk (fast-glob's suppressErrors alone would hide it).
  const readdir = ((dir: string, opts: unknown, callback: (err: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    fs.readdir(dir, opts as { withFileTypes: true }, (err, entries) => {
      if (err && err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable.push({ path: dir, code: err.code ?? String(err) });
      callback(err, entries);
    })) as unknown as typeof fs.readdir;
  const stream = fg.stream(patterns, {
    cwd,
    absolute: true,
    dot: false, // skips dot-folders (.git, .vscode) as well as dot-files
    ignore: [...IGNORE, ...(options.ignore ?? [])],
    onlyFiles: false, // a link to a file is no file to fast-glob when links are not followed; sorted out below
    followSymbolicLinks: false,
    objectMode: true,
    suppressErrors: true,
    fs: { readdir },
  });
  for await (const entry of stream as AsyncIterable<fg.Entry>) {
    const file = entry.path;
    let stat: fs.Stats | undefined;
    if (entry.dirent.isFile()) stat = statOrUndefined(file);
    else if (entry.dirent.isSymbolicLink()) {
      const real = realpathOrUndefined(file);
      if (real === undefined || !isInside(realRoot, real)) continue;
      stat = statOrUndefined(real);
    }
    if (!stat?.isFile() || ignoreFiles.ignores(file)) continue;
    const identity = identityOf(stat);
    const before = byIdentity.get(identity);
    if (before === undefined) byIdentity.set(identity, file);
    else if (compareStrings(file, before) < 0) byIdentity.set(identity, file); // the same choice whatever the walk's order
    if (byIdentity.size >= max) {
      truncated = true;
      break; // ends the stream, and with it fast-glob's walk
    }
  }
  const files = [...byIdentity].map(([identity, p]) => ({ path: p, identity }));
  return { files, truncated, unreadable };
}

/** The leading part of a glob without magic characters: the folder it cannot leave. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (fg.isDynamicPattern(part)) break;
    base.push(part);
  }
  if (base.length === 1 && base[0] === '') return '/';
  return base.join('/') || '.';
}


function identityOf(stat: fs.Stats): string {
  return `${stat.dev}:${stat.ino}`;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function realpathOrSelf(p: string): string {
  return realpathOrUndefined(p) ?? path.resolve(p);
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
