/**
 * The one reading of a cell (cellReading) and of a row's total (rowFigure), with their blank-cell semantics: a figure,
 * blank (unfilled, not 0), or unreadable (text, or no cell at all).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../server/src/core/index';
import { cellFigure, cellReading } from '../server/src/core/tables/cell-figure';
import { rowsById } from '../server/src/core/tables/grid';
import { rowFigure } from '../server/src/core/tables/row-figure';
import { evaluatePlainTable } from '../server/src/core/tables/plain-sums';
import { format } from '../server/src/core/text/decimal';
import { requestTable2021 } from './helpers';

const cells = (row: string) => parse(`| 标签 | 数 |\n|---|---|\n${row}\n`).plainTables[0].rows.find((r) => r.kind === 'data')!.values;

test('cellReading: a number or a zero mark is a figure, nothing written is blank, text or no cell is unreadable', () => {
  const [n, zero, blank, text] = cells('| a | 12 | — |  | 若干 |');
  assert.equal(format(cellReading(n)!), '12');
  assert.equal(format(cellReading(zero)!), '0');
  assert.equal(cellReading(blank), null);
  assert.equal(cellReading(text), undefined);
  assert.equal(cellReading(undefined), undefined);
  // cellFigure: a figure or nothing, for checks that do not tell blank from unreadable.
  assert.deepEqual([n, zero, blank, text, undefined].map((c) => (cellFigure(c) ? format(cellFigure(c)!) : undefined)), ['12', '0', undefined, undefined, undefined]);
});

function requests(edit: Parameters<typeof requestTable2021>[0]) {
  const table = parse(`---\n年度: 2023\n---\n${requestTable2021(edit)}\n`).tables[0];
  return { spec: table.spec!, rows: rowsById(table), total: table.spec!.columns.findIndex((c) => c.id === 'total') };
}
const set = (label: string, total: number | string) => (rows: Array<[string, Array<number | string>]>) => {
  const row = rows.find(([l]) => l.startsWith(label))!;
  row[1] = row[1].length ? [...row[1].slice(0, 6), total] : ['', '', '', '', '', '', total];
};

test('rowFigure: a group row is the sum of its filled items (blank items count as 0), else its own figure', () => {
  const { spec, rows, total } = requests(set('2.其他法律行政法规禁止公开', ''));
  const refuse = rowFigure(spec, rows, 'refuse', total)!;
  assert.equal(format(refuse.value), '1');
  assert.equal(refuse.summed, true);
  assert.equal(refuse.cells.length, 7, 'the filled items, not the blank one');
  // Every item blank: the group row's own figure.
  const own = requests((r) => {
    const from = r.findIndex(([l]) => l.startsWith('（三）'));
    const to = r.findIndex(([l]) => l.startsWith('（四）'));
    for (const item of r.slice(from + 1, to)) item[1] = ['', '', '', '', '', '', ''];
    set('（三）不予公开', 6)(r);
  });
  const fromOwn = rowFigure(own.spec, own.rows, 'refuse', own.total)!;
  assert.deepEqual([format(fromOwn.value), fromOwn.summed, fromOwn.blank], ['6', false, false]);
});

test('rowFigure: blank and unreadable rows', () => {
  const blank = requests(set('（一）予以公开', ''));
  assert.deepEqual(
    (({ blank: b, summed }) => ({ b, summed }))(rowFigure(blank.spec, blank.rows, 'open', blank.total)!),
    { b: true, summed: false },
  );
  const text = requests(set('4.保护第三方合法权益', '若干'));
  assert.equal(rowFigure(text.spec, text.rows, 'refuse', text.total), undefined, 'an unreadable item leaves the group unread');
  const missing = requests((r) => r.splice(r.findIndex(([l]) => l.startsWith('（一）')), 1));
  assert.equal(rowFigure(missing.spec, missing.rows, 'open', missing.total)!.blank, true, 'a missing row is blank');
});

test('plain tables read cells the same way: a short row leaves the 合计 unchecked, a blank part counts as 0', () => {
  const evaluate = (rows: string) => evaluatePlainTable(parse(`| 项目 | 数量 |\n|---|---|\n${rows}`).plainTables[0]);
  assert.deepEqual(evaluate('| a | 1 |\n| b |  |\n| 合计 | 2 |\n').map((e) => [format(e.expected), e.ok]), [['1', false]]);
  assert.deepEqual(evaluate('| a | 1 |\n| b |\n| 合计 | 2 |\n'), []);
  assert.deepEqual(evaluate('| a | 1 |\n| b | 若干 |\n| 合计 | 2 |\n'), []);
});
