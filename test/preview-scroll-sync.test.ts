/** The preview's line index (client/preview-src/scroll-sync.ts): binary searches over elements measured once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastAtMost, LineIndex, type LineEntry } from '../client/preview-src/scroll-sync';

test('lastAtMost: the last index whose value is at most the one asked for, -1 when none is', () => {
  const sorted = [1, 3, 3, 7, 10];
  assert.deepEqual([0, 1, 2, 3, 4, 7, 9, 10, 11].map((v) => lastAtMost(sorted, v)), [-1, 0, 0, 2, 2, 3, 3, 4, 4]);
  assert.equal(lastAtMost([], 5), -1);
  // Against a linear scan, on every value of a longer list with repeats.
  const long = Array.from({ length: 200 }, (_, k) => Math.floor(k / 3) * 2);
  const scan = (v: number) => long.reduce((last, x, k) => (x <= v ? k : last), -1);
  for (let v = -1; v <= 140; v++) assert.equal(lastAtMost(long, v), scan(v), String(v));
});

/** A section (line 10) enclosing a heading and rows, a table whose rows are drawn in the official order, not the source's. */
const ENTRIES: LineEntry<string>[] = [
  { line: 0, top: 0, element: 'title' },
  { line: 10, top: 100, element: 'section' },
  { line: 10, top: 100, element: 'section heading' },
  { line: 12, top: 150, element: 'paragraph' },
  { line: 20, top: 300, element: 'row 20' },
  { line: 18, top: 330, element: 'row 18 (drawn after 20)' },
  { line: 25, top: 400, element: 'row 25' },
];

test('elementForLine: the last element starting at or before the line; of equal lines, the later one', () => {
  const index = new LineIndex(ENTRIES);
  assert.equal(index.elementForLine(-1), undefined);
  assert.equal(index.elementForLine(0), 'title');
  assert.equal(index.elementForLine(10), 'section heading');
  assert.equal(index.elementForLine(11), 'section heading');
  assert.equal(index.elementForLine(19), 'row 18 (drawn after 20)');
  assert.equal(index.elementForLine(20), 'row 20');
  assert.equal(index.elementForLine(1000), 'row 25');
  assert.equal(new LineIndex<string>([]).elementForLine(3), undefined);
});

test('lineAt: the greatest line among elements starting at or above the offset, else the least line', () => {
  const index = new LineIndex(ENTRIES);
  assert.equal(index.lineAt(50), 0);
  assert.equal(index.lineAt(120), 10);
  assert.equal(index.lineAt(310), 20);
  // Row 18 is drawn after row 20: the greater line already passed stays the answer.
  assert.equal(index.lineAt(335), 20);
  assert.equal(index.lineAt(10_000), 25);
  assert.equal(new LineIndex(ENTRIES.slice(1)).lineAt(-5), 10, 'above every element: the first line');
  assert.equal(new LineIndex<string>([]).lineAt(0), undefined);
});

test('lineAt and elementForLine agree with a scan over every element, as the old script measured on each event', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const entries: LineEntry<number>[] = Array.from({ length: 300 }, (_, k) => ({ line: Math.floor(random() * 150), top: Math.floor(random() * 5000), element: k }));
  const index = new LineIndex(entries);
  for (let offset = -10; offset < 5100; offset += 37) {
    let line: number | undefined;
    let firstBelow: number | undefined;
    for (const e of entries) {
      if (e.top <= offset) line = line === undefined ? e.line : Math.max(line, e.line);
      else if (firstBelow === undefined || e.line < firstBelow) firstBelow = e.line;
    }
    assert.equal(index.lineAt(offset), line ?? firstBelow, String(offset));
  }
  for (let target = -1; target < 160; target++) {
    let best: LineEntry<number> | undefined;
    for (const e of entries) if (e.line <= target && (!best || e.line >= best.line)) best = e;
    assert.equal(index.elementForLine(target), best?.element, String(target));
  }
});
