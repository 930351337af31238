import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { it } from 'node:test';
import { parse } from '../server/src/core/index';
import { sourceOffset as offsetIn } from '../server/src/lsp/providers/source-offset';

const sourceOffset = (text: string, line: number, column?: string) => offsetIn(parse(text), line, column);

const text = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
const lines = text.split('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
const offsetOf = (line: number, col: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + col;

it('double-click on a figure goes to that cell of the source row', () => {
  const line = lineOf('| （一）予以公开');
  const at = sourceOffset(text, line, 'total')!;
  const cells = lines[line].split('|').map((c) => c.trim());
  const total = cells[cells.length - 2];
  assert.equal(text.slice(at, at + total.length), total);
  assert.equal(at, offsetOf(line, lines[line].lastIndexOf(` ${total} `) + 1));
});

it('double-click on a row label or a paragraph goes to the start of its text', () => {
  const row = lineOf('| （一）予以公开');
  assert.equal(text.slice(sourceOffset(text, row, 'label')).slice(0, 7), '（一）予以公开');
  const heading = lineOf('## 一、总体情况');
  assert.equal(sourceOffset(text, heading), offsetOf(heading, 0));
  assert.equal(sourceOffset(text, lines.length + 5), undefined);
});
