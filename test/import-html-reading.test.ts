/**
 * How a web page is read (readers/html.ts, readers/html-walk.ts): the page is linearized while htmlparser2 parses
 * it, the main content chosen afterwards from each element's own text. These pages put the main content where only
 * the weights decide it, in a table's cell, behind navigation named by a class, in markup nested deeper than read,
 * and leave out the end tags HTML lets a page leave out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Parser } from 'htmlparser2';
import { readHtml, readHtmlPage } from '../server/src/core/import/readers/html';
import { parseHtml } from '../server/src/core/import/readers/html-parse';
import type { InputBlock } from '../server/src/core/import/input-blocks';
import { seededMixes } from './import-helpers';

const texts = (blocks: readonly InputBlock[]) => blocks.map((b) => (b.type === 'text' ? b.text : `[table ${b.rows.length}]`));
const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const REPORT = '<p>一、总体情况</p><p>2023年，本县坚持以公开为常态、不公开为例外，全年主动公开政府信息1,286条，其中工作动态652条，通知公告418条，政策文件216条。</p><p>二、主动公开政府信息情况</p>';
const PROSE = ['一、总体情况', '2023年，本县坚持以公开为常态、不公开为例外，全年主动公开政府信息1,286条，其中工作动态652条，通知公告418条，政策文件216条。', '二、主动公开政府信息情况'];

describe('a web page read while it is parsed', () => {
  it('the main content is the element holding most of the own text: the side column, links and the footer are left out, the title above it kept', () => {
    const blocks = readHtml(
      page(
        `<div class="top"><a href="/">首页</a> <a href="/gk">政府信息公开</a></div>` +
          `<div class="left">栏目 通知公告 工作动态</div>` +
          `<h1>青石县2023年政府信息公开工作年度报告</h1>` +
          `<div id="zoom">${REPORT}${REPORT}</div>` +
          `<div class="copyright">主办：青石县人民政府办公室</div>`,
      ),
    );
    assert.deepEqual(texts(blocks), ['青石县2023年政府信息公开工作年度报告', ...PROSE, ...PROSE]);
  });

  it('navigation named by its class is left out, unless it holds a table (then it frames the page)', () => {
    const nav = readHtml(page(`<div class="nav-bar">首页 机构 信息公开 互动交流</div><div>${REPORT}</div>`));
    assert.ok(!texts(nav).some((t) => t.includes('互动交流')));
    const framing = readHtml(page(`<div class="sidebar">${REPORT}<table><tr><td>项目</td><td>数量</td></tr><tr><td>通知</td><td>3</td></tr></table></div>`));
    assert.deepEqual(texts(framing), [...PROSE, '[table 2]']);
  });

  it('the main content in a cell of a layout table with no table inside: the cell read as lines, the table not as a grid', () => {
    const blocks = readHtml(page(`<table><tr><td>首页</td></tr><tr><td>${REPORT}</td></tr><tr><td>版权所有</td></tr></table>`));
    assert.deepEqual(texts(blocks), PROSE);
  });

  it('a layout table holding a table: its navigation cell left out, the data table read as a grid with its spans', () => {
    const data = '<table><tr><td rowspan="2">申请</td><td colspan="2">数量</td></tr><tr><td>3</td><td>4</td></tr></table>';
    const blocks = readHtml(page(`<table><tr><td class="nav">首页 机构设置 政务公开 互动交流 办事服务</td></tr><tr><td>${REPORT}${data}</td></tr></table>`));
    assert.deepEqual(texts(blocks), [...PROSE, '[table 2]']);
    const table = blocks[3] as Extract<InputBlock, { type: 'table' }>;
    assert.deepEqual(table.rows, [
      [
        { text: '申请', colSpan: undefined, rowSpan: 2 },
        { text: '数量', colSpan: 2, rowSpan: undefined },
      ],
      [
        { text: '3', colSpan: undefined, rowSpan: undefined },
        { text: '4', colSpan: undefined, rowSpan: undefined },
      ],
    ]);
  });

  it('a data table whose cells a class calls navigation keeps every cell (the grid reads them all)', () => {
    const blocks = readHtml(page(`${REPORT}<table><tr class="table-foot"><td class="foot">合计</td><td>12</td></tr></table>`));
    const table = blocks[blocks.length - 1] as Extract<InputBlock, { type: 'table' }>;
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => c.text)),
      [['合计', '12']],
    );
  });

  it('a table whose </td> and </tr> are left out, as HTML allows: the same grid as with them', () => {
    const closed = '<table><tr><td rowspan=2>一、本年新收<br>申请数量</td><td>41</td><td colspan=2>3</td></tr><tr><td>0</td><td>1</td><td>45</td></tr></table>';
    const open = '<table><tr><td rowspan=2>一、本年新收<br>申请数量<td>41<td colspan=2>3<tr><td>0<td>1<td>45</table>';
    const [a, b] = [readHtml(page(REPORT + closed)), readHtml(page(REPORT + open))];
    assert.deepEqual(b, a);
    const table = a[3] as Extract<InputBlock, { type: 'table' }>;
    assert.deepEqual(
      table.rows.map((r) => r.map((c) => [c.text, c.rowSpan ?? 1, c.colSpan ?? 1])),
      [
        [
          ['一、本年新收\n申请数量', 2, 1],
          ['41', 1, 1],
          ['3', 1, 2],
        ],
        [
          ['0', 1, 1],
          ['1', 1, 1],
          ['45', 1, 1],
        ],
      ],
    );
    // <p> and <li> left open close at the next one.
    assert.deepEqual(texts(readHtml(page('<p>第一段<p>第二段<ul><li>甲<li>乙</ul>'))), ['第一段', '第二段', '甲', '乙']);
  });

  it('markup nested deeper than read is read as text, its tables and line breaks as text too; nothing is lost', () => {
    const nested = (depth: number) => page(`${REPORT}${'<div>'.repeat(depth)}<table><tr><td>甲</td><td>乙</td></tr></table>第一行<br>同一行${'</div>'.repeat(depth)}<p>末段</p>`);
    assert.deepEqual(texts(readHtml(nested(1000))), [...PROSE, '甲乙第一行同一行', '末段']);
    assert.deepEqual(texts(readHtml(nested(10))), [...PROSE, '[table 1]', '第一行', '同一行', '末段']);
  });

  it('stray end tags under many open elements are passed over, each at once (100,000 </span> under 100,000 open <object>s took 21 s)', () => {
    const blocks = readHtml(page(`${REPORT}${'<object>'.repeat(100_000)}<p>藏在对象中</p>${'</span>'.repeat(100_000)}`));
    assert.deepEqual(texts(blocks), PROSE);
  });

  it('a page cut inside a tag, a page of links only, an empty page: read without a crash', () => {
    // The cut <img> is ended at the end of the page, so the table before it is kept (it was lost: every element
    // around the tag was closed one late).
    const cut = readHtml(`<body><div><p>2023年度报告</p><table><tr><td>甲<td>乙</tr><tr><td>丙<img src="x`);
    assert.deepEqual(texts(cut), ['2023年度报告', '[table 2]']);
    const table = cut[1];
    assert.ok(table.type === 'table');
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.text)), [['甲', '乙'], ['丙']]);
    // A page of links only is no report: it was read as its first link (通知公告) and imported as the report.
    assert.deepEqual(readHtmlPage('<div><a href="/1">通知公告</a> <a href="/2">工作动态</a></div>'), { blocks: [], refused: 'links' });
    assert.deepEqual(readHtml(''), []);
  });
});

describe('the page parsed on the tokenizer gives the events of htmlparser2\'s Parser', () => {
  const ATTRIBUTES = new Set(['id', 'class', 'role', 'rowspan', 'colspan']);
  const recorder = () => {
    const events: string[] = [];
    const handler = {
      onopentagname: (name: string) => events.push(`<${name}`),
      onattribute: (name: string, value: string) => ATTRIBUTES.has(name) && events.push(`@${name}=${value}`),
      ontext: (text: string) => events.push(`"${text}`),
      onclosetag: () => events.push('>'),
    };
    return { events, handler };
  };
  const byParser = (html: string) => {
    const { events, handler } = recorder();
    const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
    parser.write(html);
    parser.end();
    return events;
  };
  const byTokens = (html: string) => {
    const { events, handler } = recorder();
    parseHtml(html, handler, ATTRIBUTES);
    return events;
  };
  const PIECES = ['<p>', '</p>', '<P/>', '</br>', '<br/>', '</BR>', '<div/>', '<DIV>', '</div>', '<td>', '</TD>', '<tr>', '</tr>', '<th>', '<table>', '</table>', '<tbody>', '<thead>', '<tfoot>', '<li>', '</ul>', '<dd>', '<dt>', '<img src=x>', '</img>', '<input>', '<select>', '<option>', '<svg>', '<path/>', '</svg>', '<script>if (a</script', '</script>', '<style>p{}</style>', '<title>a&amp;b</title>', '<textarea><b></textarea>', '<!-- c -->', '<![CDATA[x]]>', '<!DOCTYPE html>', '<?xml x?>', '&amp;', '&nbsp;', '&#20013;', '&#x1F600;', '&bogus;', '<a href="x&amp;y" CLASS="Nav &amp; foot" id=main ROWSPAN=2 colspan=\'3\' role>', '<span class=a class=b>', '中文', '<', '</>', '</ p>', '<h1>', '</h1>', '<form>', '<rt>', '<hr/>', '<o:p>', '</O:P>', '<td colspan="2&amp;">', '<İd>', '<x-y>', '</x-y>'];

  it('on every piece of markup the Parser treats apart, in a seeded mix of them (implied end tags, void and self-closing tags, entities, raw text)', () => {
    for (const html of seededMixes(PIECES, { seed: 7, count: 3000, cutShare: 0.1 })) assert.deepEqual(byTokens(html), byParser(html), html);
  });
});
