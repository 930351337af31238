import * as fs from 'node:fs';
import * as path from 'node:path';
import type { XxgkConfig } from '../core/index';
import { validateConfigText } from '../core/config-text';
import { t } from '../core/i18n';

export const CONFIG_FILE_NAME = '.xxgkrc.json';

export type LoadedConfig = { readonly config: XxgkConfig; readonly error?: undefined } | { readonly config?: undefined; readonly error: string };

/** A configuration is a few hundred bytes; anything near this is some other file, and is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigRead =
  | { readonly text: string; readonly problem?: undefined }
  | { readonly problem: 'missing' | 'not-file' | 'too-large' | 'unreadable'; readonly code?: string };

/**
 * Reads a configuration file (following links, as the user may keep it elsewhere) only when it is a regular file
 * of sensible size: a FIFO would block the read for ever and a device such as /dev/zero never ends.
 */
export function readConfigFile(file: string): ConfigRead {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { problem: 'not-file' };
    if (stat.size > MAX_CONFIG_BYTES) return { problem: 'too-large' };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { problem: 'missing' } : { problem: 'unreadable', code: code ?? String(err) };
  }
}

/** The message for a configuration file that could not be read (never anything read from it). */
export function configReadMessage(read: Exclude<ConfigRead, { problem?: undefined }>, shown: string): string {
  switch (read.problem) {
    case 'missing':
      return t('找不到配置文件：{0}', shown);
    case 'not-file':
      return t('配置文件 {0} 不是普通文件（是文件夹或设备等），未读取', shown);
    case 'too-large':
      return t('配置文件 {0} 大于 1 MB，不像是配置文件，未读取', shown);
    default:
      return t('无法读取配置文件 {0}（{1}）', shown, read.code ?? '');
  }
}

/** Reads and validates a configuration file; every failure is a Chinese message naming the file. */
export function loadConfigFile(file: string, shown: string): LoadedConfig {
  const read = readConfigFile(file);
  if (read.problem !== undefined) return { error: configReadMessage(read, shown) };
  const problems = validateConfigText(read.text);
  if (Array.isArray(problems)) return { error: t('配置文件 {0} 有误：\n{1}', shown, problems.map((p) => `  - ${p}`).join('\n')) };
  return { config: problems };
}

export { validateConfigText };

/**
 * Finds the configuration of each file: the explicit one, or the nearest `.xxgkrc.json` in the file's folder or
 * an ancestor. Lookups and loads are cached, as a run may cover thousands of files in a few folders.
 */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `explicit`: the configuration given with --config, which replaces the lookup. */
  constructor(
    private readonly cwd: string,
    private readonly explicit?: XxgkConfig,
  ) {}

  /** The configuration for a file (none when no config file applies); an invalid config file gives its error. */
  forFile(file: string): { readonly config?: XxgkConfig; readonly error?: string } {
    if (this.explicit) return { config: this.explicit };
    const source = this.find(path.dirname(path.resolve(file)));
    return source ? this.load(source) : {};
  }

  private find(dir: string): string | undefined {
    const seen: string[] = [];
    let found: string | null | undefined;
    for (let d = dir; ; ) {
      found = this.nearest.get(d);
      if (found !== undefined) break;
      seen.push(d);
      const candidate = path.join(d, CONFIG_FILE_NAME);
      // Anything of that name counts (a folder or a FIFO too), so that one which cannot be used is reported, not passed over.
      if (exists(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(d);
      if (parent === d) {
        found = null;
        break;
      }
      d = parent;
    }
    for (const d of seen) this.nearest.set(d, found);
    return found ?? undefined;
  }

  private load(file: string): LoadedConfig {
    let result = this.loaded.get(file);
    if (!result) {
      const shown = path.relative(this.cwd, file) || file;
      result = loadConfigFile(file, shown);
      this.loaded.set(file, result);
    }
    return result;
  }
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}
