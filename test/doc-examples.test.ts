// Every example of docs/rules.md and docs/markup.md is run. In rules.md an input block (```xxgk) followed by a
// diagnostics list (```text, `行:列 级别 规则 消息`) must give exactly that list for the section's rule and the rules
// the list names; an input without a list must give nothing for the section's rule (a 正确示例, a case 有意不报告).
// In markup.md every report block must pass the check; a fragment (no `# ` title with `##` sections under it) may
// only lack sections. A block the test cannot run says why in `<!-- not-checked: … -->` on the line before it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { checkText, parse, positionAt, RULES, type Diagnostic, type XxgkDocument } from '../server/src/core/index';
import { DIAGNOSTIC_LINE, exampleBlocks, INPUTS, type ExampleBlock } from './doc-examples';

const fixesOf = new Map(RULES.map((r) => [r.id, r.fixes]));

function run(block: ExampleBlock, previousYear?: XxgkDocument) {
  const { document, diagnostics } = checkText(block.body, { context: { previousYear } });
  const line = (d: Diagnostic) => {
    const at = positionAt(document.lineStarts, d.span.start);
    return `${at.line + 1}:${at.character + 1} ${d.severity} ${d.rule} ${d.message}`;
  };
  // Each finding is held to its rule's declared `fixes` (the 快速修复 column of the rule table).
  for (const d of diagnostics) {
    const fixes = fixesOf.get(d.rule);
    if (fixes === 'none') assert.equal(d.fix, undefined, `${d.rule} declares no quick fix, but offers one: ${line(d)}`);
    if (fixes === 'all') assert.ok(d.fix, `${d.rule} declares a quick fix for every finding, but has none: ${line(d)}`);
  }
  return { diagnostics, line };
}

function examplesOf(file: string) {
  const blocks = exampleBlocks(fs.readFileSync(file, 'utf8'));
  const where = (b: ExampleBlock) => `${file}:${b.line}`;
  return { blocks, where };
}

describe('docs/rules.md examples', () => {
  const { blocks, where } = examplesOf('docs/rules.md');
  const outputs = new Set(blocks.map((b) => b.output).filter(Boolean));
  let previousYear: { section: string; document: XxgkDocument } | undefined;
  let ran = 0;
  for (const block of blocks) {
    if (block.marker?.kind === 'previous-year') previousYear = { section: block.section, document: parse(block.body) };
    const listed = block.lang === 'text' && DIAGNOSTIC_LINE.test(block.body.split('\n')[0]);
    if (listed && !outputs.has(block) && block.marker?.kind !== 'not-checked') {
      it(`${where(block)}: a diagnostics list follows the input it belongs to`, () => assert.fail('no ```xxgk block before it in its section'));
    }
    if (block.lang !== 'xxgk' || block.marker) continue;
    const rule = /^[a-z][a-z0-9-]*$/.test(block.section) ? block.section : undefined;
    if (!rule && !block.output) continue;
    ran++;
    const last = previousYear?.section === block.section ? previousYear.document : undefined;
    it(`${where(block)} (${block.section})${block.output ? ` gives the list at line ${block.output.line}` : ` gives no ${rule}`}`, () => {
      const expected = block.output ? block.output.body.trimEnd().split('\n') : [];
      const rules = new Set(rule ? [rule] : []);
      for (const l of expected) {
        const m = DIAGNOSTIC_LINE.exec(l);
        assert.ok(m?.[1], `not a “行:列 级别 规则 消息” line: ${l}`);
        rules.add(m[4]);
      }
      const { diagnostics, line } = run(block, last);
      assert.deepEqual(diagnostics.filter((d) => rules.has(d.rule)).map(line), expected);
    });
  }
  it('runs the examples of every rule section', () => {
    assert.ok(ran >= 2 * RULES.length, `${ran} examples run`);
    const notChecked = blocks.filter((b) => b.marker?.kind === 'not-checked');
    assert.ok(notChecked.length <= 3, `few blocks are not checked: ${notChecked.map(where).join(', ')}`);
  });
});

describe('docs/markup.md examples', () => {
  const { blocks, where } = examplesOf('docs/markup.md');
  for (const block of blocks) {
    if (!INPUTS.has(block.lang) || block.marker) continue;
    // A yaml block is the front matter alone; markdown blocks are .xxgk text.
    const report = /^# /m.test(block.body) && /^## /m.test(block.body);
    it(`${where(block)} (${block.section}) passes the check${report ? '' : ' (a fragment: but for its missing sections)'}`, () => {
      const { diagnostics, line } = run(block);
      assert.deepEqual(diagnostics.filter((d) => report || d.rule !== 'missing-section').map(line), []);
    });
  }
  it('leaves few blocks unchecked', () => {
    const notChecked = blocks.filter((b) => b.marker?.kind === 'not-checked');
    assert.ok(notChecked.length <= 2, `not checked: ${notChecked.map(where).join(', ')}`);
  });
});
