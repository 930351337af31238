import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { fixAll, ruleById } from '../../server/src/core/index';
import { applyEdits, messageText, TestClient } from './client';

const uri = 'file:///tmp/xxgk-test/errors.xxgk';
const errors = fs.readFileSync('examples/2023-errors.xxgk', 'utf8');
const key = (d: Diagnostic) => `${d.code} ${messageText(d)}`;

describe('every quick fix on the errors example, through the server', () => {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.stop());

  it('removes the problem it fixes, and touches nothing outside its edits', async () => {
    await client.open(uri, errors);
    const diagnostics = await client.diagnostics(uri);
    let fixed = 0;
    const rules = new Set<string>();
    for (const d of diagnostics) {
      await client.change(uri, [{ text: errors }]);
      await client.diagnostics(uri);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
      const fix = actions.find((a) => a.kind === 'quickfix');
      if (!fix) continue;
      const edits = fix.edit!.changes![uri];
      const after = applyEdits(errors, edits);
      await client.change(uri, [{ text: after }]);
      const now = await client.diagnostics(uri);
      assert.ok(!now.some((n) => key(n) === key(d)), `${d.code} still reported after “${fix.title}”: ${messageText(d)}`);
      // Outside the edited lines the text is unchanged (edits never reach beyond what they claim).
      const first = Math.min(...edits.map((e) => e.range.start.line));
      const before = errors.split('\n');
      assert.deepEqual(after.split('\n').slice(0, first), before.slice(0, first));
      fixed++;
      rules.add(String(d.code));
    }
    // unknown-row's row (不予公开的其他情形) has no fix: the closest row, the group （三）不予公开, is in the table already.
    for (const rule of ['table-sum', 'section-numbering', 'cell-value', 'missing-section', 'missing-row', 'empty-cell', 'period']) {
      assert.ok(rules.has(rule), `no quick fix exercised for ${rule}`);
    }
    assert.ok(fixed >= 10, `only ${fixed} quick fixes`);
  });

  it('the fix-all action fixes every total at once, as `xxgk check --fix` does, and leaves only the guesses', async () => {
    await client.change(uri, [{ text: errors }]);
    await client.diagnostics(uri);
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: top, context: { diagnostics: [], only: ['source.fixAll'] } });
    const text = applyEdits(errors, action.edit!.changes![uri]);
    // One application: a total that depends on a part fixed in the same action is computed from the fixed part.
    assert.equal(text, fixAll(errors, { rules: [ruleById('table-sum')!] }).text);
    await client.change(uri, [{ text }]);
    const left = (await client.diagnostics(uri)).filter((d) => d.code === 'table-sum');
    // What is left is a relation whose wrong term is a guess (本年新收 + 上年结转 = 办结 + 结转), and totals that another
    // sum which holds confirms (a part is what is wrong): the fix-all action, like --fix, takes none of them.
    assert.ok(left.some((d) => /第一项加第二项之和应等于第三项加第四项之和/.test(messageText(d))), JSON.stringify(left.map(messageText)));
    assert.ok(left.some((d) => /总计 · 自然人 为 156，但各项之和为 157/.test(messageText(d))), JSON.stringify(left.map(messageText)));
    const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: top, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(again, []);
  });
});
