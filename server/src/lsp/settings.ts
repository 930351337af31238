import { z } from 'zod';
import { formatIds, isFormatId, mergeConfigs, isRuleName, ruleSettingSchema, type XxgkConfig } from '../core/index';
import { validateConfigText } from '../core/config-text';
import { t } from '../core/i18n';

/** The `xxgk.*` VS Code settings. Invalid values are reported and ignored, never fatal. */
export const settingsSchema = z.object({
  // `auto` or a registered format (package.json's enum is checked against the registry by a test).
  format: z.string().refine((v) => v === 'auto' || isFormatId(v)).catch('auto').default('auto'),
  rules: z.record(z.string(), z.union([z.enum(['error', 'warning', 'info', 'hint', 'off']), z.boolean()])).catch({}).default({}),
  validate: z.object({ delay: z.number().int().min(0).max(10_000).catch(300).default(300) }).catch({ delay: 300 }).default({ delay: 300 }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * The settings, with every invalid value replaced by its default (or, for one rule, left out) and said in `problems`,
 * which the server shows to the user: a wrong value is ignored, never silently.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const parsed = settingsSchema.safeParse(raw ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  const given = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problems.push(t('设置 xxgk 必须是一个对象，已忽略'));

  if (given.format !== undefined && settings.format !== given.format) {
    problems.push(t('设置 xxgk.format 的值“{0}”无效，已改用 auto；可用：auto、{1}', clip(given.format), formatIds().join(t('、'))));
  }
  if (given.validate !== undefined) {
    const delay = isObject(given.validate) ? given.validate.delay : given.validate;
    if (delay !== undefined && delay !== settings.validate.delay) {
      problems.push(t('设置 xxgk.validate.delay 应为 0 到 10000 之间的整数（毫秒），“{0}”无效，已改用 {1}', clip(delay), settings.validate.delay));
    }
  }
  const rules: Record<string, Settings['rules'][string]> = {};
  const unknown: string[] = [];
  const invalid: string[] = [];
  if (given.rules !== undefined && !isObject(given.rules)) problems.push(t('设置 xxgk.rules 必须是一个对象，键为规则 id，已忽略'));
  // Checked entry by entry, so that one wrong value costs that rule's setting, not every rule's.
  for (const [id, value] of Object.entries(isObject(given.rules) ? given.rules : {})) {
    if (!isRuleName(id)) unknown.push(id);
    else if (ruleSettingSchema.safeParse(value).success) rules[id] = value as Settings['rules'][string];
    else invalid.push(id);
  }
  for (const id of unknown.slice(0, MAX_LISTED)) problems.push(t('设置 xxgk.rules 中的规则“{0}”不存在，已忽略（规则列表见 docs/rules.md）', clip(id)));
  if (unknown.length > MAX_LISTED) problems.push(t('设置 xxgk.rules 中另有 {0} 个不存在的规则', unknown.length - MAX_LISTED));
  for (const id of invalid.slice(0, MAX_LISTED)) {
    problems.push(t('设置 xxgk.rules 中规则“{0}”的值无效，已忽略；应为 "error"、"warning"、"info"、"hint"、"off"、true 或 false', id));
  }
  if (invalid.length > MAX_LISTED) problems.push(t('设置 xxgk.rules 中另有 {0} 个规则的值无效', invalid.length - MAX_LISTED));
  return { settings: { ...settings, rules }, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as a message quotes it: at most 40 characters. */
function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Workspace `.xxgkrc.json` first, then the user's settings on top (what the user sets in VS Code wins). */
export function effectiveConfig(settings: Settings, rc: XxgkConfig | undefined): XxgkConfig {
  const fromSettings: XxgkConfig = { rules: settings.rules, ...(settings.format !== 'auto' ? { format: settings.format } : {}) };
  return mergeConfigs(rc, fromSettings);
}

/**
 * A `.xxgkrc.json`'s text, validated as the command validates it; what is wrong is described without quoting a file
 * that is not a configuration (a link to another file).
 */
export function parseRc(text: string): { config?: XxgkConfig; error?: string } {
  const result = validateConfigText(text);
  return Array.isArray(result) ? { error: t('.xxgkrc.json 无效：{0}', result.join(t('；'))) } : { config: result };
}

/** Problems of one kind listed one by one; the rest are counted (a setting may name 130,000 unknown rules). */
const MAX_LISTED = 20;

