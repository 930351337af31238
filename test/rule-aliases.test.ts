/**
 * `prose-table` was split into prose-table-count, prose-table-percent and prose-table-upheld. The old id still works
 * wherever a user may have written it: `.xxgkrc.json`, the VS Code settings, suppression comments.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, mergeConfigs, type XxgkConfig } from '../server/src/core/index';
import { validateConfigText } from '../server/src/core/config-text';
import { rcJsonSchema } from '../server/src/core/config-schema';
import { readSettings } from '../server/src/lsp/settings';
import { report2021, requestTable2021 } from './helpers';

const APPEALS = ['::: 复议诉讼', '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '|---|---|---|---|---|---|', '| 行政复议 | 1 | 1 | 0 | 0 | 2 |', '| 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |', '| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |', ':::'].join('\n');
/** One finding of each of the three rules. */
const TEXT = report2021({
  requests: `## 三、收到和处理政府信息公开申请情况\n\n本年度共收到政府信息公开申请25件，其中予以公开13件，占60%。\n\n${requestTable2021()}`,
  appeals: `## 四、政府信息公开行政复议、行政诉讼情况\n\n本年度因政府信息公开被申请行政复议2件，均获维持。\n\n${APPEALS}`,
});
const THREE = ['prose-table-count', 'prose-table-percent', 'prose-table-upheld'];

function found(config?: XxgkConfig, text = TEXT): Array<[string, string]> {
  return checkText(text, { config }).diagnostics.filter((d) => d.rule.startsWith('prose-table')).map((d) => [d.rule, d.severity]);
}

test('each of the three rules fires on its own statement, and each can be turned off alone', () => {
  assert.deepEqual(found().map(([r]) => r).sort(), THREE);
  for (const off of THREE) {
    assert.deepEqual(found({ rules: { [off]: 'off' } }).map(([r]) => r).sort(), THREE.filter((r) => r !== off), off);
  }
});

test('the former id prose-table configures all three; a rule’s own id wins within one configuration', () => {
  assert.deepEqual(found({ rules: { 'prose-table': 'off' } }), []);
  assert.deepEqual(found({ rules: { 'prose-table': false } }), []);
  assert.deepEqual(new Set(found({ rules: { 'prose-table': 'warning' } }).map(([, s]) => s)), new Set(['warning']));
  assert.deepEqual(found({ rules: { 'prose-table': 'off', 'prose-table-percent': 'info' } }), [['prose-table-percent', 'info']]);
});

test('merged configurations: a later prose-table overrides an earlier setting of one of the three, and the reverse', () => {
  const folder: XxgkConfig = { rules: { 'prose-table-count': 'warning' } };
  assert.deepEqual(found(mergeConfigs(folder, { rules: { 'prose-table': 'off' } })), []);
  const reverse = found(mergeConfigs({ rules: { 'prose-table': 'off' } }, { rules: { 'prose-table-count': 'hint' } }));
  assert.deepEqual(reverse, [['prose-table-count', 'hint']]);
});

test('a suppression comment naming prose-table silences all three', () => {
  const text = TEXT.replace('本年度共收到', '<!-- xxgk-disable prose-table -->\n\n本年度共收到');
  assert.deepEqual(found(undefined, text), []);
  const one = TEXT.replace('本年度共收到', '<!-- xxgk-disable prose-table-percent -->\n\n本年度共收到');
  assert.deepEqual(found(undefined, one).map(([r]) => r).sort(), ['prose-table-count', 'prose-table-upheld']);
});

test('prose-table is a known name to .xxgkrc.json, the settings and the schema', () => {
  assert.deepEqual(validateConfigText('{ "rules": { "prose-table": "off" } }'), { rules: { 'prose-table': 'off' } });
  assert.deepEqual(readSettings({ rules: { 'prose-table': 'off' } }).problems, []);
  const rules = (rcJsonSchema().properties as Record<string, { properties: Record<string, { description: string }> }>).rules.properties;
  assert.match(rules['prose-table'].description, /prose-table-count、prose-table-percent、prose-table-upheld/);
  for (const id of THREE) assert.ok(rules[id], id);
});
