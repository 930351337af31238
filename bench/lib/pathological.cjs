// Inputs that would make a careless regular expression or loop backtrack or go quadratic, each a function of its
// length in UTF-16 code units (the fuzz test reads every rule's findings on them at 64 K; bench/lib/stress-cases.cjs
// times `check` on them at 10 KB, 100 KB and 1 MB). Shapes that are not one unit repeated (rows numbered in turn,
// nesting that deepens) grow with n in proportion to their 64 K form.
'use strict';

const K = 64 * 1024;
/** `s` repeated to exactly n code units. */
const fill = (n, s) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
const requestRow = '| 1.属于国家秘密 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n';

/** name → (n) → text of about n code units. */
const PATHOLOGICAL = {
  'thousands separators': (n) => '共' + fill(n, '1,234') + '条',
  'one number with 16 000 groups': (n) => '共1' + fill(n, ',234') + '条，其中：工作动态1条，通知公告2条。',
  'Chinese numerals': (n) => fill(n, '一十百千万') + '条',
  '其中 repeated': (n) => fill(n, '其中'),
  'a breakdown with 9 000 parts': (n) => '共1条，其中：' + fill(n, '工作动态1条，'),
  'breakdowns back to back': (n) => fill(n, '共5条，其中：工作动态2条，通知公告3条。'),
  '包括 in brackets': (n) => fill(n, '共1条（包括工作动态1条、通知公告2条）'),
  'open brackets': (n) => fill(n, '（') + '1条',
  'dates in one sentence': (n) => '本报告中所列数据的统计期限为' + fill(n, '2023年1月1日至2023年12月31日，'),
  '统计期限 and months': (n) => '统计期限' + fill(n, '1月'),
  'percentages': (n) => fill(n, '予以公开1件，占办结总数的1.0%，'),
  'request sentences': (n) => fill(n, '本年度新收政府信息公开申请1件，'),
  'years': (n) => fill(n, '2023年'),
  'ideographic spaces': (n) => fill(n, '　') + '1条',
  'digits': (n) => fill(n, '1'),
  'digits and dots': (n) => fill(n, '1.'),
  'pipes': (n) => fill(n, '|'),
  'a row of 16 000 cells': (n) => fill(n, '| 1 '),
  'a plain table of 5 000 rows': (n) => '| 类别 | 上半年 | 合计 |\n|---|---|---|\n' + fill(n, '| 工作动态 | 1 | 1 |\n'),
  'a plain table of 合计 rows': (n) => '| 类别 | 上半年 | 合计 |\n|---|---|---|\n' + fill(n, '| 工作动态 | 1 | 1 |\n| 合计 | 1 | 1 |\n'),
  'a header of 9 000 合计 columns': (n) => '| 类别 |' + fill(Math.round(n * 30000 / K), ' 合计 |') + '\n|---|\n| 工作动态 |' + fill(Math.round(n * 30000 / K), ' 1 |'),
  'a 依申请 table of 1 400 rows': (n) => '---\n格式: 2021\n---\n::: 依申请\n' + fill(n, requestRow) + ':::',
  'a 依申请 table of 3 000 unknown rows': (n) => '---\n格式: 2021\n---\n::: 依申请\n' + Array.from({ length: Math.round(3000 * n / K) }, (_, i) => `| ${'本年新收予以公开不予处理'.slice(i % 7, (i % 7) + 5)}${i} | 1 | 2 | 3 | 4 | 5 | 6 | 21 |`).join('\n') + '\n:::',
  'an ambiguous label 1 400 times': (n) => '::: 依申请\n' + fill(n, '| 其他 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |\n') + ':::',
  'full-width pipes and digits': (n) => '::: 依申请\n' + fill(n, '｜ 本年新收 ｜ １ ｜ ２ ｜\n') + ':::',
  '6 500 open containers': (n) => fill(n, '::: 依申请\n'),
  'a legacy 附表 of 其中 rows': (n) => '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n' + fill(n, '| 其中：1.政府网站 | 1 |\n') + ':::',
  'a legacy 附表 of bare 其中 markers': (n) => '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n| 总数 | 5 |\n' + fill(n, '| 其中： |\n| 1.政府网站 | 1 |\n') + ':::',
  'a legacy 附表 nested four deep': (n) => '---\n格式: legacy\n---\n::: 附表\n| 指标 | 本年 |\n' + Array.from({ length: Math.round(4000 * n / K) }, (_, i) => `| ${['一、', '（一）', '1.', '（1）'][i % 4]}政府网站 | ${Math.round(4000 * n / K) - i} |`).join('\n') + '\n:::',
  '## headings': (n) => fill(n, '## 一、总体情况\n'),
  'near-miss headings': (n) => fill(n, '## 收到和处理政府信息公开申请的情况了\n'),
  'one long heading': (n) => '## ' + fill(n, '收到和处理政府信息公开申请情况'),
  'YAML nested brackets': (n) => '---\na: ' + '['.repeat(Math.round(20000 * n / K)) + '\n---\n',
  'YAML nested maps': (n) => '---\n' + Array.from({ length: Math.round(3000 * n / K) }, (_, i) => ' '.repeat(i % 300) + 'a:').join('\n') + '\n---\n',
  'YAML alias bomb': (n) => '---\na: &a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n年度: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n',
  'a big YAML': (n) => '---\n' + fill(n, '机关: 测试局\n') + '---\n',
  'suppression comments': (n) => fill(n, '<!-- xxgk-disable-next-line table-sum -->\n'),
  'comment openers': (n) => fill(n, '<!--'),
  'lone surrogates': (n) => fill(n, '\ud800'),
  'control characters and CRs': (n) => fill(n, '\u0000\u0001\r'),
  'table rows ended by CR': (n) => fill(n, '| 合计 | 1 |\r'),
};

module.exports = { PATHOLOGICAL, PATHOLOGICAL_FUZZ_LENGTH: K };
