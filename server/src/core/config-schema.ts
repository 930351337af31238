import { z } from 'zod';
import { configSchema } from './config';
import { allFormats } from './formats/registry';
import { FORMER_RULE_IDS, RULES } from './rules/index';

/** JSON Schema of `.xxgkrc.json` for editors (completion of rule ids, severities), derived from the zod schema. */
export function rcJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  const setting = schema.properties.rules.additionalProperties;
  schema.properties.rules = {
    ...schema.properties.rules,
    description: '逐条规则设置级别；规则说明见 docs/rules.md',
    properties: Object.fromEntries([
      ...RULES.map((r) => [r.id, { description: `${r.description}（默认 ${r.severity}）`, ...(setting as object) }]),
      // A former id still configures the rules split from it; the schema says so rather than flag it as unknown.
      ...[...FORMER_RULE_IDS].map(([id, rules]) => [id, { description: `旧的规则 id：同时设置 ${rules.map((r) => r.id).join('、')}`, ...(setting as object) }]),
    ]),
  };
  // The zod schema checks the id against the registry at run time; editors get the registered ids as an enum.
  schema.properties.format = {
    ...schema.properties.format,
    enum: allFormats().map((f) => f.id),
    description: '年报未写明格式时采用的格式',
    markdownEnumDescriptions: allFormats().map((f) => `${f.label()}：${f.usage()}（${f.source}）`),
  };
  return { title: 'xxgk 配置（.xxgkrc.json）', ...schema };
}
