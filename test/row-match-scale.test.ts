/**
 * Issue 13, item 7: a 依申请 table of thousands of rows no format knows. Each unknown label is compared with the
 * official rows by edit distance (for a typo, and for the candidates its finding names). Time is measured in bench/
 * (`fuzz: a 依申请 table of 3 000 unknown rows`); here, the distances computed are counted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { checkText } from '../server/src/core/index';
import { distanceCalls, NearestTexts } from '../server/src/core/parser/nearest-texts';
import { check } from './fuzz/config';

/** What NearestTexts replaces: every group measured, sorted by its smallest distance (stable), the first `count`. */
function bruteNearest(groups: readonly string[][], key: string, count: number, firstOnly: boolean) {
  return groups
    .map((texts, group) => ({ group, d: Math.min(...(firstOnly ? texts.slice(0, 1) : texts).map((t) => distance(key, t))) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count);
}

describe('the rows closest to a label', () => {
  // Few characters, so that texts share many and distances tie often.
  const text = fc.string({ unit: fc.constantFrom('本', '年', '新', '收', '公', '开', '其', '他', 'a', '1'), maxLength: 12 });

  test('exactly the closest rows a measure of every text finds, ties in table order', () => {
    check(
      fc.tuple(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }), text, fc.nat(5), fc.boolean()),
      ([groups, key, count, firstOnly]) => {
        assert.deepEqual(new NearestTexts(groups).nearest(key, count, firstOnly), bruteNearest(groups, key, count, firstOnly));
      },
      3000,
    );
  });

  test('3,000 rows no format knows: a few distances each, not one for every text of every official row', () => {
    // The bench's shape: pieces of official words and a number, so that each label shares characters with many rows.
    const rows = Array.from({ length: 3000 }, (_, i) => `| ${'本年新收予以公开不予处理'.slice(i % 7, (i % 7) + 5)}${i} | 1 | 2 | 3 | 4 | 5 | 6 | 21 |`);
    const text = '---\n格式: 2021\n---\n::: 依申请\n' + rows.join('\n') + '\n:::\n';
    distanceCalls.count = 0;
    const { diagnostics } = checkText(text);
    assert.ok(diagnostics.some((d) => d.rule === 'unknown-row'));
    // The 2021 table has 30 rows and 85 texts (full texts, short names, aliases): measuring all was 85 a label.
    assert.ok(distanceCalls.count <= 3000 * 20, `${distanceCalls.count} distances for 3,000 labels`);
  });
});
