import { z } from 'zod';
import { isFormatId } from './formats/registry';
import type { FormatId } from './formats/types';
import type { Severity } from './rules/types';

/** A rule's setting: a severity, `off`, or true/false (on with its default severity / off). */
export const ruleSettingSchema = z.union([z.enum(['error', 'warning', 'info', 'hint', 'off']), z.boolean()]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

/** `.xxgkrc.json`, and the same shape for the VS Code settings. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** Format used when a report's front matter does not name one. */
    // Checked against the registry when read, not when this module loads: a registered format is accepted.
    format: z.string().refine(isFormatId).optional(),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
  })
  .strict();

export type XxgkConfig = z.infer<typeof configSchema>;

/** Severity a rule runs at under the configuration, or `off`. */
export function effectiveSeverity(config: XxgkConfig | undefined, ruleId: string, fallback: Severity): Severity | 'off' {
  const setting = config?.rules?.[ruleId];
  if (setting === undefined || setting === true) return fallback;
  if (setting === false) return 'off';
  return setting;
}

/** Later configurations override earlier ones, rule by rule. */
export function mergeConfigs(...configs: Array<XxgkConfig | undefined>): XxgkConfig {
  const merged: { format?: FormatId; rules: Record<string, RuleSetting> } = { rules: {} };
  for (const c of configs) {
    if (!c) continue;
    if (c.format) merged.format = c.format;
    Object.assign(merged.rules, c.rules);
  }
  return merged;
}
