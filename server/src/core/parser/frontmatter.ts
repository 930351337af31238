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

function readBlock(text: string, bodyStart: number, bodyEnd: number, first: number, closeEnd: number): FrontMatter {
  const body = text.slice(bodyStart, bodyEnd);
  const yaml = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const at = (r: readonly number[] | undefined, fallback: number) =>
    r ? { start: bodyStart + r[0], end: bodyStart + r[1] } : { start: bodyStart + fallback, end: bodyStart + fallback };
  const errors: Array<{ message: string; code?: string; span: { start: number; end: number } }> = yaml.errors.map((e) => ({ message: e.message.split('\n')[0], code: e.code as string, span: at(e.pos, 0) }));
  const entries: FrontMatterEntry[] = [];
  const contents = yaml.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keySpan = at(isScalar(keyNode) ? keyNode.range ?? undefined : undefined, 0);
      const valueNode = pair.value;
      const value = isScalar(valueNode) ? valueNode.value : valueNode == null ? null : (valueNode as { toJSON(): unknown }).toJSON();
      const range = valueNode && typeof valueNode === 'object' && 'range' in valueNode ? (valueNode.range as number[] | undefined) : undefined;
      const valueSpan = range ? at(range, 0) : { start: keySpan.end, end: keySpan.end };
      entries.push({ key, canonical: FRONT_MATTER_KEYS[key], keySpan, value, valueSpan });
    }
  } else if (contents !== null && body.trim() !== '') {
    errors.push({ message: t('前置元数据应为“键: 值”形式的映射'), span: { start: bodyStart, end: bodyEnd } });
  }
  return { span: { start: first, end: closeEnd }, bodySpan: { start: bodyStart, end: bodyEnd }, entries, errors, unclosed: false };
}
