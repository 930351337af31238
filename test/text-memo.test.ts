import assert from 'node:assert/strict';
import test from 'node:test';
import { TextMemo } from '../server/src/core/text/memo';

test('text memo: every label of a document within the limit is found again on the next pass, whatever came before', () => {
  const memo = new TextMemo<number>(100);
  for (let i = 0; i < 1_000; i++) memo.set(`earlier ${i}`, i);
  const labels = Array.from({ length: 100 }, (_, i) => `label ${i}`);
  for (const label of labels) if (memo.get(label) === undefined) memo.set(label, label.length);
  // Second and third passes: all found, none measured again.
  for (let pass = 0; pass < 2; pass++) for (const label of labels) assert.equal(memo.get(label), label.length);
  assert.ok(memo.size <= 200, `two generations at most: ${memo.size}`);
});

test('text memo: an entry read from the older generation survives the next turn-over', () => {
  const memo = new TextMemo<string>(3);
  memo.set('a', 'A');
  memo.set('b', 'B');
  memo.set('c', 'C');
  memo.set('d', 'D'); // a, b, c become the older generation
  assert.equal(memo.get('a'), 'A'); // moved back into the current one
  memo.set('e', 'E');
  memo.set('f', 'F'); // current (d, a, e) full: becomes the older one; b and c are dropped
  assert.equal(memo.get('a'), 'A');
  assert.equal(memo.get('b'), undefined);
  assert.equal(memo.get('f'), 'F');
});

test('text memo: memory stays within two generations however many labels pass through', () => {
  const memo = new TextMemo<number>(50);
  for (let i = 0; i < 100_000; i++) memo.set(String(i), i);
  assert.ok(memo.size <= 100, `${memo.size}`);
  assert.equal(memo.get('99999'), 99_999);
  assert.equal(memo.get('0'), undefined);
});
