import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
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
    for (const rule of ['table-sum', 'unknown-row', 'section-numbering', 'cell-value', 'missing-section', 'missing-row', 'empty-cell', 'period']) {
      assert.ok(rules.has(rule), `no quick fix exercised for ${rule}`);
    }
    assert.ok(fixed >= 10, `only ${fixed} quick fixes`);
  });

  it('the fix-all action leaves no table-sum problem', async () => {
    await client.change(uri, [{ text: errors }]);
    await client.diagnostics(uri);
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    let text = errors;
    // A corrected total can reveal the next one up (a group subtotal, then 总计): a few rounds at most.
    for (let round = 0; round < 5; round++) {
      const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: top, context: { diagnostics: [], only: ['source.fixAll'] } });
      if (!fixAll) break;
      text = applyEdits(text, fixAll.edit!.changes![uri]);
      await client.change(uri, [{ text }]);
      await client.diagnostics(uri);
    }
    assert.deepEqual((await client.diagnostics(uri)).filter((d) => d.code === 'table-sum').map((d) => d.message), []);
  });
});
