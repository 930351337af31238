/**
 * The HTML renderer: official layouts (every official row and column in its place, merged cells), figures as
 * written, official labels for short forms, plain tables and 附表, prose, diagnostics marks, source lines, escaping.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeType, type HTMLElement } from 'node-html-parser';
import { checkText, parse, tableSpec, type RowSpec, type TableSpec, type XxgkDocument } from '../server/src/core/index';
import { buildModel, renderHtml } from '../server/src/core/render/index';
import { example, html, injectionLegacyReport, injectionReport, layout, PAYLOADS, RENDERER_TAGS, report2019, ROOT } from './render-helpers';

/** Figures as written in the source for each official row id (first occurrence), read from the AST's spans. */
function sourceFigures(doc: XxgkDocument, kind: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const table = doc.tables.find((t) => t.kind === kind)!;
  for (const r of table.rows) {
    const id = r.match?.row.id;
    if (r.kind === 'data' && id && !out.has(id)) out.set(id, r.values.map((c) => doc.text.slice(c.span.start, c.span.end)));
  }
  return out;
}

function ancestorsOf(spec: TableSpec, row: RowSpec): RowSpec[] {
  const chain: RowSpec[] = [];
  for (let p = spec.rows.find((r) => r.id === row.parent); p; p = spec.rows.find((r) => r.id === p.parent)) chain.unshift(p);
  return chain;
}

const span = (c: HTMLElement, name: 'rowspan' | 'colspan') => Number(c.getAttribute(name) ?? 1);
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));

function checkRequestsTable(doc: XxgkDocument, root: HTMLElement, format: '2019' | '2021') {
  const spec = tableSpec(format, '依申请')!;
  const table = root.querySelector('table.xxgk-requests');
  assert.ok(table, '依申请 table drawn in the official layout');
  const { slots, rows } = layout(table);
  const leaves = spec.rows.filter((r) => !r.group);
  assert.equal(rows.length, 3 + leaves.length, `3 header rows + ${leaves.length} data rows`);
  for (const [r, row] of slots.entries()) assert.equal(row.length, 10, `row ${r} covers the 3 label and 7 figure columns`);

  // Header: corner note over 3 rows × 3 label columns; 申请人情况 over the 7 figure columns; 法人或其他组织 over 5.
  const corner = slots[0][0];
  assert.equal(corner.cell.text, spec.note);
  assert.deepEqual([corner.rowSpan, corner.colSpan], [3, 3]);
  assert.equal(slots[0][3].cell.text, '申请人情况');
  assert.equal(slots[0][3].colSpan, 7);
  assert.equal(slots[1][3].cell.text, '自然人');
  assert.equal(slots[1][3].rowSpan, 2);
  assert.equal(slots[1][4].cell.text, '法人或其他组织');
  assert.equal(slots[1][4].colSpan, 5);
  assert.equal(slots[1][9].cell.text, '总计');
  assert.equal(slots[1][9].rowSpan, 2);
  assert.deepEqual(slots[2].slice(4, 9).map((s) => s.cell.text), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  assert.deepEqual(slots[2].slice(3).map((s) => s.cell.getAttribute('data-col')), spec.columns.map((c) => c.id));

  // Body: each official row in order, its label where the official table has it, figures as written.
  const figures = sourceFigures(doc, '依申请');
  leaves.forEach((leaf, i) => {
    const r = 3 + i;
    assert.equal(rows[r].getAttribute('data-row'), leaf.id);
    const chain = ancestorsOf(spec, leaf);
    chain.forEach((a, depth) => {
      const s = slots[r][depth];
      assert.equal(s.cell.getAttribute('data-row'), a.id, `${leaf.label}: label column ${depth} is ${a.label}`);
      assert.equal(s.cell.text, a.label);
      assert.equal(s.rowSpan, leaves.filter((l) => ancestorsOf(spec, l).includes(a)).length);
    });
    const label = slots[r][chain.length];
    assert.equal(label.cell.getAttribute('data-row'), leaf.id);
    assert.equal(label.cell.text, leaf.label, 'the official label is printed');
    assert.equal(label.colSpan, 3 - chain.length, `${leaf.label} spans the remaining label columns`);
    spec.columns.forEach((c, k) => {
      const s = slots[r][3 + k];
      assert.equal(s.cell.tagName, 'TD');
      assert.equal(s.cell.getAttribute('data-col'), c.id);
      assert.equal(s.cell.getAttribute('data-row'), leaf.id);
      assert.equal(s.cell.text, figures.get(leaf.id)?.[k] ?? '', `${leaf.label} · ${c.label} as written`);
    });
  });
  return { table, slots, rows, spec, figures };
}

describe('official layout: 依申请 (表三)', () => {
  test('2023-clean: every row and column in its place, merged label cells, figures as written', () => {
    const doc = parse(example('2023-clean'));
    const root = html(renderHtml(doc));
    const { slots } = checkRequestsTable(doc, root, '2021');
    const rowspan = (id: string) => span(root.querySelector(`table.xxgk-requests th[data-row="${id}"]`)!, 'rowspan');
    assert.equal(rowspan('results'), 22, '三、本年度办理结果 spans its 22 rows');
    assert.equal(rowspan('refuse'), 8);
    assert.equal(rowspan('unable'), 3);
    assert.equal(rowspan('reject'), 5);
    assert.equal(rowspan('otherHandling'), 3, '2021: （六）其他处理 is a group of 3');
    for (const id of ['new', 'carried', 'next']) assert.equal(span(root.querySelector(`table.xxgk-requests th[data-row="${id}"]`)!, 'colspan'), 3);
    for (const id of ['open', 'partial', 'total']) assert.equal(span(root.querySelector(`table.xxgk-requests th[data-row="${id}"]`)!, 'colspan'), 2);
    // The totals in the rendered table are the source's, and they add up (R1) as in the source.
    for (const row of slots.slice(3)) {
      const nums = row.slice(3).map((s) => Number(s.cell.text));
      assert.equal(nums.slice(0, 6).reduce((a, b) => a + b, 0), nums[6]);
    }
    const total = root.querySelector('td[data-row="total"][data-col="total"]')!;
    assert.equal(total.text, '184');
    assert.equal(root.querySelector('td[data-row="new"][data-col="total"]')!.text, '186');
  });

  test('2019 format: 23 rows, （六）其他处理 one row across two label columns, short labels printed in full', () => {
    const doc = parse(report2019());
    const root = html(renderHtml(doc));
    checkRequestsTable(doc, root, '2019');
    const other = root.querySelector('table.xxgk-requests th[data-row="otherHandling"]')!;
    assert.equal(span(other, 'colspan'), 2);
    assert.equal(span(other, 'rowspan'), 1);
    assert.equal(span(root.querySelector('table.xxgk-requests th[data-row="results"]')!, 'rowspan'), 20);
  });

  test('2023-errors: a missing official row is drawn blank; blank cells stay blank; figures exactly as written', () => {
    const doc = parse(example('2023-errors'));
    const root = html(renderHtml(doc, { sourceLines: true }));
    checkRequestsTable(doc, root, '2021');
    const missing = root.querySelector('table.xxgk-requests tr[data-row="reject.mass"]')!;
    assert.ok(missing, '4.无正当理由大量反复申请 is drawn although the author left it out');
    assert.equal(missing.getAttribute('data-line'), undefined);
    assert.deepEqual(missing.querySelectorAll('td').map((c) => c.text), ['', '', '', '', '', '', '']);
    const blank = root.querySelectorAll('table.xxgk-requests td[data-row="otherHandling.unpaid"]');
    assert.deepEqual(blank.map((c) => c.text), ['', '', '', '', '', '', '']);
    assert.equal(root.querySelector('td[data-row="partial"][data-col="total"]')!.text, '１２', 'full-width figure kept as written');
    assert.equal(root.querySelector('table.xxgk-appeals td[data-row="review"][data-col="upheld"]')!.text, '3件');
    // The unknown row is not lost: it follows the table, as written.
    const extra = root.querySelector('table.xxgk-extra')!;
    assert.ok(extra);
    assert.equal(extra.querySelector('th')!.text, '不予公开的其他情形');
    assert.equal(extra.querySelector('th')!.getAttribute('data-line'), String(lineOf(doc.text, '| 不予公开的其他情形')));
  });
});

describe('official layout: 主动公开 (表二)', () => {
  for (const [name, source, format] of [
    ['2023-clean (2021)', () => example('2023-clean'), '2021'],
    ['2019 report', report2019, '2019'],
  ] as const) {
    test(`${name}: one block per 第二十条 item with title row, header row and rows`, () => {
      const doc = parse(source());
      const root = html(renderHtml(doc));
      const spec = tableSpec(format, '主动公开')!;
      const table = root.querySelector('table.xxgk-proactive')!;
      const { slots, rows } = layout(table);
      const width = 1 + Math.max(...spec.rows.map((r) => r.columns!.length));
      for (const row of slots) assert.equal(row.length, width);
      const figures = sourceFigures(doc, '主动公开');
      const blocks = [...new Set(spec.rows.map((r) => r.block!))];
      let r = 0;
      for (const block of blocks) {
        assert.equal(slots[r][0].cell.text, block);
        assert.equal(slots[r][0].colSpan, width, 'block title across the table');
        assert.equal(rows[r].getAttribute('class'), 'xxgk-block-row');
        r++;
        const members = spec.rows.filter((x) => x.block === block);
        const cols = members[0].columns!;
        assert.equal(slots[r][0].cell.text, '信息内容');
        assert.deepEqual([...new Set(slots[r].slice(1).map((s) => s.cell.text))], cols.map((c) => c.label));
        r++;
        for (const m of members) {
          assert.equal(slots[r][0].cell.text, m.label);
          assert.equal(rows[r].getAttribute('data-row'), m.id);
          const drawn = [...new Set(slots[r].slice(1).map((s) => s.cell))];
          assert.equal(drawn.length, cols.length, `${m.label}: one figure cell per official column`);
          drawn.forEach((c, k) => assert.equal(c.text, figures.get(m.id)?.[k] ?? ''));
          assert.equal(span(drawn[drawn.length - 1], 'colspan'), width - cols.length, 'the last column takes the rest of the width');
          r++;
        }
      }
      assert.equal(r, rows.length);
    });
  }

  test('2019: negative 本年增/减 and decimal 采购总金额 printed as written', () => {
    const root = html(renderHtml(parse(report2019())));
    assert.equal(root.querySelector('td[data-row="licensing"][data-col="change"]')!.text, '-2');
    assert.equal(root.querySelector('td[data-row="procurement"][data-col="amount"]')!.text, '38.5');
  });
});

describe('official layout: 复议诉讼 (表四)', () => {
  test('one data row of 15 figures under a three-level header', () => {
    for (const name of ['2023-clean', '2023-errors'] as const) {
      const doc = parse(example(name));
      const root = html(renderHtml(doc));
      const spec = tableSpec('2021', '复议诉讼')!;
      const { slots, rows } = layout(root.querySelector('table.xxgk-appeals')!);
      assert.equal(rows.length, 4);
      for (const row of slots) assert.equal(row.length, 15);
      assert.equal(slots[0][0].cell.text, '行政复议');
      assert.equal(slots[0][0].colSpan, 5);
      assert.equal(slots[0][5].cell.text, '行政诉讼');
      assert.equal(slots[0][5].colSpan, 10);
      assert.equal(slots[1][5].cell.text, '未经复议直接起诉');
      assert.equal(slots[1][10].cell.text, '复议后起诉');
      const five = spec.columns.map((c) => c.label);
      assert.deepEqual(slots[1].slice(0, 5).map((s) => s.cell.text), five);
      for (let k = 0; k < 5; k++) assert.equal(slots[1][k].rowSpan, 2);
      assert.deepEqual(slots[2].slice(5).map((s) => s.cell.text), [...five, ...five]);
      const figures = sourceFigures(doc, '复议诉讼');
      const expected = spec.rows.flatMap((r) => spec.columns.map((_, k) => figures.get(r.id)?.[k] ?? ''));
      assert.deepEqual(slots[3].map((s) => s.cell.text), expected);
      assert.deepEqual(slots[3].map((s) => s.cell.getAttribute('data-row')), spec.rows.flatMap((r) => spec.columns.map(() => r.id)));
    }
  });
});

describe('official labels for short forms', () => {
  test('the complete example of docs/markup.md (short labels, 父/子 forms, group rows left out) prints the official labels', () => {
    const markup = fs.readFileSync(path.join(ROOT, 'docs', 'markup.md'), 'utf8');
    const start = markup.lastIndexOf('````markdown\n');
    const source = markup.slice(start + '````markdown\n'.length, markup.indexOf('\n````', start + 1) + 1);
    assert.match(source, /\| 本年新收 \|/);
    const doc = parse(source);
    const root = html(renderHtml(doc));
    checkRequestsTable(doc, root, '2021');
    const labels = root.querySelectorAll('table th.xxgk-label, table th.xxgk-group').map((c) => c.text);
    for (const official of ['一、本年新收政府信息公开申请数量', '1.属于国家秘密', '3.危及“三安全一稳定”', '3.其他', '（七）总计', '四、结转下年度继续办理', '行政规范性文件']) {
      assert.ok(labels.includes(official), official);
    }
    for (const short of ['本年新收', '国家秘密', '其他处理/其他', '结转下年度', '规范性文件']) assert.ok(!labels.includes(short), `short form ${short} not printed`);
    assert.equal(root.querySelector('table.xxgk-appeals')!.querySelectorAll('th').filter((c) => c.text === '未经复议直接起诉').length, 1);
  });
});

describe('plain tables and the legacy 附表', () => {
  test('a Markdown table is drawn as written, header row in <thead>', () => {
    const root = html(renderHtml(parse(example('2023-clean'))));
    const table = root.querySelector('table.xxgk-plain')!;
    assert.deepEqual(table.querySelectorAll('thead th').map((c) => c.text), ['信息类别', '上半年', '下半年', '合计']);
    const body = table.querySelectorAll('tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text));
    assert.deepEqual(body[3], ['合计', '619', '667', '1286']);
    assert.equal(body.length, 4);
  });

  test('附表: columns as written (unit column included), labels indented by depth, figures as written', () => {
    const doc = parse(example('2012-legacy'));
    const root = html(renderHtml(doc));
    const table = root.querySelector('table.xxgk-appendix')!;
    assert.deepEqual(table.querySelectorAll('thead th').map((c) => c.text), ['指标名称', '计量单位', '本年', '历年累计']);
    const rows = table.querySelectorAll('tbody tr');
    assert.equal(rows.length, 17);
    const label = (k: number) => rows[k].querySelector('th')!;
    assert.equal(label(0).text, '主动公开信息数');
    assert.ok(!label(0).classList.contains('xxgk-indent-1'));
    assert.equal(label(1).text, '其中：1.政府网站');
    assert.ok(label(1).classList.contains('xxgk-indent-1'), 'a part is indented');
    assert.ok(label(2).classList.contains('xxgk-indent-1'));
    assert.deepEqual(rows[3].querySelectorAll('td').map((c) => c.text), ['件', '26', '180']);
    assert.equal(root.querySelectorAll('table.xxgk-requests, table.xxgk-proactive, table.xxgk-appeals').length, 0);
  });

  test('a container of an unknown kind, or of a kind outside the format, is a plain table', () => {
    const root = html(renderHtml(parse('---\n格式: 2021\n---\n# 报告\n\n::: 附表\n| 指标 | 本年 |\n|---|---|\n| 甲 | 1 |\n:::\n\n::: 其他表\n| a | b |\n:::\n')));
    assert.equal(root.querySelectorAll('table').length, 2);
    assert.deepEqual(root.querySelectorAll('td, th').map((c) => c.text), ['指标', '本年', '甲', '1', 'a', 'b']);
  });
});

describe('prose', () => {
  const source = [
    '# 某局2023年政府信息公开工作年度报告',
    '',
    '第一行中文，',
    '第二行中文',
    'English line',
    'next line  ',
    '硬换行后\\',
    '反斜杠换行后',
    '',
    '**粗体**和*斜体*、__也粗__、`代码 <b>`、[链接](https://example.gov.cn/a?b=1&c=2)、[邮件](mailto:office@example.gov.cn)、[坏链接](javascript:alert(1))、[相对](../x.html)、<https://x.gov.cn/y>、网址：https://www.example.gov.cn/xxgk。填写____年、\\*非斜体\\*、a_b_c。图片![示意图](https://example.gov.cn/a.png)、![坏图](javascript:alert(1))、注释<!-- 不印出 -->之后。',
    '',
    '- 项一',
    '- 项二',
    '  - 子项',
    '',
    '3. 丙',
    '4. 丁',
    '',
    '> 引用一行',
    '',
    '---',
    '',
    '```',
    '<b>代码块</b>',
    '```',
    '',
    '## 一、总体情况',
    '',
    '### （一）主动公开',
    '',
    '#### 小标题',
    '',
  ].join('\n');
  const root = html(renderHtml(parse(source)));

  test('title centred as <h1>, sections <h2> inside <section>, subheadings <h3>+', () => {
    const h1 = root.querySelector('h1')!;
    assert.equal(h1.classList.contains('xxgk-title'), true);
    assert.equal(root.querySelector('section h2')!.text, '一、总体情况');
    assert.equal(root.querySelector('section h3')!.text, '（一）主动公开');
    assert.equal(root.querySelector('section h4')!.text, '小标题');
    assert.equal(root.querySelector('section')!.getAttribute('data-section'), 'overview');
  });

  test('soft line breaks join CJK without a space, Latin with one; hard breaks are <br>', () => {
    const p = root.querySelectorAll('p')[0];
    assert.equal(p.innerHTML, '第一行中文，第二行中文English line next line<br>硬换行后<br>反斜杠换行后');
  });

  test('emphasis, code and links; only http(s) and mailto become links', () => {
    const p = root.querySelectorAll('p')[1];
    assert.equal(p.querySelector('strong')!.text, '粗体');
    assert.equal(p.querySelectorAll('strong')[1].text, '也粗');
    assert.equal(p.querySelector('em')!.text, '斜体');
    assert.equal(p.querySelector('code')!.text, '代码 <b>');
    const links = p.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')]);
    assert.deepEqual(links, [
      ['链接', 'https://example.gov.cn/a?b=1&c=2'],
      ['邮件', 'mailto:office@example.gov.cn'],
      ['https://x.gov.cn/y', 'https://x.gov.cn/y'],
      ['https://www.example.gov.cn/xxgk', 'https://www.example.gov.cn/xxgk'],
      ['示意图', 'https://example.gov.cn/a.png'],
    ]);
    assert.match(p.text, /坏链接/);
    assert.match(p.text, /相对/);
    assert.doesNotMatch(p.innerHTML, /javascript/);
    assert.match(p.text, /填写____年、\*非斜体\*、a_b_c。图片示意图、坏图、注释之后。$/);
  });

  test('lists (nested, numbered from their first number), quotes, rules and code blocks', () => {
    const ul = root.querySelector('ul')!;
    assert.equal(ul.querySelectorAll(':scope > li').length || ul.childNodes.filter((n) => n.nodeType === NodeType.ELEMENT_NODE).length, 2);
    assert.equal(ul.querySelector('li ul li')!.text, '子项');
    const ol = root.querySelector('ol')!;
    assert.equal(ol.getAttribute('start'), '3');
    assert.deepEqual(ol.querySelectorAll('li').map((l) => l.text), ['丙', '丁']);
    assert.equal(root.querySelector('blockquote p')!.text, '引用一行');
    assert.ok(root.querySelector('hr'));
    assert.equal(root.querySelector('pre code')!.text, '<b>代码块</b>');
    assert.ok(!root.querySelector('pre b'));
  });
});

describe('diagnostics', () => {
  const text = example('2023-errors');
  const { document, diagnostics } = checkText(text);
  const root = html(renderHtml(document, { diagnostics }));
  const problem = (el: HTMLElement | null, level: string) => {
    assert.ok(el, 'element exists');
    assert.ok(el.classList.contains('xxgk-problem') && el.classList.contains(`xxgk-${level}`), `${el.outerHTML.slice(0, 120)} marked ${level}`);
    assert.ok(el.getAttribute('title'), 'has a title');
    assert.equal(el.getAttribute('title'), el.getAttribute('data-message'));
  };

  test('summary bar counts errors and warnings and lists every diagnostic', () => {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const hints = diagnostics.length - errors - warnings;
    assert.ok(errors > 0 && warnings > 0);
    assert.equal(root.querySelector('.xxgk-summary summary')!.text, `${errors} 个错误，${warnings} 个警告${hints ? `，${hints} 个提示` : ''}`);
    assert.equal(root.querySelectorAll('.xxgk-summary li').length, diagnostics.length);
    assert.equal((root.querySelector('article')!.childNodes.find((n) => n.nodeType === NodeType.ELEMENT_NODE) as HTMLElement).getAttribute('class'), 'xxgk-summary');
  });

  test('cells, words and tables carry their diagnostics', () => {
    problem(root.querySelector('td[data-row="refuse.internal"][data-col="total"]'), 'error');
    const missingRow = root.querySelectorAll('table.xxgk-requests th[data-row="reject.mass"], table.xxgk-requests td[data-row="reject.mass"]');
    assert.equal(missingRow.length, 8);
    for (const c of missingRow) problem(c, 'error'); // missing-row: on the drawn, empty row
    assert.ok(!root.querySelector('table.xxgk-requests')!.classList.contains('xxgk-problem'));
    const open = document.tables.find((t) => t.kind === '依申请')!.openSpan;
    const onTable = html(renderHtml(document, { diagnostics: [{ rule: 'x', severity: 'warning', span: open, message: '整表的问题' }] }));
    problem(onTable.querySelector('table.xxgk-requests'), 'warning');
    for (const c of root.querySelectorAll('td[data-row="otherHandling.unpaid"]')) problem(c, 'warning');
    problem(root.querySelector('td[data-row="partial"][data-col="total"]'), 'info');
    problem(root.querySelector('td[data-row="review"][data-col="upheld"]'), 'error');
    const plainTotal = root.querySelectorAll('table.xxgk-plain td').find((c) => c.text === '1268')!;
    problem(plainTotal, 'error');
    // A wrong 合计 in both a total row and a total column: one finding, listing both sums.
    assert.match(plainTotal.getAttribute('title')!, /工作动态 652 \+ 通知公告 418 \+ 政策文件 216；上半年 619 \+ 下半年 667/);
    const sum = diagnostics.find((d) => d.rule === 'table-sum' && d.data?.actual === '1268')!;
    const twice = html(renderHtml(document, { diagnostics: [sum, { rule: 'x', severity: 'warning', span: sum.span, message: '同一格的另一条提示' }] }));
    const cell = twice.querySelectorAll('table.xxgk-plain td').find((c) => c.text === '1268')!;
    problem(cell, 'error');
    assert.match(cell.getAttribute('title')!, /1286[^\n]*\n同一格的另一条提示|同一格的另一条提示\n[^\n]*1286/, 'two diagnostics on one cell: both messages');
    const words = root.querySelectorAll('p span.xxgk-problem').map((s) => s.text);
    assert.ok(words.includes('168件'), 'a figure in prose is marked on its characters');
    assert.ok(words.includes('2023年1月1日至2023年12月20日'));
    const numbering = root.querySelectorAll('h2 span.xxgk-problem').find((s) => s.text === '2、');
    problem(numbering ?? null, 'warning');
    const row = root.querySelectorAll('table.xxgk-proactive [data-row="normativeDocs"]');
    assert.equal(row.filter((c) => c.classList.contains('xxgk-error')).length, 3, 'cell-count marks the cells of its row');
  });

  test('no summary and no marks without diagnostics; a clean summary with none found', () => {
    const plain = html(renderHtml(document));
    assert.equal(plain.querySelectorAll('.xxgk-summary, .xxgk-problem').length, 0);
    const clean = html(renderHtml(parse(example('2023-clean')), { diagnostics: [] }));
    assert.equal(clean.querySelector('.xxgk-summary')!.text, '0 个错误，0 个警告');
    assert.equal(html(renderHtml(document, { diagnostics, summary: false })).querySelectorAll('.xxgk-summary').length, 0);
  });
});

describe('source lines', () => {
  test('blocks, table rows and cells carry their 0-based source line', () => {
    const text = example('2023-clean');
    const root = html(renderHtml(parse(text), { sourceLines: true }));
    assert.equal(root.querySelector('h1')!.getAttribute('data-line'), String(lineOf(text, '# ')));
    assert.equal(root.querySelector('h2')!.getAttribute('data-line'), String(lineOf(text, '## 一、')));
    assert.equal(root.querySelector('table.xxgk-requests')!.getAttribute('data-line'), String(lineOf(text, '::: 依申请')));
    for (const tr of root.querySelectorAll('table.xxgk-requests tbody tr')) {
      const label = tr.querySelector('th.xxgk-label')!.text;
      const line = String(lineOf(text, `| ${label} |`));
      assert.equal(tr.getAttribute('data-line'), line, label);
      for (const td of tr.querySelectorAll('td')) assert.equal(td.getAttribute('data-line'), line);
    }
    const p = root.querySelectorAll('p').find((x) => x.text.startsWith('坚持“以公开为常态'))!;
    assert.equal(p.getAttribute('data-line'), String(lineOf(text, '坚持“以公开为常态')));
    assert.equal(html(renderHtml(parse(text))).querySelectorAll('[data-line]').length, 0, 'none unless asked');
  });
});

describe('standalone document', () => {
  test('a full page with the stylesheet inlined, an A4 print layout and nothing fetched', () => {
    const page = renderHtml(parse(example('2023-clean')), { standalone: true });
    assert.match(page, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(page, /<meta charset="utf-8">/);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    assert.match(page, /<title>滨江市市场监督管理局2023年政府信息公开工作年度报告<\/title>/);
    assert.match(page, /@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    assert.match(page, /@page :left \{[^}]*@bottom-left \{ content: "— " counter\(page\) " —"/);
    assert.match(page, /break-inside: avoid/);
    assert.match(page, /"Noto Serif CJK SC"/);
    assert.match(page, /"FangSong", "仿宋"/);
    assert.doesNotMatch(page, /<script|<link|@import|url\(|src=/i);
  });
});

describe('escaping: nothing from the report becomes markup', () => {
  for (const [name, source] of [
    ['2021 report', injectionReport],
    ['legacy report', injectionLegacyReport],
  ] as const) {
    test(`${name}: only the renderer's own elements and attributes, every payload shown as text`, () => {
      const { document, diagnostics } = checkText(source());
      for (const options of [{}, { standalone: true }, { diagnostics, sourceLines: true }]) {
        const out = renderHtml(document, options);
        const root = html(out);
        const article = root.querySelector('article')!;
        for (const el of article.querySelectorAll('*')) {
          assert.ok(RENDERER_TAGS.has(el.tagName.toLowerCase()), `unexpected <${el.tagName}>`);
          for (const name of Object.keys(el.attributes)) {
            assert.ok(!/^on/i.test(name), `event attribute ${name}`);
            assert.ok(/^(class|title|data-[a-z]+|href|rel|rowspan|colspan|scope|start|lang|role)$/.test(name), `unexpected attribute ${name}`);
          }
          if (el.tagName === 'A') assert.match(el.getAttribute('href')!, /^(https?:\/\/|mailto:)/i);
        }
        assert.doesNotMatch(out, /<script|<img|<iframe|<svg|<object|<embed|<base|<form|<input|<video|<math|<x /i);
        assert.equal((out.match(/<style>/g) ?? []).length, 'standalone' in options ? 1 : 0);
      }
      const text = html(renderHtml(document)).querySelector('article')!.text;
      // Payloads with Markdown in them read as that Markdown; a comment (<!-- -->) is not printed at all.
      for (const p of PAYLOADS.filter((x) => !/[[\]`*\\\u0000]|^javascript|^<!--/.test(x))) assert.ok(text.includes(p), `payload shown as text: ${p}`);
    });
  }

  test('front matter values end up escaped in the standalone page head', () => {
    const page = renderHtml(parse(injectionReport()), { standalone: true });
    const head = page.slice(0, page.indexOf('</head>'));
    assert.match(head, /<meta name="author" content="&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(1\)&gt;">/);
    assert.match(head, /<meta name="date" content="&quot;&gt;&lt;script&gt;/);
    assert.equal((head.match(/<meta /g) ?? []).length, 6);
  });
});

describe('robustness: whatever the text, the renderer draws what it can', () => {
  test('broken, truncated and random reports render without throwing', () => {
    const samples = ['', '\n', '---', '---\n机关: [\n', '# ', '::: 依申请\n| 本年新收 | 1', ':::', '| a |\n|---|\n| b', '```\nno end', '<!-- open comment', '- \n1. \n> ', '**a*b__c_`d', '[a](', '[a]()', '<http://'];
    const clean = example('2023-clean');
    for (let k = 0; k < clean.length; k += 211) samples.push(clean.slice(0, k), clean.slice(k));
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['|', ':::', '\n', ' ', '#', '*', '_', '`', '[', ']', '(', ')', '<', '>', '-', '1.', '依申请', '本年新收', '3', '\\', '中', 'a', '---', '\r\n', '　'];
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let k = 0, len = Math.floor(rand() * 120); k < len; k++) s += alphabet[Math.floor(rand() * alphabet.length)];
      samples.push(s);
    }
    for (const s of samples) {
      const { document, diagnostics } = checkText(s);
      assert.doesNotThrow(() => buildModel(document), JSON.stringify(s));
      const out = renderHtml(document, { diagnostics, sourceLines: true, standalone: true });
      assert.match(out, /<\/html>\n$/);
    }
  });
});
