import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside } from './paths';

/** Files a folder walk leaves out, in gitignore syntax, relative to the folder the file is in. */
export const IGNORE_FILE_NAME = '.xxgkignore';
/** An ignore file is a few lines; anything larger is not read (a FIFO or a device under that name neither). */
const MAX_IGNORE_BYTES = 1024 * 1024;

/**
 * The `.xxgkignore` files from `top` down to each file's folder, applied as git applies `.gitignore` files: a deeper
 * file's rule wins over a shallower one's (`!keep.xxgk` re-includes), and a pattern is relative to its file's folder.
 */
export class IgnoreFiles {
  private readonly byFolder = new Map<string, Ignore | null>();

  constructor(private readonly top: string) {}

  ignores(file: string): boolean {
    const folders: string[] = [];
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (dir !== this.top && !isInside(this.top, dir)) return false; // outside the walk's folder: no rule of ours applies
      folders.unshift(dir);
      if (dir === this.top) break;
    }
    let ignored = false;
    for (const dir of folders) {
      const rules = this.rules(dir);
      if (!rules) continue;
      const result = rules.test(path.relative(dir, file).split(path.sep).join('/'));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private rules(dir: string): Ignore | null {
    let rules = this.byFolder.get(dir);
    if (rules === undefined) {
      const text = readSmallFile(path.join(dir, IGNORE_FILE_NAME));
      rules = text === undefined ? null : ignore().add(text);
      this.byFolder.set(dir, rules);
    }
    return rules;
  }
}

function readSmallFile(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_IGNORE_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
