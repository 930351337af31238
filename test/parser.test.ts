import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decimal, parse, positionAt } from '../server/src/core/index';
import { isTrimmedCode } from '../server/src/core/text/normalize';
import { report2021 } from './helpers';

describe('parser', () => {
  it('reads front matter with positions and resolves the format', () => {
    const text = '---\n机关: 测试局\nyear: 2020\n---\n# 测试局2020年报告\n';
    const doc = parse(text);
    assert.equal(doc.year, 2020);
    assert.equal(doc.format, '2019');
    assert.equal(doc.formatSource, 'year');
    const agency = doc.frontMatter!.entries[0];
    assert.equal(agency.canonical, 'agency');
    assert.equal(text.slice(agency.keySpan.start, agency.keySpan.end), '机关');
    assert.equal(text.slice(agency.valueSpan.start, agency.valueSpan.end), '测试局');
  });

  it('defaults to 2021 and lets configuration choose when front matter is silent', () => {
    assert.equal(parse('正文').format, '2021');
    assert.equal(parse('正文', { format: 'legacy' }).format, 'legacy');
    assert.equal(parse('---\n格式: 2019\n---\n', { format: 'legacy' }).format, '2019');
  });

  it('matches section headings tolerant of numbering and spacing', () => {
    const doc = parse('## 一、总体情况\n## 二、 主动公开政府信息情况\n## 3、 收到和处理政府信息公开申请情况\n## 政府信息公开行政复议、行政诉讼情况\n## 五、政府信息公开工作存在的主要问题及改进情况\n');
    assert.deepEqual(doc.sections.map((s) => s.spec?.id), ['overview', 'proactive', 'requests', 'appeals', 'problems']);
    assert.deepEqual(doc.sections.map((s) => s.numberingStyle), ['official', 'official', 'arabic', 'none', 'official']);
    assert.equal(doc.sections[4].variant, true);
  });

  it('matches legacy sections by topic words', () => {
    const doc = parse('---\n格式: legacy\n---\n## 一、概述\n## 二、主动公开政府信息的情况\n## 三、依申请公开情况\n## 四、收费及减免\n## 五、因政府信息公开申请行政复议、提起行政诉讼的情况\n## 六、存在的主要问题和改进措施\n## 七、其他需要报告的事项\n## 八、组织领导\n');
    assert.deepEqual(doc.sections.map((s) => s.spec?.id), ['overview', 'proactive', 'requests', 'fees', 'appeals', 'problems', 'other', undefined]);
  });

  it('matches row labels by official text, short form, parent/child and typo', () => {
    const doc = parse(report2021());
    const table = doc.tables.find((t) => t.kind === '依申请')!;
    const ids = table.rows.filter((r) => r.match).map((r) => r.match!.row.id);
    assert.equal(ids.length, 30);
    const short = parse('::: 依申请\n| 部分公开 | 1 |\n| 属于国家秘密 | 1 |\n| 其他处理/其他 | 1 |\n| 不掌握相关政府信息 | 1 |\n| 1、属于国家秘密 | 1 |\n| 5.属于三类内容事务信息 | 1 |\n| 其他 | 1 |\n:::\n');
    const rows = short.tables[0].rows;
    assert.deepEqual(rows.map((r) => r.match?.row.id), ['partial', 'refuse.secret', 'otherHandling.misc', 'unable.notHeld', 'refuse.secret', 'refuse.internal', 'otherHandling.misc']);
    assert.deepEqual(rows.map((r) => r.match?.how), ['short', 'exact', 'short', 'short', 'exact', 'fuzzy', 'exact']);
  });

  it('reports ambiguous and unknown labels with candidates', () => {
    const doc = parse('::: 依申请\n| 公开 | 1 |\n| 完全不相关的行 | 1 |\n:::\n');
    const [ambiguous, unknown] = doc.tables[0].rows;
    assert.equal(ambiguous.unmatched?.reason, 'ambiguous');
    assert.equal(unknown.unmatched?.reason, 'unknown');
  });

  it('reads cells: separators, full-width digits, zero marks, blanks, invalid', () => {
    const text = '::: 依申请\n| 予以公开 | 1,234 | １２ | — | 无 |  | 3件 | 0 |\n:::\n';
    const row = parse(text).tables[0].rows[0];
    assert.deepEqual(row.values.map((c) => c.state), ['number', 'number', 'zero-mark', 'zero-mark', 'blank', 'invalid', 'number']);
    assert.equal(decimal.format(row.values[0].value!), '1234');
    assert.equal(decimal.format(row.values[1].value!), '12');
    assert.equal(row.values[1].fullWidth, true);
    assert.equal(text.slice(row.values[5].span.start, row.values[5].span.end), '3件');
  });

  it('compact rows and cells read as the interface says: fullWidth, empty spans, JSON', () => {
    // Cells pack their state and fullWidth and compute their end and spans; rows compute their span.
    const text = '::: 依申请\n| 予以公开 | 12 | １２ | — |    | 3件 | 12345 |\n:::\n';
    const row = parse(text).tables[0].rows[0];
    assert.deepEqual(row.values.map((c) => c.fullWidth), [false, true, undefined, undefined, false, false]);
    assert.deepEqual(row.values.map((c) => c.state), ['number', 'number', 'zero-mark', 'blank', 'invalid', 'number']);
    const blank = row.values[3];
    // An empty cell's span is empty, after the pipe and one space: where a figure would be typed.
    assert.deepEqual(blank.span, { start: text.indexOf('|    |') + 2, end: text.indexOf('|    |') + 2 });
    assert.deepEqual(blank.outerSpan, { start: text.indexOf('|    |') + 1, end: text.indexOf('|    |') + 5 });
    assert.equal(text.slice(row.span.start, row.span.end), '| 予以公开 | 12 | １２ | — |    | 3件 | 12345 |');
    // Shared small counts and a large one read the same way.
    assert.equal(decimal.format(row.values[0].value!), '12');
    assert.equal(decimal.format(row.values[5].value!), '12345');
    // JSON (and structural comparison) see plain data with the spans, as before the packing.
    const json = JSON.parse(JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))) as {
      span: unknown;
      cells: Array<Record<string, unknown>>;
    };
    assert.deepEqual(json.span, row.span);
    assert.deepEqual(json.cells[2], { span: row.cells[2].span, outerSpan: row.cells[2].outerSpan, text: '１２', state: 'number', value: { units: '12', scale: 0 }, fullWidth: true });
    assert.deepEqual(json.cells[4], { span: blank.span, outerSpan: blank.outerSpan, text: '', state: 'blank' });
  });

  it('a cell with more spaces around its content than a cell packs keeps its pipes exact', () => {
    // Cells pack the spaces before and after their content in 13 bits each; beyond that they keep their pipes apart.
    for (const [before, after] of [[8191, 8191], [8192, 3], [2, 20000], [0, 0]]) {
      const text = `::: 依申请\n| 予以公开 |${' '.repeat(before)}7${' '.repeat(after)}| 8 |\n:::\n`;
      const row = parse(text).tables[0].rows[0];
      const seven = row.values[0];
      const open = text.indexOf('|', text.indexOf('予以公开'));
      const close = text.indexOf('|', open + 1);
      assert.deepEqual(seven.outerSpan, { start: open + 1, end: close }, `${before} spaces before, ${after} after`);
      assert.equal(text.slice(seven.span.start, seven.span.end), '7');
      assert.equal(seven.state, 'number');
      assert.equal(decimal.format(seven.value!), '7');
      assert.deepEqual(row.values[1].outerSpan, { start: close + 1, end: text.lastIndexOf('|') });
    }
  });

  it('legacy 附表 rows carry their unit, depth and parent; other rows have none', () => {
    const legacy = parse('---\n格式: legacy\n---\n::: 附表\n| 指标名称 | 计量单位 | 2016年 |\n| 一、主动公开 | 条 | 5 |\n| 其中：1.网站 | 条 | 3 |\n| 2.其他 |\n:::\n').tables[0];
    const standard = parse('---\n格式: 2021\n---\n::: 依申请\n| 予以公开 | 1 |\n:::\n').tables[0];
    assert.deepEqual(
      legacy.rows.map((r) => [r.kind, r.unit, r.depth, r.parentIndex]),
      [['header', undefined, undefined, undefined], ['data', '条', 1, undefined], ['data', '条', 2, 1], ['data', undefined, 2, 1]],
    );
    assert.deepEqual(standard.rows.map((r) => [r.unit, r.depth, r.parentIndex, r.match?.row.id]), [[undefined, undefined, undefined, standard.rows[0].match?.row.id]]);
    assert.ok(standard.rows[0].match, 'the 依申请 row is matched');
  });

  it('keeps exact spans for every cell', () => {
    const text = report2021();
    for (const table of parse(text).tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) assert.equal(text.slice(cell.span.start, cell.span.end), cell.text);
      }
    }
  });

  it('detects header rows, separator rows and the 主动公开 block headers', () => {
    const table = parse(report2021()).tables.find((t) => t.kind === '主动公开')!;
    assert.deepEqual(table.rows.map((r) => r.kind), ['header', 'separator', 'data', 'data', 'header', 'data', 'data', 'data', 'header', 'data']);
  });

  it('a run of 其中 rows, each breaking down the one above, nests one deeper a row (40,000 rows)', () => {
    // The hierarchy at the size where searching the open rows from the outermost was quadratic (the bench's 1 MB
    // 附表 of 其中 rows: 568 ms, 199 ms searched from the innermost); the result is the same either way.
    const n = 40_000;
    const doc = parse('---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n' + '| 其中：1.政府网站 | 1 |\n'.repeat(n) + ':::\n');
    const data = doc.tables[0].rows.filter((r) => r.kind === 'data');
    assert.equal(data.length, n);
    const first = doc.tables[0].rows.indexOf(data[0]);
    data.forEach((row, k) => {
      if (row.parentIndex !== (k === 0 ? undefined : first + k - 1) || row.depth !== k + 1) assert.fail(`row ${k}: parent ${row.parentIndex}, depth ${row.depth}`);
    });
  });

  it('builds the legacy 附表 hierarchy from outline numbering and 其中', () => {
    const doc = parse(
      '---\n格式: legacy\n---\n::: 附表\n| 指标名称 | 计量单位 | 本年 |\n|---|---|---|\n| 主动公开信息数 | 条 | 100 |\n| 其中：1.政府网站 | 条 | 80 |\n| 2.政府公报 | 条 | 20 |\n| 受理申请总数 | 件 | 10 |\n| 其中： | | |\n| 1.当面申请数 | 件 | 4 |\n| 2.网上申请数 | 件 | 6 |\n| 一、主动公开情况 | | |\n| （一）主动公开政府信息数 | 条 | 5 |\n| （二）渠道 | | |\n| 1.政府公报 | 条 | 3 |\n:::\n',
    );
    const rows = doc.tables[0].rows;
    const label = (i: number | undefined) => (i === undefined ? undefined : rows[i].label.text);
    const parents = rows.filter((r) => r.kind === 'data').map((r) => [r.label.text, label(r.parentIndex)]);
    assert.deepEqual(parents, [
      ['主动公开信息数', undefined],
      ['其中：1.政府网站', '主动公开信息数'],
      ['2.政府公报', '主动公开信息数'],
      ['受理申请总数', undefined],
      ['其中：', undefined],
      ['1.当面申请数', '受理申请总数'],
      ['2.网上申请数', '受理申请总数'],
      ['一、主动公开情况', undefined],
      ['（一）主动公开政府信息数', '一、主动公开情况'],
      ['（二）渠道', '一、主动公开情况'],
      ['1.政府公报', '（二）渠道'],
    ]);
    assert.equal(rows[2].unit, '条');
    assert.deepEqual(doc.tables[0].columnLabels, ['本年']);
  });

  it('records unclosed containers and stray closers, and never throws', () => {
    const doc = parse('::: 依申请\n| 予以公开 | 1 |\n\n:::\n:::\n::: 主动公开\n| 规章 | 1 | 1 | 1 |\n');
    assert.equal(doc.syntaxProblems.length, 2);
    for (const input of ['', '---', '---\n: : :\n---', '|', ':::', '# ', '\u0000\uD800', '| a | b |\n|---|\n| 合计 | x |']) parse(input);
  });

  it('ignores fenced code and HTML comments, and reads suppression directives', () => {
    const doc = parse('```\n## 一、总体情况\n```\n<!--\n## 二、主动公开政府信息情况\n-->\n<!-- xxgk-disable-next-line table-sum empty-cell -->\n');
    assert.equal(doc.sections.length, 0);
    assert.deepEqual(doc.directives.map((d) => [d.kind, d.rules]), [['disable-next-line', ['table-sum', 'empty-cell']]]);
  });

  it('records fenced code blocks, not those in containers or comments, with their text and opening line', () => {
    const text = '# t\r\n```js\r\na\r\n  b\r\n```\r\n::: 依申请\n```\n:::\n<!--\n```\n-->\n~~~~\n~~~\n~~~~\n```\nopen';
    const doc = parse(text);
    assert.deepEqual(doc.codeBlocks.map((c) => [c.line, c.text, text.slice(c.span.start, c.span.end)]), [
      [1, 'a\n  b', '```js\r\na\r\n  b\r\n```'],
      [11, '~~~', '~~~~\n~~~\n~~~~'],
      [14, 'open', '```\nopen'],
    ]);
    assert.equal(doc.paragraphs.length, 0);
  });

  it('gives 1-based-convertible positions for CRLF text', () => {
    const text = '# 标题\r\n## 一、总体情况\r\n';
    const doc = parse(text);
    assert.equal(doc.sections[0].name, '总体情况');
    assert.deepEqual(positionAt(doc.lineStarts, doc.sections[0].nameSpan.start), { line: 1, character: 5 });
  });
});

describe('decimal', () => {
  it('adds money exactly and keeps big integers', () => {
    const d = (s: string) => decimal.parseDecimal(s)!;
    assert.equal(decimal.format(decimal.add(d('0.1'), d('0.2'))), '0.3');
    assert.ok(decimal.equals(decimal.add(d('0.1'), d('0.2')), d('0.3')));
    assert.equal(decimal.format(d('99999999999999999999')), '99999999999999999999');
    assert.ok(decimal.isUnsafe(d('99999999999999999999')));
    assert.equal(decimal.format(d('1.50')), '1.5');
  });
});

describe('text helpers', () => {
  it('isTrimmedCode is exactly what String.prototype.trim removes, for every UTF-16 code unit', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if ((String.fromCharCode(c).trim() === '') !== isTrimmedCode(c)) wrong.push(c.toString(16));
    assert.deepEqual(wrong, []);
  });
});
