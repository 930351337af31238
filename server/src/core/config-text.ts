import { closest, distance } from 'fastest-levenshtein';
// The package's main entry is a UMD build whose internal require() calls a bundler cannot follow; its ESM build bundles.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { configSchema, type XxgkConfig } from './config';
import { formatIds } from './formats/registry';
import { t } from './i18n';
import { isRuleName, RULES } from './rules/index';

/** The keys a configuration may have at its top level. */
const TOP_KEYS = ['$schema', 'format', 'rules'] as const;
/** One run shows every mistake, but a file with thousands of them gets a count, not thousands of lines. */
const MAX_LISTED = 20;

/**
 * The parsed configuration, or the list of what is wrong with it (used by the command and the language server).
 *
 * A file that is not a configuration at all (not JSON, not an object, or an object with keys no configuration
 * has: another file, or a link to one such as `/etc/passwd`) is described by what is wrong and where, without
 * quoting anything from it. Only a file shaped like a configuration has its own keys quoted back (rule ids, a
 * misspelt `rulez`), where naming them is what helps.
 */
export function validateConfigText(text: string): XxgkConfig | string[] {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [syntaxProblem(body)];
  }
  if (!isObject(json)) return [t('配置必须是一个 JSON 对象')];

  const strangers = Object.keys(json).filter((k) => !(TOP_KEYS as readonly string[]).includes(k) && !nearTopKey(k));
  if (strangers.length > 0) {
    const at = keyLocation(body, strangers[0]);
    return [
      at
        ? t('不是 xxgk 的配置：有 {0} 个未知的设置项，第一个在第 {1} 行第 {2} 列（可用：$schema、format、rules）', strangers.length, at.line, at.column)
        : t('不是 xxgk 的配置：有 {0} 个未知的设置项（可用：$schema、format、rules）', strangers.length),
    ];
  }

  const parsed = configSchema.safeParse(json);
  // Described lazily: only the first MAX_LISTED are worded (the nearest rule id is looked for in each).
  const problems: Array<() => string> = [];
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(() => describeIssue(issue));
  // Unknown rule ids are reported even when something else is wrong too, so that one run shows every mistake.
  const rules = isObject(json.rules) ? json.rules : {};
  for (const id of Object.keys(rules)) if (!isRuleName(id)) problems.push(() => describeUnknownRule(id));
  if (parsed.success && problems.length === 0) return parsed.data;
  const listed = problems.slice(0, MAX_LISTED).map((describe) => describe());
  return problems.length <= MAX_LISTED ? listed : [...listed, t('……另有 {0} 处问题', problems.length - MAX_LISTED)];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nearTopKey(key: string): boolean {
  const near = closest(key, [...TOP_KEYS]);
  return distance(key, near) <= 2 && key.length <= 12;
}

/** Where JSON.parse failed and why, found again by a parser that gives offsets; never an excerpt of the text. */
function syntaxProblem(body: string): string {
  if (body.trim() === '') return t('不是有效的 JSON：文件是空的');
  const errors: ParseError[] = [];
  try {
    parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // A recursive parser on pathologically deep input: say no more than JSON.parse's verdict.
    errors.length = 0;
  }
  const first = errors[0];
  if (!first) return t('不是有效的 JSON');
  const code = printParseErrorCode(first.error);
  const before = body.slice(0, first.offset).trimEnd();
  if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && before.endsWith(',') && /^\s*[}\]]/.test(body.slice(first.offset))) {
    const comma = lineColumn(body, before.length - 1);
    return t('不是有效的 JSON：第 {0} 行第 {1} 列{2}', comma.line, comma.column, t('处多了一个逗号'));
  }
  const { line, column } = lineColumn(body, first.offset);
  return t('不是有效的 JSON：第 {0} 行第 {1} 列{2}', line, column, reason(code));
}

function reason(code: ReturnType<typeof printParseErrorCode>): string {
  switch (code) {
    case 'PropertyNameExpected':
      return t('处缺少用双引号括起的属性名');
    case 'ValueExpected':
      return t('处缺少值');
    case 'ColonExpected':
      return t('处缺少冒号');
    case 'CommaExpected':
      return t('处缺少逗号');
    case 'CloseBraceExpected':
      return t('处缺少 }');
    case 'CloseBracketExpected':
      return t('处缺少 ]');
    case 'EndOfFileExpected':
      return t('起有多余的内容');
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return t('处有注释，JSON 不允许注释');
    case 'UnexpectedEndOfString':
      return t('处的字符串没有结束');
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return t('处的数字格式不对');
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return t('处的转义序列无效');
    case 'InvalidCharacter':
      return t('处的字符串中有控制字符');
    default:
      return t('处有意外的字符');
  }
}

/** 1-based line and column (UTF-16 code units) of an offset; CR LF, CR and LF each end a line, as in editors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function keyLocation(body: string, key: string): { line: number; column: number } | undefined {
  let root: Node | undefined;
  try {
    root = parseTree(body);
  } catch {
    return undefined;
  }
  const property = root?.children?.find((p) => p.children?.[0]?.value === key);
  return property ? lineColumn(body, property.offset) : undefined;
}

type Issue = { readonly code: string; readonly path: readonly PropertyKey[]; readonly message: string; readonly keys?: readonly string[] };

function describeIssue(issue: Issue): string {
  const [head, rule] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    // Only keys close to a real one reach here (see nearTopKey), so naming them gives nothing away.
    return t('未知的设置项 {0}（可用：$schema、format、rules）', (issue.keys ?? []).map((k) => `"${k}"`).join('、'));
  }
  if (issue.path.length === 0) return t('配置必须是一个 JSON 对象');
  if (head === 'format') return t('"format" 必须是 {0} 之一', formatIds().map((f) => `"${f}"`).join('、'));
  if (head === 'rules' && rule !== undefined) {
    return t('规则 "{0}" 的设置必须是 "error"、"warning"、"info"、"hint"、"off"、true 或 false', String(rule));
  }
  if (head === 'rules') return t('"rules" 必须是一个对象，键为规则 id');
  if (head === '$schema') return t('"$schema" 必须是字符串');
  return `${issue.path.map(String).join('.')}：${issue.message}`;
}

function describeUnknownRule(id: string): string {
  const ids = RULES.map((r) => r.id);
  const near = ids.length ? closest(id, ids) : undefined;
  if (near && distance(id, near) <= Math.max(2, Math.floor(id.length / 3))) return t('没有名为 "{0}" 的规则，是否指 "{1}"？', id, near);
  return t('没有名为 "{0}" 的规则（规则列表见 docs/rules.md）', id);
}
