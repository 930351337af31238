import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { checkText, positionAt } from '../server/src/core/index';
import { expectations, withoutMarkers } from './expect-markers';

const check = (file: string) => {
  const text = fs.readFileSync(file, 'utf8');
  const { document, diagnostics } = checkText(text);
  return diagnostics.map((d) => ({ line: positionAt(document.lineStarts, d.span.start).line + 1, rule: d.rule, severity: d.severity, message: d.message }));
};

/** `line rule` strings in line order, then by rule, as expectations() sorts them. */
const byLine = (a: string, b: string) => parseInt(a) - parseInt(b) || (a < b ? -1 : a > b ? 1 : 0);

describe('the shipped examples', () => {
  it('2023-clean.xxgk (2021 format) yields no diagnostic at all', () => {
    assert.deepEqual(check('examples/2023-clean.xxgk'), []);
  });

  it('2012-legacy.xxgk yields no diagnostic at all', () => {
    assert.deepEqual(check('examples/2012-legacy.xxgk'), []);
  });

  describe('2023-errors.xxgk: the planted errors, marked in the file (test/expect-markers.ts)', () => {
    const text = fs.readFileSync('examples/2023-errors.xxgk', 'utf8');
    const marked = expectations(text).map((e) => `${e.line} ${e.rule}`);
    const found = check('examples/2023-errors.xxgk').map((d) => `${d.line} ${d.rule}`).sort(byLine);

    it('yields exactly the diagnostics its markers expect: each planted error once, and nothing else', () => {
      assert.ok(marked.length >= 20, `${marked.length} markers`);
      assert.deepEqual(found, marked);
    });

    it('gives the same diagnostics without its markers (the checker ignores them)', () => {
      const bare = checkText(withoutMarkers(text)).diagnostics;
      const withMarkers = checkText(text).diagnostics;
      assert.ok(withoutMarkers(text).length < text.length);
      assert.deepEqual(bare.map((d) => `${d.rule} ${d.severity} ${d.message}`), withMarkers.map((d) => `${d.rule} ${d.severity} ${d.message}`));
    });

    it('examples/README.md lists the marked errors, line by line', () => {
      const readme = fs.readFileSync('examples/README.md', 'utf8');
      const section = readme.slice(readme.indexOf('## 2023-errors.xxgk'), readme.indexOf('## 2012-legacy.xxgk'));
      const listed = [...section.matchAll(/^\| (\d+) \| `([a-z-]+)`/gm)].map((m) => `${m[1]} ${m[2]}`).sort(byLine);
      assert.deepEqual(listed, marked);
    });
  });

  it('a wrong 合计 in both a total row and a total column is one finding listing both sums', () => {
    const { diagnostics } = checkText(fs.readFileSync('examples/2023-errors.xxgk', 'utf8'));
    const sums = diagnostics.filter((d) => d.rule === 'table-sum');
    const spans = sums.map((d) => `${d.span.start}:${d.span.end}`);
    assert.equal(new Set(spans).size, spans.length, 'no cell gets two table-sum findings');
    const both = sums.find((d) => d.data?.relation === 'plain-row-total+plain-column-total')!;
    assert.ok(both, JSON.stringify(sums.map((d) => d.data?.relation)));
    assert.match(both.message, /为 1268，但各项之和为 1286（工作动态 652 \+ 通知公告 418 \+ 政策文件 216；上半年 619 \+ 下半年 667），少 18/);
    assert.equal(both.related?.length, 5);
    assert.equal(both.fix?.edits[0].newText, '1286');
  });

  it('every rule that can fire on a 2021 report fires in 2023-errors.xxgk', () => {
    const rules = new Set(check('examples/2023-errors.xxgk').map((d) => d.rule));
    for (const rule of ['front-matter', 'missing-section', 'section-numbering', 'missing-row', 'unknown-row', 'cell-count', 'cell-value', 'empty-cell', 'table-sum', 'prose-sum', 'prose-table-count', 'year-mismatch', 'period', 'late-publication', 'fee-statement']) {
      assert.ok(rules.has(rule), rule);
    }
  });
});
