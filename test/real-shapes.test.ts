/**
 * Shapes of real published reports that raised false alarms (issue 12, test/corpus), each reduced to a minimal case
 * beside the near miss that must still be reported.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { covered, diagnostics, report2021, requestTable2021 } from './helpers';

const frontMatter = (agency: string, published: string, extra = '') => `---\n机关: ${agency}\n年度: 2023\n格式: 2021\n发布日期: ${published}\n${extra}---`;
const late = (agency: string, published: string, extra = '') => diagnostics(report2021({ frontMatter: frontMatter(agency, published, extra) }), 'late-publication');

describe('late-publication: the deadline of a whole government’s report (31 March)', () => {
  for (const agency of ['平潭综合实验区管委会', '雄安新区管理委员会', '某某经济技术开发区管委会', '某某高新区党工委管委会', '大兴安岭地区行政公署', '某某县人民政府', '某某街道办事处']) {
    it(`${agency}: published on 8 March, in time`, () => {
      assert.deepEqual(late(agency, '2024-03-08'), []);
    });
  }

  it('a government published after 31 March is late, and the message says which deadline applied', () => {
    const [d] = late('平潭综合实验区管委会', '2024-04-02');
    assert.match(d.message, /本级政府年报的法定期限 2024-03-31/);
  });

  for (const agency of ['某市城市管理委员会', '某市人民政府办公室', '上海市人民政府办公厅', '某县发展和改革局']) {
    it(`${agency} is a department: 31 January, and the message says how to declare a government’s report`, () => {
      const [d] = late(agency, '2024-03-08');
      assert.match(d.message, /部门年报的法定期限 2024-01-31/);
      assert.match(d.message, /层级: 本级政府/);
    });
  }

  it('`层级: 本级政府` in front matter applies 31 March to any name; `层级: 部门` applies 31 January', () => {
    assert.deepEqual(late('某某区政务服务和数据管理局', '2024-03-08', '层级: 本级政府\n'), []);
    const [d] = late('某某县人民政府', '2024-03-08', '层级: 部门\n');
    assert.match(d.message, /部门年报的法定期限/);
    assert.doesNotMatch(d.message, /层级: 本级政府/, 'a declared level is not questioned');
  });

  it('an invalid `层级` value is a front-matter error that says what is expected', () => {
    const text = report2021({ frontMatter: frontMatter('某局', '2024-01-20', '层级: 市级\n') });
    const [d] = diagnostics(text, 'front-matter');
    assert.equal(covered(text, d), '市级');
    assert.match(d.message, /本级政府.*部门/);
  });
});

describe('section names: a heading with its own numeral that speaks of its topic is that section', () => {
  for (const heading of ['五、存在的主要问题及整改措施', '五、存在的主要问题和改进措施', '五、主要问题和改进措施']) {
    it(`“${heading}” is section 五 under another name: a section-name warning, not a missing section`, () => {
      const text = report2021({ problems: `## ${heading}\n\n一是信息发布的及时性有待提高。针对上年度指出的问题，已整改到位。` });
      assert.deepEqual(diagnostics(text, 'missing-section'), []);
      const names = diagnostics(text, 'section-name');
      assert.equal(names.length, 1);
      assert.match(names[0].message, /存在的主要问题及改进情况/);
    });
  }

  it('a heading with the numeral but none of the topic’s words is not taken for the section', () => {
    const text = report2021({ problems: '## 五、工作亮点\n\n本年度亮点纷呈。' });
    assert.equal(diagnostics(text, 'missing-section').length, 1);
  });
});

describe('unknown-row: a group label printed twice where the table broke over a page', () => {
  const repeatedLabel = (figures: string) =>
    requestTable2021().replace('| （四）无法提供 |', `| 三、本年度办理结果 |${figures}\n| （四）无法提供 |`);

  it('without figures it is layout, not a second filing', () => {
    const text = report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n${repeatedLabel('')}` });
    assert.deepEqual(diagnostics(text, 'unknown-row'), []);
  });

  it('a row filled in twice is still reported', () => {
    const text = report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n${requestTable2021().replace('| （四）无法提供 |', '| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| （四）无法提供 |')}` });
    assert.equal(diagnostics(text, 'unknown-row').length, 1);
  });
});

describe('cell-value: a unit typed into a money cell', () => {
  it('2019 采购总金额 has no unit: the fix only removes 元, it does not convert to 万元', () => {
    const table = '::: 主动公开\n| 信息内容 | 采购项目数量 | 采购总金额 |\n|---|---|---|\n| 政府集中采购 | 3 | 251000元 |\n:::';
    const text = `---\n机关: 某局\n年度: 2020\n格式: 2019\n发布日期: 2021-01-20\n---\n# 某局2020年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n${table}\n`;
    const [d] = diagnostics(text, 'cell-value');
    assert.equal(covered(text, d), '251000元');
    assert.doesNotMatch(d.message, /万元/);
    assert.equal(d.fix?.edits[0].newText, '251000');
  });

  it('2021 本年收费金额 is headed 万元: 元 is converted', () => {
    const text = report2021().replace('| 行政事业性收费 | 0.35 |', '| 行政事业性收费 | 3500元 |');
    const [d] = diagnostics(text, 'cell-value');
    assert.match(d.message, /万元/);
    assert.equal(d.fix?.edits[0].newText, '0.35');
  });
});

describe('row labels written with their group and their own number', () => {
  it('every combination of group prefix, numbering style and short or full label resolves to the one row it means', async () => {
    const { matchRow } = await import('../server/src/core/parser/rowmatch');
    const { formatIds, formatSpec, tableSpec } = await import('../server/src/core/index');
    let tried = 0;
    for (const format of formatIds().filter((f) => formatSpec(f).kind === 'national')) {
      const spec = tableSpec(format, '依申请')!;
      for (const row of spec.rows.filter((r) => r.parent && /^\d/.test(r.label))) {
        const parent = spec.rows.find((p) => p.id === row.parent)!;
        const n = /^(\d+)/.exec(row.label)?.[1] ?? '';
        const numbers = [`${n}.`, `${n}、`, `${n}．`, `（${n}）`, `(${n})`, ''];
        const names = [row.name, ...(row.aliases ?? [])];
        const groups = [parent.label, parent.name, parent.label.replace(/^（(.)）/, '$1、')];
        for (const group of groups) {
          for (const slash of ['/', '／']) {
            for (const number of numbers) {
              for (const name of names) {
                const label = `${group}${slash}${number}${name}`;
                const result = matchRow(label, spec);
                assert.ok('match' in result && result.match.row.id === row.id, `${format}: “${label}” → ${'match' in result ? result.match.row.id : result.unmatched.reason}, not ${row.id}`);
                tried++;
              }
            }
          }
        }
      }
    }
    assert.ok(tried > 500, `${tried} labels`);
  });

  it('a label with characters of the official text dropped (2.其他法律行政止公开) is that row, with a label warning', () => {
    // A district government printed this label so in its 2023 and 2024 tables (test/corpus 22, 23): one typo, not an
    // unknown row plus a missing row.
    const text = report2021().replace('| 2.其他法律行政法规禁止公开 |', '| 2.其他法律行政止公开 |');
    assert.ok(text.includes('2.其他法律行政止公开'));
    const found = diagnostics(text).filter((d) => ['unknown-row', 'missing-row', 'row-label', 'table-sum'].includes(d.rule));
    assert.deepEqual(found.map((d) => d.rule), ['row-label']);
    assert.match(found[0].message, /已按“2\.其他法律行政法规禁止公开”识别/);
  });

  it('dropped characters stay a typo only when few and unambiguous: a short piece or a different row is not taken', async () => {
    const { matchRow } = await import('../server/src/core/parser/rowmatch');
    const { tableSpec } = await import('../server/src/core/index');
    const spec = tableSpec('2021', '依申请')!;
    const id = (label: string) => {
      const r = matchRow(label, spec);
      return 'match' in r ? r.match.row.id : r.unmatched.reason;
    };
    assert.equal(id('2.其他法律行政止公开'), id('2.其他法律行政法规禁止公开'));
    assert.equal(id('属于三类内部信息'), id('5.属于三类内部事务信息'));
    // Four characters dropped is more than a typo; a label of other words is not made to fit.
    assert.equal(id('其他法律止公开'), 'unknown');
    assert.equal(id('本年新增申请数量合计'), 'unknown');
  });

  it('a clean report whose 3.其他 row is written 其他处理/3、其他 has no row or sum problems', () => {
    const text = report2021({ requests: `## 三、收到和处理政府信息公开申请情况\n\n本年度共收到政府信息公开申请24件，上年结转2件，办结24件，结转下年度继续办理2件。\n\n${requestTable2021((rows) => {
      const other = rows.find(([l]) => l === '3.其他')!;
      other[0] = '其他处理/3、其他';
    })}` });
    assert.deepEqual(diagnostics(text).filter((d) => ['unknown-row', 'missing-row', 'table-sum', 'row-label'].includes(d.rule)).map((d) => `${d.rule}: ${d.message}`), []);
  });
});

describe('a legacy 附表 whose year column is headed by a bare year', () => {
  const legacy = (header: string, rows = '| （一）主动公开政府信息数 | 条 | 100 | 1000 |\n| 其中：主动公开规范性文件数 | 条 | 10 | 90 |') =>
    `---\n机关: 某县人民政府\n年度: 2016\n格式: legacy\n发布日期: 2017-03-20\n---\n# 某县人民政府2016年政府信息公开工作年度报告\n\n## 一、概述\n\n本年度工作。\n\n## 二、主动公开政府信息情况\n\n本年度主动公开信息100条。\n\n## 三、依申请公开政府信息情况\n\n本年度收到申请3件。\n\n## 四、存在的主要问题及改进措施\n\n问题若干，已改进。\n\n## 五、附表\n\n::: 附表\n${header}\n|---|---|---|---|\n| 一、主动公开情况 | — | — | — |\n${rows}\n:::\n`;

  for (const header of ['| 指标名称 | 计量单位 | 2016 | 历年累计 |', '| 指标名称 | 单位 | 2016年 | 累计 |', '| 指标 | 计量单位 | 本年 | 历年累计 |', '| 项目 | 单位 | 本年度 | 上年 |', '| 统计指标 | 计量单位 | 2016年度 | 历年累计 |']) {
    it(`${header} is the header: the unit column is read as units, not as figures`, () => {
      const text = legacy(header);
      assert.deepEqual(diagnostics(text).map((d) => `${d.rule}: ${d.message}`), []);
    });
  }

  it('without the separator line too', () => {
    const text = legacy('| 指标名称 | 计量单位 | 2016 | 历年累计 |').replace('|---|---|---|---|\n', '');
    assert.deepEqual(diagnostics(text).map((d) => `${d.rule}: ${d.message}`), []);
  });

  it('after the header, a figure that happens to be 2016 is a figure', async () => {
    const { parse } = await import('../server/src/core/index');
    const text = legacy('| 指标名称 | 计量单位 | 2016 | 历年累计 |', '| （一）主动公开政府信息数 | 条 | 2016 | 2017 |');
    const table = parse(text).tables.find((t) => t.kind === '附表')!;
    const data = table.rows.filter((r) => r.kind === 'data');
    assert.equal(data.at(-1)!.values[0].text, '2016');
    assert.equal(data.at(-1)!.unit, '条');
  });
});

describe('其中 lists as real reports write them', () => {
  const overview = (sentence: string) => report2021({ overview: `## 一、总体情况\n\n${sentence}` });

  it('in brackets right after the total, half- or full-width, with labels that contain 、', () => {
    for (const [open, close] of [['(', ')'], ['（', '）']]) {
      const text = overview(`全年共公布政府信息1846条${open}其中机构职能类信息65条，政策、规范性文件类信息54条，安全生产、应急管理类信息190条，其他应主动公开政府信息1536条${close}。`);
      const [d] = diagnostics(text, 'prose-sum');
      assert.ok(d, `${open}…${close}: the parts add up to 1845`);
      assert.match(d.message, /1845/);
      assert.match(d.message, /政策、规范性文件类信息 54/);
      const right = overview(`全年共公布政府信息1845条${open}其中机构职能类信息65条，政策、规范性文件类信息54条，安全生产、应急管理类信息190条，其他应主动公开政府信息1536条${close}。`);
      assert.deepEqual(diagnostics(right, 'prose-sum'), []);
    }
  });

  it('three parts missing the total by less than the smallest of them: a warning that the list may be incomplete', () => {
    const [d] = diagnostics(overview('全年主动公开政府信息297条，其中政策文件41条，工作动态188条，通知公告66条。'), 'prose-sum');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /295.*297.*少 2/);
  });

  it('highlights far below the total, or only two parts, stay silent', () => {
    assert.deepEqual(diagnostics(overview('全年主动公开政府信息1000条，其中政策文件200条，工作动态50条，通知公告66条。'), 'prose-sum'), []);
    assert.deepEqual(diagnostics(overview('全年主动公开政府信息297条，其中政策文件41条，工作动态250条。'), 'prose-sum'), []);
  });

  it('a figureless list joined by 、 is still no breakdown', () => {
    assert.deepEqual(diagnostics(overview('全年主动公开政府信息300条，其中工作动态、通知公告、政策文件等。'), 'prose-sum'), []);
  });
});

describe('legacy reports: blanks in the template never filled in, a table section without its table', () => {
  const legacyReport = (intro: string, last: string) =>
    `---\n机关: 某县人民政府\n年度: 2013\n格式: legacy\n发布日期: 2014-01-22\n---\n# 某县人民政府2013年政府信息公开工作年度报告\n\n${intro}\n\n## 一、概述\n\n本年度工作。\n\n## 二、主动公开政府信息情况\n\n本年度主动公开信息100条。\n\n## 三、依申请公开政府信息情况\n\n本年度收到申请3件。\n\n## 四、存在的主要问题及改进措施\n\n问题若干，已改进。\n\n${last}\n`;

  it('“统计期限自至”: the period has no dates; the fix writes the report year’s', () => {
    const text = legacyReport('本报告所列数据的统计期限自至。', '');
    const [d] = diagnostics(text, 'period');
    assert.equal(covered(text, d), '自至');
    assert.equal(d.fix?.edits[0].newText, '自2013年1月1日至2013年12月31日');
  });

  it('a period with its dates is not blank', () => {
    assert.deepEqual(diagnostics(legacyReport('本报告所列数据的统计期限自2013年1月1日至2013年12月31日。', ''), 'period'), []);
  });

  it('a section named as the statistics table that holds none: missing-table (a warning)', () => {
    const text = legacyReport('', '## 五、政府信息公开情况统计表\n\n（略）');
    const [d] = diagnostics(text, 'missing-table');
    assert.equal(d.severity, 'warning');
    assert.equal(covered(text, d), '五、政府信息公开情况统计表');
    const withTable = legacyReport('', '## 五、政府信息公开情况统计表\n\n::: 附表\n| 指标名称 | 计量单位 | 2013 | 历年累计 |\n|---|---|---|---|\n| 主动公开政府信息数 | 条 | 100 | 1000 |\n:::');
    assert.deepEqual(diagnostics(withTable, 'missing-table'), []);
  });
});
