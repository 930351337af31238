import { z } from 'zod';
import { isFormatId, isRuleName, mergeConfigs, type XxgkConfig } from '../core/index';
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

export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const parsed = settingsSchema.safeParse(raw ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  const unknown = unknownRules(settings.rules);
  for (const id of unknown.slice(0, MAX_LISTED)) problems.push(`设置 xxgk.rules 中的规则“${id}”不存在`);
  if (unknown.length > MAX_LISTED) problems.push(t('设置 xxgk.rules 中另有 {0} 个不存在的规则', unknown.length - MAX_LISTED));
  return { settings, problems };
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
  return Array.isArray(result) ? { error: t('.xxgkrc.json 无效：{0}', result.join('；')) } : { config: result };
}

/** Problems of one kind listed one by one; the rest are counted (a setting may name 130,000 unknown rules). */
const MAX_LISTED = 20;

/** The ids in a `rules` setting that name no rule (a loop: no spread of an unbounded list). */
function unknownRules(rules: Record<string, unknown>): string[] {
  const unknown: string[] = [];
  for (const id of Object.keys(rules)) if (!isRuleName(id)) unknown.push(id);
  return unknown;
}
