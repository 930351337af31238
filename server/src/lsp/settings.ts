import { z } from 'zod';
import { mergeConfigs, ruleById, type XxgkConfig } from '../core/index';
import { validateConfigText } from '../core/config-text';
import { t } from '../core/i18n';

/** The `xxgk.*` VS Code settings. Invalid values are reported and ignored, never fatal. */
export const settingsSchema = z.object({
  format: z.enum(['auto', '2021', '2019', 'legacy']).catch('auto').default('auto'),
  rules: z.record(z.string(), z.union([z.enum(['error', 'warning', 'info', 'hint', 'off']), z.boolean()])).catch({}).default({}),
  validate: z.object({ delay: z.number().int().min(0).max(10_000).catch(300).default(300) }).catch({ delay: 300 }).default({ delay: 300 }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const parsed = settingsSchema.safeParse(raw ?? {});
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  for (const id of Object.keys(settings.rules)) if (!ruleById(id)) problems.push(`设置 xxgk.rules 中的规则“${id}”不存在`);
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
