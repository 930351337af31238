import { closest, distance } from 'fastest-levenshtein';
import { quote } from './util';
import { z } from 'zod';
import type { FrontMatterEntry, FrontMatterKey } from '../ast';
import { formatIdList, isFormatId } from '../formats/registry';
import { t } from '../i18n';
import { LEVEL_WORDS } from '../report-level';
import { FRONT_MATTER_KEYS } from '../parser/frontmatter';
import { ALL_FORMATS, type Rule } from './types';

const isRealDate = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** One schema per key, each failure mapped to a message that says what is expected. */
const VALUE_SCHEMAS: Record<FrontMatterKey, { schema: z.ZodType; expected: () => string }> = {
  agency: { schema: z.string().trim().min(1), expected: () => t('机关名称（文字），例如“某市市场监督管理局”') },
  year: {
    schema: z.union([z.number(), z.string().regex(/^\d{4}$/).transform(Number)]).pipe(z.number().int().min(2008).max(2100)),
    expected: () => t('4 位年份（2008 年《条例》施行后），例如 2023'),
  },
  format: {
    schema: z.union([z.string(), z.number()]).transform(String).refine(isFormatId),
    expected: () => formatIdList(t(' 或 ')),
  },
  level: {
    schema: z.string().trim().refine((v) => v in LEVEL_WORDS),
    expected: () => t('“本级政府”（本级人民政府、管委会、行政公署等的整体年报）或“部门”'),
  },
  published: {
    schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate),
    expected: () => t('日期 YYYY-MM-DD，例如 2024-01-26'),
  },
};

const KEY_NAMES = Object.keys(FRONT_MATTER_KEYS);

/** A value as the message quotes it: a list or mapping as YAML-like JSON (not “[object Object]”), at most 40 characters. */
function shown(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The parser hands out the same (immutable) entries while the front matter is unchanged: validate each once. */
const validity = new WeakMap<FrontMatterEntry, boolean>();
function isValid(entry: FrontMatterEntry, schema: z.ZodType): boolean {
  let valid = validity.get(entry);
  if (valid === undefined) validity.set(entry, (valid = schema.safeParse(entry.value).success));
  return valid;
}

export const frontMatter: Rule = {
  id: 'front-matter',
  severity: 'error',
  formats: ALL_FORMATS,
  get description() {
    return t('前置元数据（机关、年度、格式、发布日期）的键和值必须有效');
  },
  fixes: 'some',
  check(doc, report) {
    const fm = doc.frontMatter;
    if (!fm) return;
    if (fm.unclosed) {
      report({ span: fm.span, message: t('前置元数据以“---”开始，但没有以“---”结束；请在元数据后加一行“---”。') });
      return;
    }
    // Duplicate keys get a clearer message below, which also knows 机关 and agency are the same key.
    // Front matter too deep to read, or that the YAML library failed on, comes with its own message.
    for (const e of fm.errors) {
      if (e.code === 'DUPLICATE_KEY') continue;
      report({ span: e.span, message: e.code === 'TOO_DEEP' || e.code === 'UNREADABLE' ? e.message : t('前置元数据的 YAML 有误：{0}', e.message) });
    }
    const seen = new Map<FrontMatterKey, string>();
    for (const entry of fm.entries) {
      if (!entry.canonical) {
        const nearest = closest(entry.key, KEY_NAMES);
        const suggestion = distance(entry.key, nearest) <= Math.max(1, Math.floor(entry.key.length / 3)) ? nearest : undefined;
        const known = t('可用的键为 机关/agency、年度/year、格式/format、发布日期/published、层级/level');
        report({
          span: entry.keySpan,
          message: suggestion
            ? t('未知的前置元数据键“{0}”；是否想写“{1}”？{2}。', quote(entry.key), suggestion, known)
            : t('未知的前置元数据键“{0}”；{1}。', quote(entry.key), known),
          fix: suggestion ? { title: t('改为“{0}”', suggestion), edits: [{ span: entry.keySpan, newText: suggestion }] } : undefined,
          data: { suggestion },
        });
        continue;
      }
      const earlier = seen.get(entry.canonical);
      if (earlier) {
        report({ span: entry.keySpan, message: t('“{0}”与前面的“{1}”是同一个键，重复填写；请删除其中一个。', quote(entry.key), quote(earlier)) });
        continue;
      }
      seen.set(entry.canonical, entry.key);
      const { schema, expected } = VALUE_SCHEMAS[entry.canonical];
      const blank = entry.value === null || entry.value === undefined || entry.value === '';
      // A draft has no publication date yet; the other keys are needed from the start.
      if (blank && entry.canonical === 'published') continue;
      if (blank) {
        report({ span: entry.keySpan, message: t('“{0}”没有填写；应为{1}。', quote(entry.key), expected()) });
      } else if (!isValid(entry, schema)) {
        report({ span: entry.valueSpan, message: t('“{0}”的值“{1}”无效；应为{2}。', quote(entry.key), shown(entry.value), expected()) });
      }
    }
  },
};
