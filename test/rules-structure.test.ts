import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { applyEdits, checkText, fixAll, parse } from '../server/src/core/index';
import { formatTables } from '../server/src/core/format/tables';
import { withoutTrailingComments } from '../server/src/core/text/normalize';
import { covered, diagnostics, report2021 } from './helpers';

const clean = report2021();

describe('a clean complete 2021 report', () => {
  it('yields no diagnostic at all', () => {
    assert.deepEqual(diagnostics(clean).map((d) => `${d.rule}: ${d.message}`), []);
  });
});

describe('front-matter', () => {
  it('flags unknown keys, wrong types, impossible values and duplicates on the offending text', () => {
    const text = report2021({ frontMatter: '---\n机关: 测试局\n作者: 张三\n年度: 二〇二三\n格式: 2020\n发布日期: 2024-02-30\nagency: 又一个\n---' });
    const found = diagnostics(text, 'front-matter').map((d) => covered(text, d));
    assert.deepEqual(found, ['作者', '二〇二三', '2020', '2024-02-30', 'agency']);
  });
  it('suggests the near key and fixes it', () => {
    const text = report2021({ frontMatter: '---\n机关: 测试局\n年渡: 2023\n---' });
    const [d] = diagnostics(text, 'front-matter');
    assert.match(d.message, /是否想写“年度”/);
    assert.equal(d.fix?.edits[0].newText, '年度');
  });
  it('reports YAML syntax errors and an unclosed fence without swallowing the report', () => {
    const bad = report2021({ frontMatter: '---\n机关: [未闭合\n---' });
    assert.equal(diagnostics(bad, 'front-matter').length > 0, true);
    const unclosed = '---\n机关: 测试局\n# 标题\n## 一、总体情况\n';
    assert.match(diagnostics(unclosed, 'front-matter')[0].message, /没有以“---”结束/);
  });
  it('accepts English aliases and a missing front matter', () => {
    const text = report2021({ frontMatter: '---\nagency: 测试局\nyear: 2023\nformat: "2021"\npublished: 2024-01-20\n---' });
    assert.deepEqual(diagnostics(text, 'front-matter'), []);
    assert.deepEqual(diagnostics(report2021({ frontMatter: '' }), 'front-matter'), []);
  });
});

describe('missing-section', () => {
  it('reports each missing section on the heading it belongs before, with a skeleton fix', () => {
    const text = report2021({ problems: '' });
    const [d] = diagnostics(text, 'missing-section');
    assert.match(d.message, /缺少第五部分“存在的主要问题及改进情况”/);
    assert.equal(covered(text, d), '## 六、其他需要报告的事项');
    assert.equal(d.fix!.edits[0].newText, '## 五、存在的主要问题及改进情况\n\n');
  });
  it('inserts tables with the skeleton of a section that needs one', () => {
    const text = report2021({ appeals: '' });
    const [d] = diagnostics(text, 'missing-section');
    assert.match(d.fix!.edits[0].newText, /::: 复议诉讼\n\| 类别 \| 结果维持/);
  });
  it('on a blank document gives one note whose fix inserts the whole report, dated from today', () => {
    for (const blank of ['', '\n  \n']) {
      const all = checkText(blank, { context: { today: '2027-01-12' } }).diagnostics;
      assert.deepEqual(all.map((d) => [d.rule, d.severity]), [['missing-section', 'info']]);
      const text = all[0].fix!.edits[0].newText;
      assert.deepEqual(all[0].fix!.edits[0].span, { start: 0, end: 0 });
      assert.match(text, /^---\n机关: 某某市某某局\n年度: 2026\n格式: 2021\n发布日期: 2027-01-20\n---\n\n# 某某市某某局2026年政府信息公开工作年度报告\n/);
      const structural = ['syntax', 'front-matter', 'missing-section', 'missing-table', 'missing-row', 'cell-count', 'table-sum', 'table-header'];
      assert.deepEqual(checkText(text).diagnostics.filter((d) => structural.includes(d.rule)), []);
    }
    assert.match(checkText('', { config: { format: '2019' } }).diagnostics[0].fix!.edits[0].newText, /年度: 2020\n格式: 2019/);
  });
  it('in legacy reports asks for the core topics only, as warnings', () => {
    const legacy = '---\n格式: legacy\n年度: 2012\n---\n# 2012年报告\n## 一、概述\n## 二、主动公开政府信息情况\n';
    const found = diagnostics(legacy, 'missing-section');
    assert.deepEqual(found.map((d) => d.severity), ['warning', 'warning']);
    assert.equal(diagnostics(clean, 'missing-section').length, 0);
  });
});

describe('section-order, section-numbering, section-name, duplicate-section', () => {
  it('section-order flags a section placed after a later one', () => {
    const text = report2021({ overview: report2021().match(/## 二、[\s\S]*?:::/)![0], proactive: '## 一、总体情况\n\n概述。' });
    const [d] = diagnostics(text, 'section-order');
    assert.equal(covered(text, d), '一、总体情况');
    assert.equal(diagnostics(clean, 'section-order').length, 0);
  });
  it('section-numbering flags arabic, missing and wrong numerals, with fixes', () => {
    const text = report2021({ problems: '## 5、存在的主要问题及改进情况\n\n问题。', other: '## 其他需要报告的事项\n\n本年度未收取信息处理费。' })
      .replace('## 四、政府信息公开行政复议', '## 三、政府信息公开行政复议');
    const found = diagnostics(text, 'section-numbering');
    assert.deepEqual(found.map((d) => covered(text, d)), ['三、', '5、', '其他需要报告的事项']);
    assert.deepEqual(found.map((d) => d.fix!.edits[0].newText), ['四、', '五、', '六、']);
    assert.equal(diagnostics(clean, 'section-numbering').length, 0);
  });
  it('section-name flags a variant heading', () => {
    const text = report2021({ problems: '## 五、存在问题及改进情况\n\n问题。' });
    const [d] = diagnostics(text, 'section-name');
    assert.equal(covered(text, d), '存在问题及改进情况');
    assert.equal(d.fix!.edits[0].newText, '存在的主要问题及改进情况');
  });
  it('duplicate-section flags the second occurrence', () => {
    const text = report2021({ other: '## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n## 六、其他需要报告的事项\n\n无。' });
    const found = diagnostics(text, 'duplicate-section');
    assert.equal(found.length, 1);
    assert.ok(found[0].span.start > text.indexOf('## 六'));
  });
});

describe('year and date rules', () => {
  it('format-mismatch: a 2022 report in the 2019 layout', () => {
    const text = report2021({ frontMatter: '---\n机关: 测试局\n年度: 2022\n格式: 2019\n---', title: '# 测试局2022年政府信息公开工作年度报告' });
    const found = diagnostics(text, 'format-mismatch');
    assert.equal(covered(text, found[0]), '2019');
    assert.match(found[0].message, /2022 年度的报告应使用 2021 格式/);
    assert.equal(diagnostics(clean, 'format-mismatch').length, 0);
  });
  it('late-publication: after 31 January, or 31 March for a 人民政府', () => {
    const late = report2021({ frontMatter: '---\n机关: 测试局\n年度: 2023\n发布日期: 2024-02-01\n---' });
    assert.equal(covered(late, diagnostics(late, 'late-publication')[0]), '2024-02-01');
    const government = report2021({ frontMatter: '---\n机关: 测试市人民政府\n年度: 2023\n发布日期: 2024-03-20\n---' });
    assert.equal(diagnostics(government, 'late-publication').length, 0);
    const early = report2021({ frontMatter: '---\n机关: 测试局\n年度: 2023\n发布日期: 2023-12-20\n---' });
    assert.match(diagnostics(early, 'late-publication')[0].message, /年度 2023 结束之前/);
    assert.equal(diagnostics(clean, 'late-publication').length, 0);
  });
});

describe('syntax', () => {
  it('flags unknown container kinds with a suggestion, unclosed and stray markers', () => {
    const text = report2021().replace('::: 复议诉讼', '::: 复议诉松') + '\n:::\n';
    const found = diagnostics(text, 'syntax');
    assert.ok(found.some((d) => covered(text, d) === '复议诉松' && d.fix?.edits[0].newText === '复议诉讼'));
    assert.ok(found.some((d) => /多余的/.test(d.message)));
    const unclosed = report2021().replace(/:::\n\n## 四/, '\n## 四');
    assert.ok(diagnostics(unclosed, 'syntax').some((d) => /没有以“:::”结束/.test(d.message)));
    assert.equal(diagnostics(clean, 'syntax').length, 0);
  });
});

describe('suppression and configuration', () => {
  const broken = report2021().replace('| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 13 |', '| （一）予以公开 | 10 | 2 | 0 | 0 | 1 | 0 | 14 |');
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = broken.replace('| （一）予以公开', '<!-- xxgk-disable-next-line table-sum -->\n| （一）予以公开');
    assert.ok(diagnostics(broken, 'table-sum').length > 0);
    const left = diagnostics(text, 'table-sum');
    assert.ok(left.every((d) => !covered(text, d).startsWith('14') || d.span.start < text.indexOf('（一）予以公开')));
    assert.ok(left.length < diagnostics(broken, 'table-sum').length);
  });
  it('disable … enable silences a region', () => {
    const text = broken.replace('::: 依申请', '<!-- xxgk-disable table-sum -->\n::: 依申请').replace('## 四、', '<!-- xxgk-enable table-sum -->\n## 四、');
    assert.equal(diagnostics(text, 'table-sum').length, 0);
  });
  it('configuration turns a rule off or changes its severity', () => {
    assert.equal(diagnostics(broken, 'table-sum', { config: { rules: { 'table-sum': 'off' } } }).length, 0);
    assert.ok(diagnostics(broken, 'table-sum', { config: { rules: { 'table-sum': 'warning' } } }).every((d) => d.severity === 'warning'));
  });
});

describe('an HTML comment after a heading or a row label', () => {
  it('is no part of the name: no section-name or unknown-row finding, nothing fixed away, the comment kept by formatting (the comment was read as the name, and `--fix` deleted it)', () => {
    const source = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
    const text = source
      .replace(/^## 一、总体情况$/m, '## 一、总体情况 <!-- 待主要负责同志审定后发布 -->')
      .replace('| （一）予以公开 | 52', '| （一）予以公开 <!-- 核对 --> | 52');
    assert.equal(text.split('<!--').length, 3);
    assert.deepEqual(checkText(text, { context: { today: '2024-01-26' } }).diagnostics.map((d) => `${d.rule} ${d.message}`), []);
    assert.equal(fixAll(text, { context: { today: '2024-01-26' } }).text, text);
    const formatted = applyEdits(text, formatTables(parse(text)));
    assert.match(formatted, /\| （一）予以公开 <!-- 核对 --> +\| 52/);
    assert.match(formatted, /^## 一、总体情况 <!-- 待主要负责同志审定后发布 -->$/m);
  });
  it('a row label with a typo and a comment after it: the fix renames the label and keeps the comment (the whole cell was replaced)', () => {
    const source = fs.readFileSync('examples/2023-clean.xxgk', 'utf8');
    const text = source.replace('（区分处理的，只计这一情形，不计其他情形）', '（区分处理的，只计这一情况，不计其他情形） <!-- 原文 -->');
    assert.notEqual(text, source);
    const [d] = checkText(text, { context: { today: '2024-01-26' } }).diagnostics.filter((x) => x.rule === 'row-label');
    assert.doesNotMatch(d.message, /原文/);
    const fixed = fixAll(text, { context: { today: '2024-01-26' } }).text;
    assert.equal(fixed, source.replace('（区分处理的，只计这一情形，不计其他情形）', '（区分处理的，只计这一情形，不计其他情形） <!-- 原文 -->'));
  });
  it('a comment is taken off the end only: the name before it is read as written', () => {
    assert.equal(withoutTrailingComments('一、总体情况 <!-- a --> <!-- b -->'), '一、总体情况');
    assert.equal(withoutTrailingComments('一、总体<!-- a -->情况'), '一、总体<!-- a -->情况');
    assert.equal(withoutTrailingComments('<!-- a -->'), '');
    assert.equal(withoutTrailingComments('总体情况 -->'), '总体情况 -->');
    assert.equal(withoutTrailingComments(`${'<!--'.repeat(50_000)}x`), `${'<!--'.repeat(50_000)}x`);
  });
});
