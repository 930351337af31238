import { isMap, isScalar, parseDocument } from 'yaml';
import type { FrontMatter, FrontMatterEntry, FrontMatterKey } from '../ast';
import { t } from '../i18n';

/** Chinese key names and their English aliases. */
export const FRONT_MATTER_KEYS: Readonly<Record<string, FrontMatterKey>> = {
  机关: 'agency',
  agency: 'agency',
  年度: 'year',
  year: 'year',
  格式: 'format',
  format: 'format',
  发布日期: 'published',
  published: 'published',
  层级: 'level',
  level: 'level',
};

const FENCE = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/**
 * Reads the YAML front matter at the very top (after an optional BOM). Returns undefined when the text does not
 * open with `---`. Positions come from the YAML library's own node ranges, offset into the document.
 */
export function parseFrontMatter(text: string, lineStarts: readonly number[]): FrontMatter | undefined {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = lineStarts.length > 1 ? lineStarts[1] - 1 : text.length;
  if (!FENCE.test(text.slice(first, firstLineEnd))) return undefined;
  let closeLine = -1;
  for (let i = 1; i < lineStarts.length; i++) {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length;
    if (CLOSE.test(text.slice(lineStarts[i], end))) {
      closeLine = i;
      break;
    }
  }
  const bodyStart = lineStarts.length > 1 ? lineStarts[1] : text.length;
  if (closeLine < 0) {
    // An unclosed fence: do not swallow the whole report as YAML.
    return { span: { start: first, end: firstLineEnd }, bodySpan: { start: bodyStart, end: bodyStart }, entries: [], errors: [], unclosed: true };
  }
  const bodyEnd = lineStarts[closeLine];
  const closeEnd = closeLine + 1 < lineStarts.length ? lineStarts[closeLine + 1] - 1 : text.length;
  // The front matter sits at offset 0, so the same block always yields the same (immutable) result: while the
  // author types below it, it is not parsed again.
  const block = text.slice(0, closeEnd);
  const hit = memo.get(block);
  if (hit) return hit;
  const result = readBlock(text, bodyStart, bodyEnd, first, closeEnd);
  if (memo.size >= 64) memo.delete(memo.keys().next().value!);
  memo.set(block, result);
  return result;
}

const memo = new Map<string, FrontMatter>();

/**
 * How deep the front matter may nest (block indentation, `- ` items, `[`/`{`): the YAML library reads nesting by
 * recursion and overflows the stack near 2,000 levels, and a value that deep would overflow whatever recursed over
 * it later (String() of nested arrays). Four keys of plain values need a depth of 1.
 */
export const MAX_FRONT_MATTER_DEPTH = 64;
const EXPLICIT_KEY_WEIGHT = 8;
/** The YAML errors reported, at most: a line of 300 `]` is 300 errors, and one says enough. */
const MAX_YAML_ERRORS = 10;

/**
 * An upper bound of the nesting of a YAML text, in one pass: the stack of block indentations, compact `- `/`: `
 * indicators on a line (an explicit key `? ` counts 8), and open flow brackets (even inside quotes: a bound, not a reading). Returns early once past
 * `limit`.
 */
export function yamlDepthBound(body: string, limit = MAX_FRONT_MATTER_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let i = 0;
  const n = body.length;
  while (i < n) {
    let indent = 0;
    while (i < n && body.charCodeAt(i) === 0x20) {
      indent++;
      i++;
    }
    const c = body.charCodeAt(i);
    if (i >= n || c === 0x0a || c === 0x0d || c === 0x23 /* # */) {
      while (i < n && body.charCodeAt(i) !== 0x0a && body.charCodeAt(i) !== 0x0d) i++;
      i++;
      continue;
    }
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    let compact = 0;
    for (; i < n; i++) {
      const d = body.charCodeAt(i);
      if (d === 0x0a || d === 0x0d) break;
      if (d === 0x5b || d === 0x7b) flow++;
      else if (d === 0x5d || d === 0x7d) flow = Math.max(0, flow - 1);
      else if ((d === 0x2d || d === 0x3a) && (i + 1 >= n || body.charCodeAt(i + 1) === 0x20)) compact++;
      // An explicit key (`? `) weighs more: the library stringifies a collection key, its keys included, for each
      // level again (4^n characters: 20 nested `? ` made an 8 MB string, 46 a RangeError).
      else if (d === 0x3f && (i + 1 >= n || body.charCodeAt(i + 1) === 0x20)) compact += EXPLICIT_KEY_WEIGHT;
      const depth = indents.length + compact + flow;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    }
    i++;
  }
  return max;
}

/** The library's messages may quote the text: a header of 300,000 `|` once made a message as long. */
function clip(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/** A YAML text with every lone CR read as a line break, as computeLineStarts does (same length: offsets hold). */
function withLineFeeds(body: string): string {
  return body.indexOf('\r') < 0 ? body : body.replace(/\r(?!\n)/g, '\n');
}

function readBlock(text: string, bodyStart: number, bodyEnd: number, first: number, closeEnd: number): FrontMatter {
  const span = { start: first, end: closeEnd };
  const bodySpan = { start: bodyStart, end: bodyEnd };
  const body = withLineFeeds(text.slice(bodyStart, bodyEnd));
  if (yamlDepthBound(body) > MAX_FRONT_MATTER_DEPTH) {
    const message = t('前置元数据嵌套过深（超过 {0} 层）；应为“键: 值”形式的简单映射，例如“年度: 2023”。', MAX_FRONT_MATTER_DEPTH);
    return { span, bodySpan, entries: [], errors: [{ message, code: 'TOO_DEEP', span: bodySpan }], unclosed: false };
  }
  try {
    return readYaml(body, bodyStart, bodyEnd, span, bodySpan);
  } catch (err) {
    // The parser promises never to throw: whatever the YAML library cannot cope with becomes a diagnostic.
    const reason = err instanceof Error ? err.message : String(err);
    const message = t('无法读取前置元数据（{0}）；应为“键: 值”形式的简单映射，例如“年度: 2023”。', reason.slice(0, 200));
    return { span, bodySpan, entries: [], errors: [{ message, code: 'UNREADABLE', span: bodySpan }], unclosed: false };
  }
}

/** A plain number as a report writes it (2023, 3.5); anything YAML also reads as a number (0x7E7, 1e3, .inf) is not. */
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

function readYaml(body: string, bodyStart: number, bodyEnd: number, span: FrontMatter['span'], bodySpan: FrontMatter['bodySpan']): FrontMatter {
  const yaml = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const at = (r: readonly number[] | undefined, fallback: number) =>
    r ? { start: bodyStart + r[0], end: bodyStart + r[1] } : { start: bodyStart + fallback, end: bodyStart + fallback };
  const errors: Array<{ message: string; code?: string; span: { start: number; end: number } }> = yaml.errors.slice(0, MAX_YAML_ERRORS).map((e) => ({ message: clip(e.message.split('\n')[0]), code: e.code, span: at(e.pos, 0) }));
  const entries: FrontMatterEntry[] = [];
  const contents = yaml.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keySpan = at(isScalar(keyNode) ? keyNode.range ?? undefined : undefined, 0);
      const valueNode = pair.value;
      // 年度: 0x7E7 is 2023 to YAML, not to a reader: a number written otherwise than plainly stays the text it is.
      const scalarValue = isScalar(valueNode) && typeof valueNode.value === 'number' && typeof valueNode.source === 'string' && !PLAIN_NUMBER.test(valueNode.source) ? valueNode.source : isScalar(valueNode) ? valueNode.value : undefined;
      const value = isScalar(valueNode) ? scalarValue : valueNode == null ? null : (valueNode as { toJSON(): unknown }).toJSON();
      const range = valueNode && typeof valueNode === 'object' && 'range' in valueNode ? (valueNode.range as number[] | undefined) : undefined;
      const valueSpan = range ? at(range, 0) : { start: keySpan.end, end: keySpan.end };
      entries.push({ key, canonical: FRONT_MATTER_KEYS[key], keySpan, value, valueSpan });
    }
  } else if (contents !== null && body.trim() !== '') {
    errors.push({ message: t('前置元数据应为“键: 值”形式的映射'), span: { start: bodyStart, end: bodyEnd } });
  }
  return { span, bodySpan, entries, errors, unclosed: false };
}
