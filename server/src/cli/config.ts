import * as fs from 'node:fs';
import * as path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { configSchema, formatIds, RULES, type XxgkConfig } from '../core/index';
import { t } from '../core/i18n';

export const CONFIG_FILE_NAME = '.xxgkrc.json';

export type LoadedConfig = { readonly config: XxgkConfig; readonly error?: undefined } | { readonly config?: undefined; readonly error: string };

/** Reads and validates a configuration file; every failure is a Chinese message naming the file. */
export function loadConfigFile(file: string, shown: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? t('找不到配置文件：{0}', shown) : t('无法读取配置文件 {0}（{1}）', shown, code ?? String(err)) };
  }
  const problems = validateConfigText(text);
  if (Array.isArray(problems)) return { error: t('配置文件 {0} 有误：\n{1}', shown, problems.map((p) => `  - ${p}`).join('\n')) };
  return { config: problems };
}

/** The parsed configuration, or the list of what is wrong with it. */
export function validateConfigText(text: string): XxgkConfig | string[] {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return [t('不是有效的 JSON（{0}）', jsonErrorText(err, body))];
  }
  const parsed = configSchema.safeParse(json);
  const problems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  // Unknown rule ids are reported even when something else is wrong too, so that one run shows every mistake.
  // A loop, not push(...ids): a spread of 130,000 arguments overflows the stack.
  const rules = isObject(json) && isObject(json.rules) ? json.rules : {};
  for (const id of Object.keys(rules)) if (!RULES.some((r) => r.id === id)) problems.push(id);
  const unknownFrom = parsed.success ? 0 : parsed.error.issues.length;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p, k) => (k >= unknownFrom ? describeUnknownRule(p) : p));
  if (problems.length > MAX_LISTED_PROBLEMS) listed.push(t('……另有 {0} 处问题未列出', problems.length - MAX_LISTED_PROBLEMS));
  return parsed.success && problems.length === 0 ? parsed.data : listed;
}

/** A configuration with thousands of mistakes is reported by its first few and a count, not line by line. */
export const MAX_LISTED_PROBLEMS = 20;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.parse's message, with the line and column when it gives only an offset (Node 20). */
function jsonErrorText(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message}; ${t('第 {0} 行第 {1} 列', line, column)}`;
}

type Issue = { readonly code: string; readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] };

function describeIssue(issue: Issue): string {
  const [head, rule] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return t('未知的设置项 {0}（可用：$schema、format、rules）', (issue.keys ?? []).map((k) => `"${k}"`).join('、'));
  }
  if (issue.path.length === 0) return t('配置必须是一个 JSON 对象');
  if (head === 'format') return t('"format" 必须是 {0} 之一', formatIds().map((f) => `"${f}"`).join('、'));
  if (head === 'rules' && rule !== undefined) {
    return t('规则 "{0}" 的设置必须是 "error"、"warning"、"info"、"hint"、"off"、true 或 false', String(rule));
  }
  if (head === 'rules') return t('"rules" 必须是一个对象，键为规则 id');
  return `${issue.path.map(String).join('.')}：${issue.message}`;
}

function describeUnknownRule(id: string): string {
  const ids = RULES.map((r) => r.id);
  const near = ids.length ? closest(id, ids) : undefined;
  if (near && distance(id, near) <= Math.max(2, Math.floor(id.length / 3))) return t('没有名为 "{0}" 的规则，是否指 "{1}"？', id, near);
  return t('没有名为 "{0}" 的规则（规则列表见 docs/rules.md）', id);
}

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
      if (isFile(candidate)) {
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

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
