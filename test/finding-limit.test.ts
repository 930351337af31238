import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkText } from '../server/src/core/index';
import { MAX_FINDINGS_PER_RULE } from '../server/src/core/check';

describe('findings per rule are bounded', () => {
  it('3,000 unclosed 依申请 containers: each rule stops at the limit with one note saying so', () => {
    const text = '::: 依申请\n'.repeat(3000);
    const { diagnostics } = checkText(text);
    const byRule = new Map<string, number>();
    for (const d of diagnostics) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
    const capped = [...byRule].filter(([, n]) => n > MAX_FINDINGS_PER_RULE);
    assert.ok(capped.length >= 1, 'some rule reaches the limit on this input');
    for (const [rule, n] of byRule) {
      assert.ok(n <= MAX_FINDINGS_PER_RULE + 1, `${rule}: ${n} findings`);
      const notes = diagnostics.filter((d) => d.rule === rule && d.severity === 'info' && d.message.includes(String(MAX_FINDINGS_PER_RULE)));
      assert.equal(notes.length, n > MAX_FINDINGS_PER_RULE ? 1 : 0, `${rule}: the note once, only when capped`);
    }
  });

  it('a report under the limit is unchanged: every finding, no note', () => {
    const text = '::: 依申请\n'.repeat(10);
    const { diagnostics } = checkText(text);
    assert.ok(diagnostics.length > 10);
    assert.ok(!diagnostics.some((d) => d.message.includes(String(MAX_FINDINGS_PER_RULE))));
  });
});
