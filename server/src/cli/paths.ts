import * as path from 'node:path';

/** Path shown to the user and written in JSON/SARIF: relative to `cwd`, with forward slashes on every platform. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

/** Plain code-unit order, so that output does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `p` is strictly inside the folder `dir` (both real paths). */
export function isInside(dir: string, p: string): boolean {
  const relative = path.relative(dir, p);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}
