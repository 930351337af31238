/** Helpers shared by the renderer's tests: the example reports, an HTML table's layout, a 2019 report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeType, parse as parseHtml, type HTMLElement } from 'node-html-parser';

export const ROOT = path.join(__dirname, '..');
export const EXAMPLES = ['2023-clean', '2023-errors', '2012-legacy'] as const;

export function example(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', `${name}.xxgk`), 'utf8');
}

/** Parses HTML; `<pre>` is parsed as elements (node-html-parser keeps it as raw text by default). */
export function html(source: string): HTMLElement {
  return parseHtml(source, { blockTextElements: { script: true, noscript: true, style: true } });
}

export interface Placed {
  readonly cell: HTMLElement;
  /** Row and column of the cell's top-left slot. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * Lays out a table as a browser does (rowspan/colspan), returning the grid of slots, each pointing at the cell that
 * covers it. Throws if two cells claim one slot, so that a wrong span cannot go unnoticed.
 */
export function layout(table: HTMLElement): { slots: Placed[][]; rows: HTMLElement[] } {
  const rows = table.querySelectorAll('tr');
  const slots: Placed[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let col = 0;
    const cells = tr.childNodes.filter((n) => n.nodeType === NodeType.ELEMENT_NODE && /^(TD|TH)$/.test((n as HTMLElement).tagName)) as HTMLElement[];
    for (const cell of cells) {
      while (slots[r][col]) col++;
      const rowSpan = Number(cell.getAttribute('rowspan') ?? 1);
      const colSpan = Number(cell.getAttribute('colspan') ?? 1);
      const placed: Placed = { cell, row: r, col, rowSpan, colSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const target = slots[r + dr];
          if (!target) throw new Error(`rowspan of “${cell.text}” runs past the table`);
          if (target[col + dc]) throw new Error(`slot ${r + dr},${col + dc} claimed twice (“${cell.text}”)`);
          target[col + dc] = placed;
        }
      }
      col += colSpan;
    }
  });
  return { slots, rows };
}

/** A 2019-format report: 23-row 依申请 table with （六）其他处理 as one row, five 主动公开 blocks. */
export function report2019(): string {
  const requestRows: Array<[string, number[]]> = [
    ['本年新收', [5, 1, 0, 0, 0, 0, 6]],
    ['上年结转', [0, 0, 0, 0, 0, 0, 0]],
    ['予以公开', [3, 1, 0, 0, 0, 0, 4]],
    ['部分公开', [0, 0, 0, 0, 0, 0, 0]],
    ['国家秘密', [0, 0, 0, 0, 0, 0, 0]],
    ['法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0]],
    ['三安全一稳定', [0, 0, 0, 0, 0, 0, 0]],
    ['第三方合法权益', [0, 0, 0, 0, 0, 0, 0]],
    ['内部事务信息', [0, 0, 0, 0, 0, 0, 0]],
    ['过程性信息', [0, 0, 0, 0, 0, 0, 0]],
    ['行政执法案卷', [0, 0, 0, 0, 0, 0, 0]],
    ['行政查询事项', [0, 0, 0, 0, 0, 0, 0]],
    ['不掌握相关政府信息', [1, 0, 0, 0, 0, 0, 1]],
    ['需要另行制作', [0, 0, 0, 0, 0, 0, 0]],
    ['申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0]],
    ['信访举报投诉', [0, 0, 0, 0, 0, 0, 0]],
    ['重复申请', [0, 0, 0, 0, 0, 0, 0]],
    ['公开出版物', [0, 0, 0, 0, 0, 0, 0]],
    ['大量反复申请', [0, 0, 0, 0, 0, 0, 0]],
    ['确认或重新出具已获取信息', [0, 0, 0, 0, 0, 0, 0]],
    ['其他处理', [1, 0, 0, 0, 0, 0, 1]],
    ['总计', [5, 1, 0, 0, 0, 0, 6]],
    ['结转下年度', [0, 0, 0, 0, 0, 0, 0]],
  ];
  return [
    '---',
    '机关: 青山县统计局',
    '年度: 2020',
    '格式: 2019',
    '---',
    '',
    '# 青山县统计局2020年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    '本年度依法做好政府信息公开工作。',
    '',
    '## 二、主动公开政府信息情况',
    '',
    '::: 主动公开',
    '| 规章 | 0 | 0 | 0 |',
    '| 规范性文件 | 2 | 2 | 14 |',
    '| 行政许可 | 10 | -2 | 35 |',
    '| 其他对外管理服务事项 | 3 | 0 | 3 |',
    '| 行政处罚 | 4 | 1 | 12 |',
    '| 行政强制 | 0 | 0 | 0 |',
    '| 行政事业性收费 | 1 | 0 |',
    '| 政府集中采购 | 6 | 38.5 |',
    ':::',
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '::: 依申请',
    ...requestRows.map(([l, v]) => `| ${l} | ${v.join(' | ')} |`),
    ':::',
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '::: 复议诉讼',
    '| 行政复议 | 0 | 0 | 0 | 0 | 0 |',
    '| 直接起诉 | 0 | 0 | 0 | 0 | 0 |',
    '| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |',
    ':::',
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    '解读形式单一，下一步加以改进。',
    '',
    '## 六、其他需要报告的事项',
    '',
    '无。',
    '',
  ].join('\n');
}

/** Script, markup and link injections: none may run, load anything or leave an element behind once rendered. */
export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<script src="http://127.0.0.1:9/x.js"></script>',
  '<img src=x onerror=alert(1)>',
  '<img src="http://127.0.0.1:9/a.png">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "' autofocus onfocus='alert(1)' x='",
  '[点我](javascript:alert(1))',
  '[点我](JaVaScRiPt:alert(1))',
  '[点我](<javascript:alert(1)>)',
  '[点我](java\tscript:alert(1))',
  '[点我](data:text/html,<script>alert(1)</script>)',
  '[点我](vbscript:msgbox(1))',
  '[点我](https://127.0.0.1:9/"onmouseover="alert(1))',
  '<a href="javascript:alert(1)">链接</a>',
  '<javascript:alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '<style>body{background:url(http://127.0.0.1:9/s.png)}</style>',
  '<link rel=stylesheet href=http://127.0.0.1:9/l.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<video><source onerror="alert(1)"></video>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<base href="http://127.0.0.1:9/">',
  '<form action="javascript:alert(1)"><button>提交</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '</td></tr></table><script>alert(1)</script>',
  '</textarea></title></style><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '**<img src=x onerror=alert(1)>**',
  '[<img src=x onerror=alert(1)>](https://example.gov.cn/)',
  '![图](http://127.0.0.1:9/i.png)',
  '`<script>alert(1)</script>`',
  '\u0000<script>alert(1)</script>',
  '<x onclick=alert(1)>点击</x>',
  'javascript:alert(1)',
];

/** A 2021 report with every payload in every place a report can hold text (cells, labels, prose, headings…). */
export function injectionReport(): string {
  const p = PAYLOADS;
  const at = (k: number) => p[k % p.length];
  const yaml = (s: string) => JSON.stringify(s);
  const lines: string[] = [
    '---',
    `机关: ${yaml(p[0] + p[2])}`,
    '年度: 2023',
    '格式: 2021',
    `发布日期: ${yaml(p[8])}`,
    '---',
    '',
    `# ${p[0]}${p[2]}${p[9]}2023年政府信息公开工作年度报告`,
    '',
    ...p.map((x) => `导语：${x}`),
    '',
    '## 一、总体情况',
    '',
  ];
  p.forEach((x, k) => {
    lines.push(`### （${k + 1}）${x}`, '', `段落${k}：${x} 以及 [链接${k}](${x.replace(/[()]/g, '')}) 和 **${x}**`, '', `- ${x}`, `  1. ${x}`, '', `> ${x}`, '');
  });
  lines.push('```', ...p, '```', '');
  lines.push('| 名称 | 数值 |', '|---|---|', ...p.map((x, k) => `| ${x} | ${k % 3 === 0 ? x : k} |`), '');
  lines.push('## 二、主动公开政府信息情况', '', '::: 主动公开');
  lines.push(`| 信息内容 | ${at(3)} | 本年废止件数 | 现行有效件数 |`, '|---|---|---|---|');
  lines.push(`| 规章 | ${at(2)} | ${at(4)} | ${at(6)} |`, `| 行政规范性文件 | ${at(7)} | 1 | ${at(9)} |`);
  lines.push(`| 行政许可 | ${at(10)} |`, `| 行政处罚 | ${at(11)} |`, `| 行政强制 | 1 |`, `| 行政事业性收费 | ${at(12)} |`);
  lines.push(...p.map((x) => `| ${x} | 1 | 2 | 3 |`), ':::', '');
  lines.push('## 三、收到和处理政府信息公开申请情况', '', '::: 依申请');
  const labels = ['本年新收', '上年结转', '予以公开', '部分公开', '国家秘密', '法律行政法规禁止公开', '三安全一稳定', '第三方合法权益', '内部事务信息', '过程性信息', '行政执法案卷', '行政查询事项', '不掌握相关政府信息', '需要另行制作', '申请内容仍不明确', '信访举报投诉', '重复申请', '公开出版物', '大量反复申请', '确认或重新出具已获取信息', '逾期不补正', '逾期未缴纳费用', '其他处理/其他', '总计', '结转下年度'];
  labels.forEach((l, r) => lines.push(`| ${l} | ${Array.from({ length: 7 }, (_, c) => at(r * 7 + c)).join(' | ')} |`));
  lines.push(`| 不予公开 | ${at(5)} | 1 | 1 | 1 | 1 | 1 | 1 |`);
  lines.push(...p.map((x) => `| ${x} | 1 | 1 | 1 | 1 | 1 | 1 | 7 |`), ':::', '');
  lines.push('## 四、政府信息公开行政复议、行政诉讼情况', '', '::: 复议诉讼');
  lines.push(`| 行政复议 | ${at(0)} | ${at(1)} | ${at(2)} | ${at(3)} | ${at(4)} |`);
  lines.push(`| 未经复议直接起诉 | ${at(5)} | ${at(6)} | ${at(7)} | ${at(8)} | ${at(9)} |`);
  lines.push(`| 复议后起诉 | ${at(10)} | ${at(11)} | ${at(12)} | ${at(13)} | ${at(14)} |`);
  lines.push(...p.map((x) => `| ${x} | 0 | 0 | 0 | 0 | 0 |`), ':::', '');
  lines.push(`::: ${p[0]}`, `| ${p[2]} | ${p[4]} |`, ':::', '');
  lines.push(`## 五、${p[0]}存在的主要问题及改进情况`, '', p.join(' '), '');
  lines.push('## 六、其他需要报告的事项', '', '本年度未收取信息处理费。', '');
  return lines.join('\n');
}

/** A legacy report whose 附表 carries every payload in its header, labels, units and figures. */
export function injectionLegacyReport(): string {
  const p = PAYLOADS;
  return [
    '---',
    `机关: ${JSON.stringify(p[4])}`,
    '年度: 2012',
    '格式: legacy',
    '---',
    '',
    `# ${p[5]}2012年政府信息公开工作年度报告`,
    '',
    '## 一、概述',
    '',
    p.join('\n'),
    '',
    '::: 附表',
    `| ${p[0]} | 计量单位 | ${p[2]} | 历年累计 |`,
    '|---|---|---|---|',
    ...p.map((x, k) => (k % 2 ? `| 其中：${k}.${x} | ${x} | ${x} | 1 |` : `| ${x} | 条 | 1 | ${x} |`)),
    ':::',
    '',
  ].join('\n');
}

/** Elements the renderer itself writes; anything else in its output came from a report and must not be there. */
export const RENDERER_TAGS = new Set([
  'article', 'section', 'div', 'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre',
  'code', 'hr', 'br', 'strong', 'em', 'a', 'span', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td',
]);
