import { z } from 'zod';
import { isFormatId } from './formats/registry';
import type { FormatId } from './formats/types';
import { FORMER_RULE_IDS } from './rules/index';
import type { Rule, Severity } from './rules/types';

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

/**
 * A rule's setting: under its own id, else under the id it was split from (`"prose-table": "off"` still turns off
 * the three prose-table rules); the rule's own id wins within one configuration.
 */
export function ruleSetting(config: XxgkConfig | undefined, rule: Pick<Rule, 'id' | 'formerId'>): RuleSetting | undefined {
  const rules = config?.rules;
  if (!rules) return undefined;
  return rules[rule.id] ?? (rule.formerId === undefined ? undefined : rules[rule.formerId]);
}

/** Severity a rule runs at under the configuration, or `off`. */
export function effectiveSeverity(config: XxgkConfig | undefined, rule: Pick<Rule, 'id' | 'formerId' | 'severity'>): Severity | 'off' {
  const setting = ruleSetting(config, rule);
  if (setting === undefined || setting === true) return rule.severity;
  if (setting === false) return 'off';
  return setting;
}

/**
 * Later configurations override earlier ones, rule by rule. A former id in a later configuration overrides what an
 * earlier one said of each rule split from it (the user's `"prose-table": "off"` beats the folder's
 * `"prose-table-count": "warning"`).
 */
export function mergeConfigs(...configs: Array<XxgkConfig | undefined>): XxgkConfig {
  const merged: { format?: FormatId; rules: Record<string, RuleSetting> } = { rules: {} };
  for (const c of configs) {
    if (!c) continue;
    if (c.format) merged.format = c.format;
    for (const id of Object.keys(c.rules ?? {})) for (const r of FORMER_RULE_IDS.get(id) ?? []) delete merged.rules[r.id];
    Object.assign(merged.rules, c.rules);
  }
  return merged;
}
