// docs/rules.md agrees with the rules: its rule table and each rule's English line are what scripts/gen-rule-docs.ts
// writes from the metadata, every rule has its own `## rule-id` section (and no section names a rule that does not
// exist, as markdownlint's test holds its docs), and each section's 默认级别 / 适用格式 / 快速修复 lines say what the
// rule declares.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/core/index';
import { FIX_WORDS, formatsOf, withRuleDocs } from '../scripts/rule-docs';

const doc = fs.readFileSync('docs/rules.md', 'utf8');

/** The `## rule-id` sections: headings of kebab-case ids (the other `##` headings are Chinese). */
const sections = [...doc.matchAll(/^## ([a-z][a-z0-9-]*)$/gm)].map((m) => ({
  id: m[1],
  body: doc.slice(m.index + m[0].length).split(/^## /m)[0],
}));

/** The text after `- key：` in a section's list of facts. */
function fact(body: string, key: string): string {
  const line = body.split('\n').find((l) => l.startsWith(`- ${key}：`));
  assert.ok(line, `no “- ${key}：” line`);
  return line.slice(`- ${key}：`.length);
}

describe('docs/rules.md', () => {
  it('its rule table and English lines are generated from the rules (run `npx tsx scripts/gen-rule-docs.ts --write`)', () => {
    assert.equal(doc, withRuleDocs(doc));
  });

  it('has one section per rule, in the order of RULES, and none for a rule that does not exist', () => {
    assert.deepEqual(sections.map((s) => s.id), RULES.map((r) => r.id));
  });

  for (const rule of RULES) {
    it(`${rule.id}: its section states the rule's severity, formats and fixes`, () => {
      const body = sections.find((s) => s.id === rule.id)?.body;
      assert.ok(body, `no section ## ${rule.id}`);
      // The default comes first; exceptions follow in brackets (“`error`（`legacy` 格式为 `warning`）”).
      assert.equal(/^`(\w+)`/.exec(fact(body, '默认级别'))?.[1], rule.severity);
      const formats = fact(body, '适用格式').split('（')[0];
      assert.deepEqual([...formats.matchAll(/`([^`]+)`/g)].map((m) => m[1]), formatsOf(rule));
      assert.equal(/^(有|部分|无)/.exec(fact(body, '快速修复'))?.[1], FIX_WORDS[rule.fixes]);
    });
  }
});
