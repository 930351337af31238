import * as fs from 'node:fs';

/**
 * Whether A and B name the same file: the same path, or the same file identity (device and inode, followed through
 * symbolic links), so that a hard link or a symlink to the report is never taken for a different file.
 */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  let sa: fs.BigIntStats;
  let sb: fs.BigIntStats;
  try {
    sa = fs.statSync(a, { bigint: true });
    sb = fs.statSync(b, { bigint: true });
  } catch {
    return false; // one of them does not exist (yet): it cannot be the other
  }
  if (sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  try {
    return fs.realpathSync.native(a) === fs.realpathSync.native(b);
  } catch {
    return false;
  }
}
