import { z } from 'zod';
import { configSchema } from './config';
import { RULES } from './rules/index';

/** JSON Schema of `.xxgkrc.json` for editors (completion of rule ids, severities), derived from the zod schema. */
export function rcJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  const setting = schema.properties.rules.additionalProperties;
  schema.properties.rules = {
    ...schema.properties.rules,
    description: '逐条规则设置级别；规则说明见 docs/rules.md',
    properties: Object.fromEntries(RULES.map((r) => [r.id, { description: `${r.description}（默认 ${r.severity}）`, ...(setting as object) }])),
  };
  (schema.properties.format as Record<string, unknown>).description = '年报未写明格式时采用的格式';
  return { title: 'xxgk 配置（.xxgkrc.json）', ...schema };
}
