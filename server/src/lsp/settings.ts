import { z } from 'zod';
import { configSchema, isFormatId, mergeConfigs, ruleById, type XxgkConfig } from '../core/index';

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
  for (const id of Object.keys(settings.rules)) if (!ruleById(id)) problems.push(`设置 xxgk.rules 中的规则“${id}”不存在`);
  return { settings, problems };
}

/** Workspace `.xxgkrc.json` first, then the user's settings on top (what the user sets in VS Code wins). */
export function effectiveConfig(settings: Settings, rc: XxgkConfig | undefined): XxgkConfig {
  const fromSettings: XxgkConfig = { rules: settings.rules, ...(settings.format !== 'auto' ? { format: settings.format } : {}) };
  return mergeConfigs(rc, fromSettings);
}

export function parseRc(text: string): { config?: XxgkConfig; error?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `.xxgkrc.json 不是有效的 JSON：${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) return { error: `.xxgkrc.json 无效：${parsed.error.issues.map((i) => `${i.path.join('.') || '（根）'} ${i.message}`).join('；')}` };
  return { config: parsed.data };
}
