/**
 * legacy-prose-table: legacy prose against the 附表's this-year column. The sentences and tables are the shapes of the
 * real legacy reports in test/corpus (平潭县人民政府 2013, 平潭综合实验区 2013–2015) with the figures changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { covered, diagnostics } from './helpers';

const TABLE = `::: 附表
| 指标名称 | 计量单位 | 2013年度 | 历年累计 |
|---|---|---|---|
| 主动公开信息数 | 条 | 1853 | 5395 |
| 受理依申请公开信息总数 | 条 | 7 | 28 |
| 其中：1.当面申请数 | 条 | 0 | 18 |
| 2.传真申请数 | 条 | 0 | 0 |
| 3.电子邮件申请数 | 条 | 3 | 6 |
| 4.网上申请数 | 条 | 4 | 4 |
| 5.信函申请数 | 条 | 0 | 0 |
| 对申请的答复数 | 条 | 3 | 24 |
| 其中：1.同意公开答复数 | 条 | 2 | 19 |
| 2.同意部分公开答复数 | 条 | 1 | 3 |
| 3.否决公开答复数 | 条 | 0 | 2 |
| 行政复议数 | 件 | 0 | 0 |
| 行政诉讼数 | 件 | 0 | 0 |
:::`;

const report = (prose: string, table = TABLE) => `---
机关: 测试县人民政府
年度: 2013
格式: legacy
---

# 测试县人民政府2013年政府信息公开工作年度报告

## 三、政府信息依申请公开工作情况

${prose}

## 附表

${table}
`;
const found = (prose: string, table?: string) => {
  const text = report(prose, table);
  return diagnostics(text, 'legacy-prose-table').map((d) => ({ at: covered(text, d), message: d.message, fix: d.fix?.edits[0].newText }));
};

test('legacy-prose-table: channels, answers and results in prose against the 附表 (平潭县 2013 shape)', () => {
  assert.deepEqual(found('2013年全县共收到有关政府信息公开的申请7条，电子邮件申请数3条，网上申请数4条；对依申请公开的答复总数3条，其中同意公开答复数2条，同意部分公开答复数1条；未收到有关政府信息公开行政复议申请。'), []);
  // The published report: 网上申请数3条，信函申请数4条 while its 附表 has 电子邮件 3, 网上 4, 信函 0.
  const ds = found('2013年全县共收到有关政府信息公开的申请7条，网上申请数3条，信函申请数4条；对依申请公开的答复总数3条，其中同意公开答复数2条，其它公开答复数1条；未收到有关政府信息公开行政复议申请。');
  assert.deepEqual(ds.map((d) => [d.at, d.fix]), [['3条', '4条'], ['4条', '0条']]);
  assert.match(ds[0].message, /网上申请 3条.*“网上申请数”本年为 4/);
});

test('legacy-prose-table: totals, answers and appeals', () => {
  assert.deepEqual(found('全年共受理政府信息公开申请9件。').map((d) => d.at), ['9件']);
  assert.deepEqual(found('对依申请公开的答复总数5条，其中同意公开答复数4条。').map((d) => d.at), ['5条', '4条']);
  assert.deepEqual(found('依申请公开的答复中，同意部分公开答复数2条，否决公开答复数1条。').map((d) => d.at), ['2条', '1条']);
  // A sentence that says nothing of 政府信息公开 is not read (its 答复 may be any other).
  assert.deepEqual(found('同意部分公开答复数2条。'), []);
  // 平潭综合实验区 2013: the prose has one 复议 the 附表 does not.
  const review = found('2013年全区未收到有关政府信息公开的申请，收到1份有关政府信息公开行政复议申请已及时处理。', TABLE.replace('| 受理依申请公开信息总数 | 条 | 7 | 28 |', '| 受理依申请公开信息总数 | 条 | 0 | 28 |'));
  assert.deepEqual(review.map((d) => [d.at, d.fix]), [['1份', '0份']]);
  assert.match(review[0].message, /行政复议 1份.*“行政复议数”本年为 0/);
});

test('legacy-prose-table: a statement of none against a 附表 that counts some', () => {
  const ds = found('2013年全县未收到有关政府信息公开的申请。');
  assert.deepEqual(ds.map((d) => [d.at, d.fix]), [['2013年全县未收到有关政府信息公开的申请', undefined]]);
  assert.match(ds[0].message, /没有收到政府信息公开申请.*“受理依申请公开信息总数”本年为 7/);
  const appeals = TABLE.replace('| 行政复议数 | 件 | 0 | 0 |', '| 行政复议数 | 件 | 2 | 2 |');
  assert.deepEqual(found('2015年我区未收到有关政府信息公开行政复议、提起行政诉讼的申请。', appeals).map((d) => d.message.includes('行政复议')), [true]);
  assert.deepEqual(found('全年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。'), []);
});

test('legacy-prose-table: other counts and rows that name no one count stay silent', () => {
  for (const prose of [
    // 平潭综合实验区 2015: a service hall's applications, not 政府信息公开申请.
    '建立窗口服务大厅，区县已入驻审批服务部门和单位13个，开设窗口24个，共受理申请136437件。',
    // 平潭县 2013: information kept for disclosure on request, not requests.
    '2013年制作、获取政府信息总数3618条，其中主动公开政府信息1853条，作为依申请公开信息数107条。',
    '历年累计收到政府信息公开申请30条。',
    '收到政府信息公开申请7条，比上年增加2条。',
    '按时答复政府信息公开申请2条。',
    '共收到有关政府信息公开的申请7条，其它公开答复数1条。',
  ]) {
    assert.deepEqual(found(prose).map((d) => d.message), [], prose);
  }
  // 平潭综合实验区 2014: one row for two channels (信函、传真申请数) is no one channel.
  const joined = TABLE.replace('| 2.传真申请数 | 条 | 0 | 0 |\n', '').replace('| 5.信函申请数 | 条 | 0 | 0 |', '| 5.信函、传真申请数 | 条 | 2 | 2 |');
  assert.deepEqual(found('2014年全区收到有关政府信息公开的信函申请1条，已受理回复。', joined.replace('| 受理依申请公开信息总数 | 条 | 7 | 28 |', '| 受理依申请公开信息总数 | 条 | 1 | 1 |')), []);
});

test('legacy-prose-table: the this-year column, wherever it stands; no 附表, nothing to compare', () => {
  const swapped = TABLE.replace('| 指标名称 | 计量单位 | 2013年度 | 历年累计 |', '| 指标名称 | 计量单位 | 历年累计 | 本年 |').replace('| 受理依申请公开信息总数 | 条 | 7 | 28 |', '| 受理依申请公开信息总数 | 条 | 28 | 7 |');
  assert.deepEqual(found('全年共收到政府信息公开申请7条。', swapped), []);
  assert.deepEqual(found('全年共收到政府信息公开申请28条。', swapped).map((d) => d.fix), ['7条']);
  assert.deepEqual(found('全年共收到政府信息公开申请28条。', ''), []);
});
